package p

import "embed"

//go:embed .svn/entries
var fs embed.FS
