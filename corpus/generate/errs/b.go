package errs

//go:generate echo next-file-not-run
