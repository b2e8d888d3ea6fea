package p

import "embed"

//go:embed withnested
var fs embed.FS
