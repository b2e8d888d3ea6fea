package foo_test
