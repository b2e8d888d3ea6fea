//go:build (linux && !android) || ios

package p
