package constraints

//go:build linux
