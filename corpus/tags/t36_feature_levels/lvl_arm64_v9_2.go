//go:build arm64.v9.2

package p
