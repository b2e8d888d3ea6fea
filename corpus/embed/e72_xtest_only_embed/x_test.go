package p_test

import (
	_ "embed"
	"testing"
)

//go:embed all:fixtures
var s string

func TestX(t *testing.T) {}
