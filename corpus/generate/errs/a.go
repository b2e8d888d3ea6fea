package errs

//go:generate echo before-error
//go:generate echo "bad\q"
//go:generate echo after-error-not-run
