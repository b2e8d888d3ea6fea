package p

import "embed"

//go:embed .git
var fs embed.FS
