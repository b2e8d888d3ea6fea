package p

import "embed"

//go:embed one
var s string

//go:embed two
var t string
