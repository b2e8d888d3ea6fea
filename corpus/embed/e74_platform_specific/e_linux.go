package p

import _ "embed"

//go:embed linux.txt
var s string
