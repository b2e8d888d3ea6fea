package assets

import "embed"

// LinuxFS exists on linux and android only.
//
//go:embed linux
var LinuxFS embed.FS
