//go:build go1.23

package p
