package p

import "embed"

//go:embed vendor testdata all:onlyhidden all:keeponly
var fs embed.FS
