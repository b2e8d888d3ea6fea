#!/usr/bin/env bash
# Records, for one real Go toolchain, the tool tags `go list` computes for a fixed set of
# GOOS/GOARCH/GOEXPERIMENT/GO$GOARCH settings (or the error go prints), into
# corpus/expected-tooltags/go1.N.txt. tests/golden.rs checks gotags' BuildContext against
# every line, without Go. The files must only ever come from this script.
#
# Usage: corpus/generate-tooltags.sh GO     (GO: path of a go binary; GOTOOLCHAIN=local is set)
# Every run sets GOOS=linux GOARCH=amd64 GO386=sse2 CGO_ENABLED=0 unless the line sets them.
set -euo pipefail
corpus=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
gen=generate-tooltags
# shellcheck source=corpus/gen-lib.sh
. "$corpus/gen-lib.sh"
GO=${1:?usage: generate-tooltags.sh GO}
version=$(GOTOOLCHAIN=local "$GO" env GOVERSION)
minor=$(printf '%s\n' "$version" | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p')
[ -n "$minor" ] || { echo "generate-tooltags: cannot read the release from '$version'" >&2; exit 1; }
out="$corpus/expected-tooltags/go1.$minor.txt"
mkdir -p "$corpus/expected-tooltags"
gen_tmp
mkdir -p "$tmp/m"
printf 'module m\n\ngo 1.21\n' >"$tmp/m/go.mod"
printf 'package p\n' >"$tmp/m/p.go"
probe() {
  local res
  if res=$(cd "$tmp/m" && env -i PATH="$PATH" HOME="$tmp/home" GOENV=off GOTOOLCHAIN=local \
      GOCACHE="$tmp/cache" GOPATH="$tmp/gopath" GOFLAGS= GOOS=linux GOARCH=amd64 GO386=sse2 \
      CGO_ENABLED=0 "$@" "$GO" list -f '{{context.ToolTags}}' 2>&1); then
    printf '%s => %s\n' "$*" "$res"
  else
    printf '%s => error: %s\n' "$*" "$(printf '%s' "$res" | head -n 1 | sed 's/^go: //')"
  fi
}
{
  echo "# $version: go list -f '{{context.ToolTags}}' per setting (corpus/generate-tooltags.sh)"
  for pair in aix/ppc64 darwin/amd64 darwin/arm64 ios/arm64 js/wasm wasip1/wasm linux/386 linux/amd64 \
      linux/arm linux/arm64 linux/loong64 linux/mips linux/mipsle linux/mips64 linux/mips64le \
      linux/ppc64 linux/ppc64le linux/riscv64 linux/s390x windows/amd64 windows/arm64; do
    probe GOOS="${pair%/*}" GOARCH="${pair#*/}"
  done
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2086
    probe $line
  done <<'LINES'
GOAMD64=v3
GOAMD64=v5
GOARCH=arm GOARM=6
GOARCH=arm GOARM=6,softfloat
GOARCH=arm GOARM=8
GOARCH=arm64 GOARM64=v8.1,lse
GOARCH=arm64 GOARM64=v9.2
GOARCH=arm64 GOARM64=v9.9
GOARCH=riscv64 GORISCV64=rva22u64
GOARCH=riscv64 GORISCV64=rva23u64
GOARCH=riscv64 GORISCV64=bad
GOARCH=ppc64le GOPPC64=power10
GOARCH=ppc64le GOPPC64=power11
GOARCH=mips GOMIPS=softfloat
GOARCH=mips GOMIPS=bad
GOARCH=mips64 GOMIPS64=softfloat
GOARCH=mips64 GOMIPS64=bad
GOARCH=386 GO386=softfloat
GOARCH=386 GO386=bad
GOOS=js GOARCH=wasm GOWASM=satconv
GOOS=js GOARCH=wasm GOWASM=bad
GOEXPERIMENT=none
GOEXPERIMENT=noregabi
GOARCH=loong64 GOEXPERIMENT=noregabi
GOARCH=s390x GOEXPERIMENT=noregabi
GOARCH=s390x GOEXPERIMENT=none
GOEXPERIMENT=rangefunc
GOEXPERIMENT=aliastypeparams
GOEXPERIMENT=nocoverageredesign
GOEXPERIMENT=boringcrypto,arenas
GOEXPERIMENT=allocheaders
GOEXPERIMENT=nogreenteagc
GOEXPERIMENT=jsonv2
GOEXPERIMENT=swissmap
GOEXPERIMENT=nodwarf5
GOOS=darwin GOARCH=arm64 GOEXPERIMENT=dwarf5
GOEXPERIMENT=bogus
LINES
} >"$out"
echo "generate-tooltags: wrote $out" >&2
