package p

import "embed"

//go:embed trail.
var s string
