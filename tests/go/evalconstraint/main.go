// Command evalconstraint is the oracle for gotags' constraint differential test. Each
// stdin line is a hex-encoded constraint line; for each it prints one tab-separated line:
//
//	err <offset or -1> <message>
//	ok <String()> <Eval under set A> <Eval under set B> <PlusBuildLines joined by '|' or ERR:message> <GoVersion>
//
// With -match GOOS GOARCH CGO TAGS, each line is instead placed at the top of a file and
// go/build's Context.MatchFile decides it: the output is true, false or err.
package main

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"go/build"
	"go/build/constraint"
	"os"
	"path/filepath"
	"strings"
)

var setA = map[string]bool{"a": true, "linux": true, "amd64": true, "go1.21": true, "cgo": true}
var setB = map[string]bool{"b": true, "c": true, "windows": true, "go1.23": true, "x_y": true}

func describe(line string) string {
	x, err := constraint.Parse(line)
	if err != nil {
		var se *constraint.SyntaxError
		if errors.As(err, &se) {
			return fmt.Sprintf("err\t%d\t%s", se.Offset, se.Err)
		}
		return fmt.Sprintf("err\t-1\t%s", err.Error())
	}
	plus := ""
	if lines, err := constraint.PlusBuildLines(x); err != nil {
		plus = "ERR:" + err.Error()
	} else {
		plus = strings.Join(lines, "|")
	}
	return fmt.Sprintf("ok\t%s\t%v\t%v\t%s\t%s", x.String(),
		x.Eval(func(t string) bool { return setA[t] }),
		x.Eval(func(t string) bool { return setB[t] }),
		plus, constraint.GoVersion(x))
}

func match(dir string, ctxt *build.Context, line string) string {
	name := "x.go"
	src := line + "\n\npackage p\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		return "err"
	}
	ok, err := ctxt.MatchFile(dir, name)
	if err != nil {
		return "err"
	}
	return fmt.Sprint(ok)
}

func main() {
	var ctxt *build.Context
	var dir string
	if len(os.Args) == 6 && os.Args[1] == "-match" {
		c := build.Default
		c.GOOS, c.GOARCH = os.Args[2], os.Args[3]
		c.CgoEnabled = os.Args[4] == "1"
		c.BuildTags = nil
		if os.Args[5] != "" {
			c.BuildTags = strings.Split(os.Args[5], ",")
		}
		ctxt = &c
		d, err := os.MkdirTemp("", "evalconstraint")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer os.RemoveAll(d)
		dir = d
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		raw, err := hex.DecodeString(in.Text())
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad hex:", err)
			os.Exit(2)
		}
		if ctxt != nil {
			fmt.Fprintln(out, match(dir, ctxt, string(raw)))
		} else {
			fmt.Fprintln(out, describe(string(raw)))
		}
	}
}
