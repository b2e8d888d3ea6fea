package p

import _ "embed"

//go:embed ok.txt
var ok string
