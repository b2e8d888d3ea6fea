package p

import "embed"

//go:embed names uni
var fs embed.FS
