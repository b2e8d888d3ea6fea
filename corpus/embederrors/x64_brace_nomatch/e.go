package p

import "embed"

//go:embed {a,b}.txt
var fs embed.FS
