#!/usr/bin/env bash
# Regenerates corpus/expected/go1.N/<module>/<config>.json from one real Go toolchain
# (release 1.N).
#
# For every Go module directly under corpus/ (a directory holding go.mod) and every
# configuration in corpus/configs.tsv, this runs, with cwd = the
# module root and a clean environment,
#     go list -e -json ./...          (every field except the two below)
#     go list -e -test -json ./...    (TestEmbedFiles / XTestEmbedFiles of the base package)
# and keeps only the fields gotags reproduces. When go rejects a configuration outright
# (e.g. GOAMD64=v5 before Go 1.23), its first stderr line goes to <config>.rejected instead.
# A toolchain older than a module's go line would refuse the module (GOTOOLCHAIN=local), so
# it reads a copy of the go.mod with the go line lowered to its own release (-modfile); the
# tree itself is untouched. The expected files must only ever come from this script: never
# edit them by hand.
#
# Usage: corpus/generate-expected.sh [--go GO] [--test-only] [MODULE...]   (default: every module)
#   GO: a go binary (default: go1.23.x on PATH or /usr/lib/go-1.23/bin/go). Run with
#   GOTOOLCHAIN=local: the binary is the release recorded.
#   --test-only: one `go list -e -test -json` run per configuration, its base entries taken
#   as the plain listing (half the time; the default mode checks on every run that the two
#   agree).
#   ONLY="NAME ...": record only these configurations of configs.tsv (the files of the others
#   are left as they are).
# Every configuration is recorded for every release, ports of other releases and broken
# ports included: go list takes any GOOS/GOARCH pair (what `go tool dist list` prints only
# decides what `all` means).
# Needs: python3, GNU touch.
set -euo pipefail
TEST_ONLY=${TEST_ONLY:-}
if [ "${1:-}" = "--test-only" ]; then TEST_ONLY=1; shift; fi

corpus=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
gen=generate-expected
# shellcheck source=corpus/gen-lib.sh
. "$corpus/gen-lib.sh"

# ---- the toolchain -----------------------------------------------------------------------
GO=
if [ "${1:-}" = "--go" ]; then
  GO=${2:?generate-expected: --go needs a go binary}
  shift 2
  if [ "${1:-}" = "--test-only" ]; then TEST_ONLY=1; shift; fi
else
  gen_go123 "no --go given and go1.23.x not found (PATH, /usr/lib/go-1.23/bin/go)"
fi
goversion=$(GOTOOLCHAIN=local "$GO" version) || { echo "generate-expected: cannot run $GO" >&2; exit 1; }
minor=$(printf '%s\n' "$goversion" | sed -n 's/^go version go1\.\([0-9][0-9]*\)[^0-9].*/\1/p')
[ -n "$minor" ] || { echo "generate-expected: cannot read the release from: $goversion" >&2; exit 1; }
release="go1.$minor"
expected="$corpus/expected/$release"
ports=$(GOTOOLCHAIN=local "$GO" tool dist list)
gen_python -c ''
gen_tmp

# ---- the tree ----------------------------------------------------------------------------
gen_empty_dirs

if [ $# -gt 0 ]; then
  modules=("$@")
else
  modules=()
  for d in "$corpus"/*/; do
    d=${d%/}
    [ -f "$d/go.mod" ] && modules+=("$(basename "$d")")
  done
fi

# go list only uses its module index (spec §0.2) for files older than 2 s: backdated.
for m in "${modules[@]}"; do
  [ -f "$corpus/$m/go.mod" ] || { echo "generate-expected: $m is not a module under corpus/" >&2; exit 1; }
  gen_backdate "$corpus/$m"
done

# ---- configurations ----------------------------------------------------------------------
cfg_names=()
cfg_vars=()
while IFS=$'\t' read -r name vars rest; do
  case "$name" in ''|'#'*) continue ;; esac
  [ -z "${rest:-}" ] || { echo "generate-expected: configs.tsv: extra tab in line for $name" >&2; exit 1; }
  if [ -n "${ONLY:-}" ] && ! printf '%s\n' $ONLY | grep -qx "$name"; then
    continue
  fi
  goos=$(printf '%s\n' "$vars" | sed -n 's/.*GOOS=\([^ ]*\).*/\1/p')
  goarch=$(printf '%s\n' "$vars" | sed -n 's/.*GOARCH=\([^ ]*\).*/\1/p')
  if ! printf '%s\n' "$ports" | grep -qx "$goos/$goarch"; then
    echo "  $goos/$goarch is not a $release port (go tool dist list): recording $name all the same"
  fi
  cfg_names+=("$name")
  cfg_vars+=("$vars")
done <"$corpus/configs.tsv"

# Splits "A=1 B="x y"" into one assignment per line (double quotes group, no escapes).
split_vars() {
  gen_python -c '
import sys
s, out, cur, q, any_ = sys.argv[1], [], "", False, False
for ch in s:
    if ch == "\"":
        q = not q; any_ = True
    elif ch == " " and not q:
        if cur or any_: out.append(cur)
        cur, any_ = "", False
    else:
        cur += ch
if q: sys.exit("unterminated quote in: " + s)
if cur or any_: out.append(cur)
for a in out:
    if "=" not in a: sys.exit("not VAR=VALUE: " + a)
    print(a)
' "$1"
}

shape=$(cat <<'PY'
import json, os, sys
from gen_json import norm, stream

modroot, plain_path, test_path, out_path = sys.argv[1:5]

FIELDS = ["Dir", "ImportPath", "Name", "GoFiles", "CgoFiles", "IgnoredGoFiles",
          "IgnoredOtherFiles", "InvalidGoFiles", "TestGoFiles", "XTestGoFiles", "CFiles",
          "CXXFiles", "MFiles", "HFiles", "FFiles", "SFiles", "SwigFiles", "SwigCXXFiles",
          "SysoFiles", "EmbedPatterns", "EmbedFiles", "TestEmbedPatterns", "TestEmbedFiles",
          "XTestEmbedPatterns", "XTestEmbedFiles", "Incomplete", "Error"]
FROM_TEST = {"TestEmbedFiles", "XTestEmbedFiles"}

def shape(pkg, test_entry):
    out = {}
    for f in FIELDS:
        src = test_entry if f in FROM_TEST else pkg
        if src is None or f not in src:
            continue
        v = src[f]
        if f == "Dir":
            rel = os.path.relpath(v, modroot)
            v = "." if rel == "." else rel.replace(os.sep, "/")
        elif f == "Error":
            v = {k: v[k] for k in ("Err", "Pos") if k in v}
        out[f] = norm(v, [(modroot, "$MODROOT")])
    return out

plain = stream(plain_path)
test = stream(test_path)
# In `go list -test` output the base packages come first, in the same order as without
# -test; the test variants ("p [p.test]", "p_test [p.test]", "p.test") follow and carry a
# ForTest field or a ".test" import path. cmd/go/internal/load/test.go stores
# TestEmbedFiles/XTestEmbedFiles on the base package itself, so that entry is the one used.
base = [p for p in test if "ForTest" not in p and not p.get("ImportPath", "").endswith(".test")]
if [p.get("ImportPath") for p in base] != [p.get("ImportPath") for p in plain]:
    sys.exit("base packages of -test output differ from plain output:\n  %s\n  %s" % (
        [p.get("ImportPath") for p in base], [p.get("ImportPath") for p in plain]))
result = []
for p, t in zip(plain, base):
    a = shape(p, t)
    # Cross-check: apart from the -test-only fields, the base entry must agree.
    b = shape(t, t)
    for f in FIELDS:
        if f in FROM_TEST:
            continue
        if a.get(f) != b.get(f):
            sys.exit("%s: field %s differs between plain and -test output: %r vs %r" % (
                p.get("ImportPath"), f, a.get(f), b.get(f)))
    # And the test variants must not carry test embed files the base entry lacks.
    for v in test:
        if v.get("ForTest") == p.get("ImportPath") and v.get("ImportPath", "").startswith(p.get("ImportPath", "") + "_test "):
            if v.get("EmbedFiles") != t.get("XTestEmbedFiles"):
                sys.exit("%s: xtest variant EmbedFiles %r != base XTestEmbedFiles %r" % (
                    p.get("ImportPath"), v.get("EmbedFiles"), t.get("XTestEmbedFiles")))
    result.append(a)

with open(out_path, "w", encoding="utf-8") as f:
    f.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
print(len(result))
PY
)

# The base package entries of `go list -test` output (what `shape` also selects), written as
# a JSON stream: the plain listing in --test-only mode.
base_only=$(cat <<'PY'
import json, sys
from gen_json import stream
out = [o for o in stream(sys.argv[1])
       if "ForTest" not in o and not o.get("ImportPath", "").endswith(".test")]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
PY
)

# ---- run ---------------------------------------------------------------------------------
# gen_one MODULE INDEX: both go list runs for one module x config, shaped into its file.
gen_one() {
  local m=$1 i=$2 modroot="$corpus/$1" name=${cfg_names[$2]} work="$tmp/job.$1.$2"
  local assigns flags modfile=()
  mkdir -p "$work"
  mapfile -t assigns < <(split_vars "${cfg_vars[$i]}")
  local base_env=(PATH="$PATH" HOME="$tmp/home" GOCACHE="$tmp/gocache" GOPATH="$tmp/gopath"
                  GOENV=off GOFLAGS= GOTOOLCHAIN=local GOWORK=off GOPROXY=off GO386=sse2)
  local modgo
  modgo=$(sed -n 's/^go 1\.\([0-9][0-9]*\).*/\1/p' "$modroot/go.mod" | head -n 1)
  if [ -n "$modgo" ] && [ "$modgo" -gt "$minor" ]; then
    sed "s/^go 1\.[0-9][0-9.]*/go 1.$minor/" "$modroot/go.mod" >"$work/lowered.mod"
    modfile=("-modfile=$work/lowered.mod")
  fi
  rm -f "$expected/$m/$name.rejected"
  local runs=("" "-test")
  [ -z "$TEST_ONLY" ] || runs=("-test")
  for flags in "${runs[@]}"; do
    # shellcheck disable=SC2086
    if ! (cd "$modroot" && env -i "${base_env[@]}" "${assigns[@]}" "$GO" list "${modfile[@]}" -e $flags -json ./... \
          >"$work/out$flags.json" 2>"$work/stderr"); then
      if [ ! -s "$work/out$flags.json" ] && [ -s "$work/stderr" ]; then
        # go refused the configuration itself: record what it said.
        head -n 1 "$work/stderr" >"$expected/$m/$name.rejected"
        rm -f "$expected/$m/$name.json"
        echo 0 >"$work/count"
        return 0
      fi
      echo "generate-expected: go list -e $flags -json ./... failed for $m/$name:" >&2
      cat "$work/stderr" >&2
      return 1
    fi
  done
  # --test-only: the -test run's base entries stand for the plain listing.
  [ -z "$TEST_ONLY" ] || gen_python -c "$base_only" "$work/out-test.json" "$work/out.json"
  gen_python -c "$shape" "$modroot" "$work/out.json" "$work/out-test.json" \
    "$expected/$m/$name.json" >"$work/count"
}

echo "generate-expected: $goversion ($GO)"
jobs_max=${JOBS:-$(nproc 2>/dev/null || echo 2)}
for m in "${modules[@]}"; do
  mkdir -p "$expected/$m"
  for i in "${!cfg_names[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
      wait -n || { echo "generate-expected: a job failed" >&2; wait; exit 1; }
    done
    gen_one "$m" "$i" &
  done
done
while [ "$(jobs -rp | wc -l)" -gt 0 ]; do
  wait -n || { echo "generate-expected: a job failed" >&2; wait; exit 1; }
done
wait

total_files=0
total_pkgs=0
for m in "${modules[@]}"; do
  counts=()
  for i in "${!cfg_names[@]}"; do
    n=$(cat "$tmp/job.$m.$i/count") || { echo "generate-expected: no result for $m/${cfg_names[$i]}" >&2; exit 1; }
    counts+=("$n")
    total_files=$((total_files + 1))
    total_pkgs=$((total_pkgs + n))
  done
  # Drop expectations for configurations that no longer exist (not when ONLY chose some).
  for f in "$expected/$m"/*.json "$expected/$m"/*.rejected; do
    [ -e "$f" ] && [ -z "${ONLY:-}" ] || continue
    b=$(basename "$f"); b=${b%.json}; b=${b%.rejected}
    keep=no
    for name in "${cfg_names[@]}"; do [ "$name" = "$b" ] && keep=yes; done
    [ $keep = yes ] || { rm -f "$f"; echo "  removed stale $m/$b.json"; }
  done
  min=$(printf '%s\n' "${counts[@]}" | sort -n | head -1)
  max=$(printf '%s\n' "${counts[@]}" | sort -n | tail -1)
  printf '  %-12s %2d configs, %3s-%3s packages per config\n' "$m" "${#cfg_names[@]}" "$min" "$max"
done
echo "generate-expected: $release: wrote $total_files files (${#modules[@]} modules x ${#cfg_names[@]} configs), $total_pkgs package entries in all"
