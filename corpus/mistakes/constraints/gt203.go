//go:build linux || !linux

package constraints
