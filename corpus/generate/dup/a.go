package dup

//go:generate -command gen echo one
//go:generate -command gen echo two
