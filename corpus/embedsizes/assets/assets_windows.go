package assets

import _ "embed"

// Icon exists on Windows only.
//
//go:embed win/icon.ico
var Icon []byte
