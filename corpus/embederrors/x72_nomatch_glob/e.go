package p

import "embed"

//go:embed nomatch*
var fs embed.FS
