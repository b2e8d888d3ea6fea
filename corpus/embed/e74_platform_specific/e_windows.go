package p

import _ "embed"

//go:embed windows.txt
var s string
