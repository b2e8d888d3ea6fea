//go:build ignore

package main

//go:generate echo never
