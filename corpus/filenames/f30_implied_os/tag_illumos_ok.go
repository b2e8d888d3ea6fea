//go:build illumos

package p
