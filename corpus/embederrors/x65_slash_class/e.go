package p

import "embed"

//go:embed a[/]b
var fs embed.FS
