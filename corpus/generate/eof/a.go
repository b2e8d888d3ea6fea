package eof

//go:generate echo first
//go:generate echo no-final-newline