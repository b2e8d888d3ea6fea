#!/usr/bin/env bash
# Generates a Go module with many embedded asset files, for timing `gotags embed
# --all-platforms` against `go list -e -json ./...` (issue 3's benchmark).
#
# Usage: benches/gen-embed-module.sh [DIR] [FILES]
#   DIR    where to create the module (default /tmp/gotags-embed-bench); must not be inside
#          the repository. It is deleted and recreated.
#   FILES  number of asset files (default 50000).
#
# Layout: 20 packages pkgNN, each with an `embed.FS` over assets/ (FILES/20 files in
# 50-file directories, plus a dotfile and an `_` file per directory that the pattern leaves
# out), a `string` and a `[]byte` variable over one shared file, and a Windows-only file
# embedding its own directory. Sizes vary (100..4195 bytes). All mtimes are backdated to
# 2020-01-01 so that go list uses its module index, as in the corpus.
set -euo pipefail
dir=${1:-/tmp/gotags-embed-bench}
files=${2:-50000}
gen=gen-embed-module
# shellcheck source=corpus/gen-lib.sh
. "$(dirname "$0")/../corpus/gen-lib.sh"
gen_fresh_dir "$dir"
printf 'module example.com/embedbench\n\ngo 1.23\n' >"$dir/go.mod"
gen_python - "$dir" "$files" <<'PY'
import os, sys
root, total = sys.argv[1], int(sys.argv[2])
pkgs = 20
per_pkg = total // pkgs
per_dir = 50
made = 0
for p in range(pkgs):
    pdir = os.path.join(root, "pkg%02d" % p)
    n = per_pkg + (total - per_pkg * pkgs if p == pkgs - 1 else 0)
    for i in range(n):
        d = os.path.join(pdir, "assets", "d%03d" % (i // per_dir))
        if i % per_dir == 0:
            os.makedirs(d, exist_ok=True)
            for hidden in (".keep", "_draft.txt"):
                with open(os.path.join(d, hidden), "w") as f:
                    f.write("hidden\n")
        with open(os.path.join(d, "f%05d.txt" % i), "wb") as f:
            f.write(b"x" * (100 + (i * 7919 + p) % 4096))
        made += 1
    os.makedirs(os.path.join(pdir, "win"), exist_ok=True)
    with open(os.path.join(pdir, "win", "icon.ico"), "wb") as f:
        f.write(b"i" * 4096)
    with open(os.path.join(pdir, "shared.txt"), "wb") as f:
        f.write(b"s" * 1000)
    with open(os.path.join(pdir, "p.go"), "w") as f:
        f.write('''package pkg%02d

import "embed"

//go:embed assets
var Assets embed.FS

//go:embed shared.txt
var Shared string

//go:embed shared.txt
var SharedCopy []byte
''' % p)
    with open(os.path.join(pdir, "p_windows.go"), "w") as f:
        f.write('''package pkg%02d

import _ "embed"

//go:embed win
var Icon []byte
''' % p)
print("gen-embed-module: %d asset files in %d packages under %s" % (made, pkgs, root))
PY
gen_backdate "$dir"
