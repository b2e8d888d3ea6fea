//go:build !cgo

package native

// Checksum returns a simple additive checksum of b.
func Checksum(b []byte) uint32 {
	var sum uint32
	for _, c := range b {
		sum += uint32(c)
	}
	return sum
}
