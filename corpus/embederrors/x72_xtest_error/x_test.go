package p_test

import _ "embed"

//go:embed all:missing_dir
var t string
