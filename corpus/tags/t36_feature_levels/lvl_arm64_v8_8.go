//go:build arm64.v8.8

package p
