//go:build ignore

package p

import _ "embed"

//go:embed missing1.txt
var a string
