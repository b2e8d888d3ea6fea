package p

import "embed"

//go:embed aux/x.txt
var s string
