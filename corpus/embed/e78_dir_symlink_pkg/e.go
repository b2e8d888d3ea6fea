package p

import "embed"

//go:embed data
var fs embed.FS
