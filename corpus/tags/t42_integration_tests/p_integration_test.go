//go:build integration

package p_test

import "testing"

func TestX(t *testing.T) {}
