package p

import "embed"

//go:embed *.txt
var fs embed.FS
