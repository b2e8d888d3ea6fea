package cgo

import "C"

//go:generate echo cgo-file $GOFILE
