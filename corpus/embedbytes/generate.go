//go:build ignore

// generate writes the embedbytes module into a directory, deterministically:
//
//	go run corpus/embedbytes/generate.go [-without] DIR
//
// The module (example.com/embedbytes) embeds, in package assets:
//   - Tree: an embed.FS over tree/, 3,000 small files (sizes 8..4096 B, all contents
//     distinct) in 30×10 nested directories, so 331 implicit directory entries;
//   - Part: an embed.FS over tree/d00 again (names and contents shared with Tree);
//   - Dups: an embed.FS over same/, five files with identical contents;
//   - BigString and BigBytes: a string and a []byte of the same 400 KiB file.
//
// cmd/app links assets; cmd/tiny does not. With -without, the //go:embed lines are left
// out (and no asset files are written): building both and comparing the stripped binaries
// measures what the embeds add. The bytes are a fixed xorshift stream, so every run (and
// every machine) writes the same tree.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s ^= r.s << 13
	r.s ^= r.s >> 7
	r.s ^= r.s << 17
	return r.s
}

// text returns n printable bytes.
func (r *rng) text(n int) []byte {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-_\n"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.next()%uint64(len(alphabet))]
	}
	return b
}

func write(dir, rel string, data []byte) {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		fail(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "generate:", err)
	os.Exit(1)
}

const assetsGo = `// Package assets embeds what the embedbytes corpus measures.
package assets

import "embed"

//go:embed tree
var Tree embed.FS

//go:embed tree/d00
var Part embed.FS

//go:embed same
var Dups embed.FS

//go:embed big.bin
var BigString string

//go:embed big.bin
var BigBytes []byte
`

const appGo = `// Command app links every embedding variable of assets.
package main

import "example.com/embedbytes/assets"

func main() {
	a, _ := assets.Tree.ReadFile("tree/d00/s0/f0.txt")
	b, _ := assets.Part.ReadFile("tree/d00/s0/f0.txt")
	c, _ := assets.Dups.ReadFile("same/one.dat")
	println(len(a), len(b), len(c), len(assets.BigString), len(assets.BigBytes))
}
`

const tinyGo = `// Command tiny embeds nothing.
package main

func main() { println("tiny") }
`

func main() {
	without := flag.Bool("without", false, "leave the //go:embed lines (and the asset files) out")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go run generate.go [-without] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	write(dir, "go.mod", []byte("module example.com/embedbytes\n\ngo 1.21\n"))
	src := assetsGo
	if *without {
		var keep []string
		for _, l := range strings.SplitAfter(src, "\n") {
			if !strings.HasPrefix(l, "//go:embed ") {
				keep = append(keep, l)
			}
		}
		src = strings.Join(keep, "")
	}
	write(dir, "assets/assets.go", []byte(src))
	write(dir, "cmd/app/main.go", []byte(appGo))
	write(dir, "cmd/tiny/main.go", []byte(tinyGo))
	if *without {
		return
	}
	r := &rng{s: 0x9e3779b97f4a7c15}
	for d := 0; d < 30; d++ {
		for s := 0; s < 10; s++ {
			for f := 0; f < 10; f++ {
				// One file in ten up to 100 B, four in ten up to 1 KiB, the rest up to 4 KiB:
				// the compiler stores each class differently.
				var n int
				switch k := r.next() % 10; {
				case k == 0:
					n = 8 + int(r.next()%93)
				case k < 5:
					n = 101 + int(r.next()%924)
				default:
					n = 1025 + int(r.next()%3072)
				}
				rel := fmt.Sprintf("assets/tree/d%02d/s%d/f%d.txt", d, s, f)
				// The file's number first, so no two files share contents.
				data := append([]byte(fmt.Sprintf("%04d ", (d*10+s)*10+f)), r.text(n)...)
				write(dir, rel, data[:n])
			}
		}
	}
	dup := r.text(30000)
	for _, name := range []string{"one", "two", "three", "four", "five"} {
		write(dir, "assets/same/"+name+".dat", dup)
	}
	write(dir, "assets/big.bin", r.text(400*1024))
}
