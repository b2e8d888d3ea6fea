package p

import "embed"

//go:embed d/.dot.txt d/_sub
//go:embed d/*/*.txt
var fs embed.FS
