// Command pathmatch is the oracle for gotags' path matcher differential test: each stdin
// line is "hex(pattern) hex(name)"; each output line is true, false or err (path.Match's
// ErrBadPattern).
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"strings"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		p, n, _ := strings.Cut(in.Text(), " ")
		pat, err1 := hex.DecodeString(p)
		name, err2 := hex.DecodeString(n)
		if err1 != nil || err2 != nil {
			fmt.Fprintln(os.Stderr, "bad hex")
			os.Exit(2)
		}
		ok, err := path.Match(string(pat), string(name))
		if err != nil {
			fmt.Fprintln(out, "err")
		} else {
			fmt.Fprintln(out, ok)
		}
	}
}
