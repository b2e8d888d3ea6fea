package gen

//go:generate echo indented
//go:generate go run golang.org/x/tools/cmd/stringer@v0.21.0 -type=K
//go:generate -command later echo y
//go:generate later arg
//go:generate echo "good\t"
