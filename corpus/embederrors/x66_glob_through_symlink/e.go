package p

import "embed"

//go:embed */x.txt
var fs embed.FS
