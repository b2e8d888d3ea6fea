#!/usr/bin/env bash
# Records corpus/expected-patterns/go1.N/<case>.json from the real toolchains: for every
# case in corpus/patterns/cases.tsv, `go -C DIR list -e -json PATTERNS` in a clean
# environment (a `copy:DIR` case in a copy outside every module), shaped to the fields
# gotags reproduces, plus go's warnings on stderr and, when go stops before listing, its
# exit status and error lines. Never edit the output by hand.
#
# Usage: corpus/generate-expected-patterns.sh [RELEASE...]   (default: every toolchain found;
#        a release is 1.21, 1.22, 1.23, 1.26 or 1.27)
# Toolchains: /usr/lib/go-1.2N/bin/go, `go` on PATH (1.26), and Go 1.27 from the module
# cache copy `GOTOOLCHAIN=go1.27.3 go` downloaded (run directly with GOTOOLCHAIN=local).
# Needs: python3, GNU touch.
set -euo pipefail

corpus=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root="$corpus/patterns"
gen=generate-expected-patterns
# shellcheck source=corpus/gen-lib.sh
. "$corpus/gen-lib.sh"
gen_python -c ''

toolchain() {
  case "$1" in
    1.21|1.22|1.23) echo "/usr/lib/go-$1/bin/go" ;;
    1.26) command -v go || true ;;
    1.27)
      local gp
      gp=$(go env GOMODCACHE 2>/dev/null || echo "$HOME/go/pkg/mod")
      echo "$gp/golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64/bin/go" ;;
  esac
}

if [ $# -gt 0 ]; then releases=("$@"); else releases=(1.21 1.22 1.23 1.26 1.27); fi

gen_tmp
gen_empty_dirs patterns/
gen_backdate "$root"

shape=$(cat <<'PY'
import json, sys
from gen_json import norm, stream

root, goroot, out_path, stdout_path, stderr_path, status = sys.argv[1:7]
FIELDS = ["Dir", "ImportPath", "Name", "GoFiles", "CgoFiles", "IgnoredGoFiles",
          "IgnoredOtherFiles", "InvalidGoFiles", "TestGoFiles", "XTestGoFiles", "CFiles",
          "CXXFiles", "MFiles", "HFiles", "FFiles", "SFiles", "SwigFiles", "SwigCXXFiles",
          "SysoFiles", "EmbedPatterns", "EmbedFiles", "TestEmbedPatterns",
          "XTestEmbedPatterns", "Incomplete", "Error"]

PLACES = [(root, "$PATTERNS"), (goroot, "$GOROOT")]
pkgs = []
for obj in stream(stdout_path):
    out = {}
    for f in FIELDS:
        if f in obj:
            v = obj[f]
            if f == "Error":
                v = {k: v[k] for k in ("Err", "Pos") if k in v}
            out[f] = norm(v, PLACES)
    pkgs.append(out)
stderr = [norm(l, PLACES) for l in open(stderr_path, encoding="utf-8").read().splitlines()]
warnings = [l for l in stderr if l.startswith("go: warning:") or l.startswith("warning: ")]
result = {"packages": pkgs, "warnings": warnings, "exit": int(status)}
if int(status) != 0:
    result["errors"] = [l for l in stderr if l not in warnings]
with open(out_path, "w", encoding="utf-8") as f:
    f.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
print(len(pkgs))
PY
)

for rel in "${releases[@]}"; do
  GO=$(toolchain "$rel")
  if [ -z "$GO" ] || [ ! -x "$GO" ]; then
    echo "generate-expected-patterns: no Go $rel toolchain (looked for ${GO:-go on PATH})" >&2
    exit 1
  fi
  goversion=$(env GOTOOLCHAIN=local "$GO" version)
  case "$goversion" in
    "go version go$rel."*) ;;
    *) echo "generate-expected-patterns: need go$rel.x, $GO says: $goversion" >&2; exit 1 ;;
  esac
  goroot=$(env GOTOOLCHAIN=local "$GO" env GOROOT)
  out="$corpus/expected-patterns/go$rel"
  rm -rf "$out"
  mkdir -p "$out"
  n_cases=0
  n_pkgs=0
  while IFS=$'\t' read -r name dir envs patterns rest; do
    case "$name" in ''|'#'*) continue ;; esac
    [ -z "${rest:-}" ] || { echo "generate-expected-patterns: cases.tsv: extra tab in $name" >&2; exit 1; }
    # `copy:DIR`: the case runs in a copy of DIR's first element under a fresh temporary
    # directory outside every module (mtimes kept), which then stands for $PATTERNS, so
    # the recording does not depend on what lies above the checkout.
    case_root=$root
    case "$dir" in
      copy:*)
        dir=${dir#copy:}
        case_root="$tmp/outside"
        rm -rf "$case_root"
        mkdir -p "$case_root"
        cp -a "$root/${dir%%/*}" "$case_root/"
        case_root=$(cd "$case_root" && pwd -P)
        gomod=$(cd "$case_root/$dir" && env -i PATH="$PATH" HOME="$tmp/home" GOENV=off \
          GOWORK=off GOTOOLCHAIN=local "$GO" env GOMOD)
        if [ "$gomod" != /dev/null ]; then
          echo "generate-expected-patterns: $name: $case_root/$dir is inside a module ($gomod)" >&2
          exit 1
        fi
        ;;
    esac
    extra=()
    if [ "$envs" != "-" ]; then
      for a in $envs; do extra+=("${a//\$PATTERNS/$case_root}"); done
    fi
    args=()
    if [ "$patterns" != "-" ]; then
      # shellcheck disable=SC2206
      args=($patterns)
    fi
    status=0
    (cd "$case_root" && env -i PATH="$PATH" HOME="$tmp/home" GOCACHE="$tmp/gocache" GOPATH="$tmp/gopath" \
        GOENV=off GOFLAGS= GOTOOLCHAIN=local GOPROXY=off GO386=sse2 GOOS=linux GOARCH=amd64 \
        CGO_ENABLED=1 "${extra[@]}" "$GO" -C "$dir" list -e -json "${args[@]}" \
        >"$tmp/stdout" 2>"$tmp/stderr") || status=$?
    n=$(gen_python -c "$shape" "$case_root" "$goroot" "$out/$name.json" "$tmp/stdout" "$tmp/stderr" "$status")
    n_cases=$((n_cases + 1))
    n_pkgs=$((n_pkgs + n))
  done <"$root/cases.tsv"
  echo "generate-expected-patterns: $goversion: $n_cases cases, $n_pkgs entries -> ${out#"$corpus/"}"
done
