//go:build unix

package p

import _ "embed"

//go:embed unix/*
var u string
