// +build foo

//go:build !foo

package p
