package cgo

//go:generate echo plain-file
