package p

import "embed"

//go:embed ok.txt
	//go:embed   "miss ing.txt"
//go:embed "miss ing.txt"
var fs embed.FS
