package platform

import "testing"

func TestLinuxName(t *testing.T) {
	if osName() != "Linux" {
		t.Fatal(osName())
	}
}
