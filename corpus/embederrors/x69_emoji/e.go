package p

import "embed"

//go:embed a😀.txt
var s string
