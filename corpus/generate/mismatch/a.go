package mismatch

//go:generate echo "abc
