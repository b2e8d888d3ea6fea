package p

import "embed"

//go:embed ./a.txt
var fs embed.FS
