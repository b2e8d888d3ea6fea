//go:build ignore

// A generator run with `go run gen.go`; deliberately never part of the package.
package main

func main() {}
