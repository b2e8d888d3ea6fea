package p

import "embed"

//go:embed broken.txt
var s string
