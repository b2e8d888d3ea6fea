//go:build linux || !cgo

package constraints
