package p

import "embed"

//go:embed linkdir
var fs embed.FS
