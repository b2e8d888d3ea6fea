package p

// int f(void) { return 1; }
import "C"

import _ "embed"

//go:embed cgo.txt
var cgoText string
