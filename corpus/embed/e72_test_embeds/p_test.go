package p

import (
	_ "embed"
	"testing"
)

//go:embed testdata/in.txt
var in string

func TestIn(t *testing.T) { _ = in }
