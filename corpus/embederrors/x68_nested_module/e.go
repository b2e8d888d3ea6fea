package p

import "embed"

//go:embed nested
var fs embed.FS
