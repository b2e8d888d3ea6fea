//go:build GOOS

package p
