package p

import _ "embed"

//go:embed ok.txt missing_test.txt
var t string
