//go:build arm64.v9.0

package p
