package p

import "embed"

//go:embed d2
var fs embed.FS
