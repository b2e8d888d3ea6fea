//go:build !cgo

package p

func Twice(x int) int { return 2 * x }
