package gen

//go:generate echo underscore-file-not-scanned
