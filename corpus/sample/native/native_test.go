package native

import "testing"

func TestChecksum(t *testing.T) {
	if got := Checksum([]byte{1, 2, 3}); got != 6 {
		t.Fatalf("Checksum = %d, want 6", got)
	}
}
