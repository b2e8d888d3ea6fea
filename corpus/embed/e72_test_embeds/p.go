package p

import "embed"

//go:embed lib.txt
var lib string

var _ embed.FS
