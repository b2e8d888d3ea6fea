//go:build 386.softfloat

package p
