package errs_test

//go:generate echo xtest-still-runs
//go:generate echo "a"b
