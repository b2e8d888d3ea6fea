// Package cgoassets embeds a file from a cgo file: counted only when cgo is enabled.
package cgoassets

// int answer(void) { return 42; }
import "C"

import _ "embed"

//go:embed cgo.txt
var Text string

func Answer() int { return int(C.answer()) }
