package assets

import (
	_ "embed"
	"testing"
)

//go:embed testdata/fixture.json
var fixture string

func TestFixture(t *testing.T) {
	if fixture == "" || Big == "" {
		t.Fatal("empty")
	}
}
