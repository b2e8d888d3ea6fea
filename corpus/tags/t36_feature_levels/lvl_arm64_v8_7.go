//go:build arm64.v8.7

package p
