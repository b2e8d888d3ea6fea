package p

import "embed"

//go:embed all:
var fs embed.FS
