//go:build linux || darwin

package p
