//go:build !linux && !darwin

package plat

// Open opens the platform handle.
func Open() {}
