package p

import e "embed"

//go:embed a.txt
var a e.FS
