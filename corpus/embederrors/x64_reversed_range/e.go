package p

import "embed"

//go:embed [c-a].txt
var fs embed.FS
