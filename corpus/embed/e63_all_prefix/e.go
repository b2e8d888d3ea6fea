package p

import "embed"

//go:embed all:d
var fs embed.FS
