//go:build integration

package gaps

import "testing"

func TestIntegration(t *testing.T) {}
