// Package broken has a pattern that matches nothing: go list reports the package error,
// gotags embed reports it with its position and goes on.
package broken

import "embed"

//go:embed good
var Good embed.FS

//go:embed missing/*.txt
var Missing string
