package gen

	//go:generate echo indented
//go:generate go run golang.org/x/tools/cmd/stringer@latest -type=K
//go:generate -command unused echo x
//go:generate later arg
//go:generate -command later echo y
//go:generate echo "bad\q"
