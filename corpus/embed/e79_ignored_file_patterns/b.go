package p

import _ "embed"

//go:embed present.txt
var b string
