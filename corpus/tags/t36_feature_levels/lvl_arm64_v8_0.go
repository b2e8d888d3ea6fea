//go:build arm64.v8.0

package p
