package p

import "embed"

//go:embed linkdir/x.txt
var s string
