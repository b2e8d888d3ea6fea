//go:build Linux

package p
