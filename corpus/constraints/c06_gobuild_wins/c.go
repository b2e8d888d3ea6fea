//go:build foo
// +build !foo

package p
