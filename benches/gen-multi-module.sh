#!/usr/bin/env bash
# Generates a repository of many Go modules (no go.work), for timing
# `gotags check --all-modules` and `gotags matrix --all-modules` against a shell loop of
# `go list -e -json ./...` over the modules (benches/golist-modules-loop.sh), and for their
# peak memory per .go file (issue 9's benchmark).
#
# Usage: benches/gen-multi-module.sh [DIR] [MODULES] [FILES]
#   DIR      where to create it (default /tmp/gotags-modules-bench); must not be inside the
#            repository. It is deleted and recreated.
#   MODULES  number of modules (default 200): the root module and MODULES-1 nested ones
#            under mods/mNNN (each its own go.mod, so the root's ./... prunes them).
#   FILES    total number of .go files (default 70000), spread evenly.
#
# Each module has packages of 40 files: plain files, files for one OS or architecture
# (file name or //go:build), cgo files, tests, a //go:generate line and a //go:embed of one
# asset every tenth file; declarations are shared across platform variants so matrix's
# coverage gaps have work to do. mtimes are backdated to 2020-01-01 so that go list uses its
# module index.
set -euo pipefail
dir=${1:-/tmp/gotags-modules-bench}
modules=${2:-200}
files=${3:-70000}
gen=gen-multi-module
# shellcheck source=corpus/gen-lib.sh
. "$(dirname "$0")/../corpus/gen-lib.sh"
gen_fresh_dir "$dir"
gen_python - "$dir" "$modules" "$files" <<'PY'
import os, sys
root, modules, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per_pkg = 40
oses = ["linux", "windows", "darwin", "freebsd"]
arches = ["amd64", "arm64", "386"]

def module_dir(m):
    return root if m == 0 else os.path.join(root, "mods", "m%03d" % m)

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

made = 0
for m in range(modules):
    mdir = module_dir(m)
    mpath = "example.com/r" if m == 0 else "example.com/r/mods/m%03d" % m
    go = "1.%d" % (20 + m % 4)
    write(os.path.join(mdir, "go.mod"), "module %s\n\ngo %s\n" % (mpath, go))
    n = total // modules + (total - (total // modules) * modules if m == modules - 1 else 0)
    for i in range(n):
        p, k = divmod(i, per_pkg)
        pkg = "p%03d" % p
        pdir = os.path.join(mdir, "pkg", pkg)
        header, suffix, body = "", "", ""
        kind = k % 10
        if kind == 1:
            suffix = "_" + oses[k % len(oses)]
        elif kind == 2:
            suffix = "_" + arches[k % len(arches)]
        elif kind == 3:
            header = "//go:build (linux || darwin) && !386\n\n"
        elif kind == 4:
            header = "//go:build cgo\n\n"
            body = '/*\n#include <stdlib.h>\n*/\nimport "C"\n\n'
        elif kind == 5:
            suffix = "_test"
        elif kind == 6:
            header = "//go:build windows\n\n"
        if kind in (1, 2, 6):
            decl = "func platform%d() int { return %d }\n" % (k // 10, k)
        else:
            decl = "func f%d(x int) int {\n\tif x > %d {\n\t\treturn x - %d\n\t}\n\treturn x + %d\n}\n" % (k, k, k, k)
        extra = ""
        if k == 0:
            extra = "//go:generate echo generating %s\n\n" % pkg
            write(os.path.join(pdir, "asset.txt"), "x" * (100 + p % 50))
            body = 'import _ "embed"\n\n' + body
            extra += "//go:embed asset.txt\nvar asset string\n\n"
        if kind == 5:
            decl = 'import "testing"\n\nfunc TestF%d(t *testing.T) {\n\tif f0(1) == 0 {\n\t\tt.Fatal("zero")\n\t}\n}\n' % k
        text = ("%s// Package %s is generated for gotags' multi-module benchmark.\npackage %s\n\n"
                "%s%s%s\nconst c%d = \"%s\"\n") % (header, pkg, pkg, body, extra, decl, k, mpath)
        write(os.path.join(pdir, "f%02d%s.go" % (k, suffix)), text)
        made += 1
print("generated %d modules, %d .go files under %s" % (modules, made, root))
PY
gen_backdate "$dir"
