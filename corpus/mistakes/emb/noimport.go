package emb

//go:embed one.txt
var t string
