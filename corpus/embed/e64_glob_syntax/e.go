package p

import "embed"

//go:embed [!a].txt **/x.txt
//go:embed [ab].txt [^a].txt a?txt \c.txt [^a]/x.txt
//go:embed [a-c]*.md
var fs embed.FS
