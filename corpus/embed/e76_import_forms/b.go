package p

import . "embed"

//go:embed b.txt
var b FS
