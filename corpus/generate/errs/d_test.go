package errs_test

//go:generate echo xtest-after-error-not-run
