//go:build é_ü || Linux

package p
