package backslash

//go:generate echo "abc\
