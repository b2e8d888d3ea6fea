package gaps

import "testing"

func TestGreeting(t *testing.T) {
	if Greeting() == "" {
		t.Fatal("empty greeting")
	}
}
