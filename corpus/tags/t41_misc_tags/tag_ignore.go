//go:build ignore

package p
