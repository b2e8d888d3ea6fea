package p

import "embed"

//go:embed zzz.txt
//go:embed aaa.txt
var fs embed.FS
