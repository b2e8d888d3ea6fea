package p

import "embed"

//go:embed gomoddir
var fs embed.FS
