#!/usr/bin/env bash
# The shell loop `gotags matrix --platforms all --cgo both` replaces: one
# `go list -e -json ./...` per configuration (49 ports of `go tool dist list` × cgo off/on),
# output discarded. Time it beside gotags, e.g.
#
#   hyperfine -N --runs 3 'bash benches/golist-matrix-loop.sh /usr/lib/go-1.23/src'
#   hyperfine -N --warmup 2 --runs 15 \
#     'target/release/gotags matrix /usr/lib/go-1.23/src --platforms all --cgo both --format json'
#
# Usage: benches/golist-matrix-loop.sh DIR   (default: $(go env GOROOT)/src)
# Needs go1.23.x on PATH or at /usr/lib/go-1.23/bin/go. GOFLAGS is cleared so no -tags or
# -mod setting of the caller's leaks in; the build cache stays warm between runs, as it
# would for a user running the loop twice.
set -euo pipefail

if command -v go >/dev/null 2>&1 && go version 2>/dev/null | grep -q ' go1\.23\.'; then
  GO=$(command -v go)
else
  GO=/usr/lib/go-1.23/bin/go
fi
dir=${1:-$("$GO" env GOROOT)/src}
cd "$dir"
export GOFLAGS=

# The 49 first-class and secondary ports of Go 1.23 (`go tool dist list`).
ports=$("$GO" tool dist list)
n=0
for port in $ports; do
  goos=${port%/*}
  goarch=${port#*/}
  for cgo in 0 1; do
    GOOS=$goos GOARCH=$goarch CGO_ENABLED=$cgo "$GO" list -e -json ./... >/dev/null 2>&1 || true
    n=$((n + 1))
  done
done
[ "$n" -eq 98 ] || { echo "golist-matrix-loop: expected 98 configurations, ran $n" >&2; exit 1; }
