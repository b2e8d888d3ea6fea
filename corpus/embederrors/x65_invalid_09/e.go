package p

import "embed"

//go:embed a\
var fs embed.FS
