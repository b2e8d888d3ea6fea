package p

import "embed"

//go:embed .svn
var fs embed.FS
