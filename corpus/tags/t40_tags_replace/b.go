//go:build b

package p
