package emb

import "embed"

//go:embed missing.txt
var a embed.FS

//go:embed one.txt
var b embed.FS

//go:embed all:static
var c embed.FS

//go:embed static/a.css
var d embed.FS

//go:embed one.txt
var e embed.FS

func f() {}

//go:embed one.txt
var n string

//go:embed one*.txt
var s string

//go:embed one.txt
var i string

func g() {
	var v string
	_ = v
}
