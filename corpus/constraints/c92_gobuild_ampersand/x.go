//go:build a & b

package p
