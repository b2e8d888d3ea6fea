//go:build goexperiment.boringcrypto

package p
