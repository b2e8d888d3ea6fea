//go:build a
//go:build b

package p
