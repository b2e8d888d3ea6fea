package p

import "embed"

//go:embed nested/n.txt
var s string
