package p

import "embed"

//go:embed onlyhidden
var fs embed.FS
