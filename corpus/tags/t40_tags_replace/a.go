//go:build a

package p
