// Package web embeds a public/ tree with all:, keeping _redirects and .well-known/.
package web

import (
	"embed"
)

//go:embed all:public
var Public embed.FS

// Index is also in Public: stored once.
//
//go:embed public/index.html
var Index string
