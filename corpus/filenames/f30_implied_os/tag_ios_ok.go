//go:build ios

package p
