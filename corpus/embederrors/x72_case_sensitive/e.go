package p

import "embed"

//go:embed *.TXT
var fs embed.FS
