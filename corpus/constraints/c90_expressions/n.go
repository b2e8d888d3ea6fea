package p

//go:build windows
