package p

import "embed"

//go:embed é.txt missing.txt
var fs embed.FS
