//go:build go1

package p
