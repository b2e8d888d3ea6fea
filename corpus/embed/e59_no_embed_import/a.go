package p

//go:embed a.txt
var s string
