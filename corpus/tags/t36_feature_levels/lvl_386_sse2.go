//go:build 386.sse2

package p
