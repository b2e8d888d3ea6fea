package p

import "embed"

//go:embed emptydir
var fs embed.FS
