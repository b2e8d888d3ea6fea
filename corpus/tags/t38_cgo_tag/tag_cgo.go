//go:build cgo

package p
