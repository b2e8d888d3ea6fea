package emb

import "embed"

//go:embed missing.txt
var a embed.FS

//go:embed ../outside.txt
var b embed.FS

//go:embed static
var c embed.FS

//go:embed *
var d embed.FS

//go:embed one.txt
func f() {}

//go:embed one.txt
var n int

//go:embed *.txt
var s string

//go:embed one.txt
var i string = "x"

func g() {
	//go:embed one.txt
	var v string
	_ = v
}
