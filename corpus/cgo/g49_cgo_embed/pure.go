//go:build !cgo

package p

import _ "embed"

//go:embed pure.txt
var pureText string
