//go:build linux && windows

package constraints
