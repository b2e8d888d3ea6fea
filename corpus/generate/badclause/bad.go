package badclause
// a comment with an invalid byte: ÿ

//go:generate echo never-runs $GOFILE

var X = 1
