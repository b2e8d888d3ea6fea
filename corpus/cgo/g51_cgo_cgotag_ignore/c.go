//go:build cgo

package p

// int f(void) { return 1; }
import "C"
