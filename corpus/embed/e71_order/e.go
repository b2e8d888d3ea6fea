package p

import "embed"

//go:embed a*
//go:embed a.txt "a b.txt"
var fs embed.FS
