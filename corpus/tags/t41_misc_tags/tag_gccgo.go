//go:build gccgo

package p
