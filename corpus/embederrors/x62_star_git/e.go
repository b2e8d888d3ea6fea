package p

import "embed"

//go:embed *
var fs embed.FS
