//go:build go1.1

package p
