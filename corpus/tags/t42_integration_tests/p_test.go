package p

import "testing"

func TestY(t *testing.T) {}
