package p

import "embed"

//go:embed "a b.txt"
var one string

//go:embed a b.txt
var two embed.FS

//go:embed "bad ok1.txt
var three string

//go:embed `raw q.txt` "esc\x41.txt" "\u00e9.txt"
var four embed.FS

//go:embed "x.txt"y.txt ok2.txt
var five string

//go:embed `unterminated ok3.txt
var six string
