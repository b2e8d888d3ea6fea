package p

import "embed"

//go:embed a.txt b.txt zz.txt
var fs embed.FS
