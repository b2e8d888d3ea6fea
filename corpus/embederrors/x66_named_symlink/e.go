package p

import "embed"

//go:embed l.txt
var s string
