// Package assets embeds the same files through string, []byte and embed.FS variables, to
// show gotags' size rules: string and embed.FS contents are stored once, []byte variables
// carry their own copy.
package assets

import "embed"

// Data is a directory pattern: data/.hidden.env, data/_skip.txt and data/sub/_partial.txt
// are left out (all:data would keep them).
//
//go:embed data
var Data embed.FS

// Big shares its contents with Data: counted once.
//
//go:embed data/big.bin
var Big string

// BigCopy is a []byte: its own copy of big.bin, one.txt and two.txt.
//
//go:embed data/big.bin data/*.txt
var BigCopy []byte

var (
	// Two names two.txt twice, by two directives.
	//go:embed data/two.txt
	//go:embed data/t*.txt
	Two string
)

type blob []byte

// Notes has a defined type gotags does not resolve: counted as an own copy.
//
//go:embed notes.md
var Notes blob
