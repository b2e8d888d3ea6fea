//go:build boringcrypto

package p
