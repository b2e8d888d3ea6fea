package p_test

import (
	"embed"
	"testing"
)

//go:embed testdata/golden lib.txt
var golden embed.FS

func TestGolden(t *testing.T) { _ = golden }
