//go:build arm64.v9.3

package p
