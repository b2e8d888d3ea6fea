// Package native computes checksums in C when cgo is available.
package native

/*
#cgo CFLAGS: -O2
#include "native.h"
*/
import "C"

import "unsafe"

// Checksum returns a simple additive checksum of b.
func Checksum(b []byte) uint32 {
	if len(b) == 0 {
		return 0
	}
	return uint32(C.checksum((*C.uchar)(unsafe.Pointer(&b[0])), C.size_t(len(b))))
}
