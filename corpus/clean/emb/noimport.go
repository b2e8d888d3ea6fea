package emb

import _ "embed"

//go:embed one.txt
var t string
