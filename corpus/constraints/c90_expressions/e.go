//go:build !windows && !plan9

package p
