package p

import "embed"

//go:embed d/*
var fs embed.FS
