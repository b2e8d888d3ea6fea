//go:build foo

package p

import _ "embed"

//go:embed foo.txt
var t string
