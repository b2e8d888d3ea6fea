package gen

//go:generate echo windows-only $GOOS
