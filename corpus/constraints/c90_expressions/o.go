//go:build ! windows

package p
