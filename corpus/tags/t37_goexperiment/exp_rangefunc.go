//go:build goexperiment.rangefunc

package p
