package p

import "embed"

//go:embed con.txt
var s string
