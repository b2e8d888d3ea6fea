//go:build !plan9

// Package notplan9 has no Go files on plan9.
package notplan9

// Hello says hello.
func Hello() string { return "hello" }
