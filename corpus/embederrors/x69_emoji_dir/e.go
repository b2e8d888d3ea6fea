package p

import "embed"

//go:embed emoji
var fs embed.FS
