package p

import "embed"

//go:embed d\/x.txt
var fs embed.FS
