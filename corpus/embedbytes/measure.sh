#!/usr/bin/env bash
# Measures what the embedbytes corpus's //go:embed lines add to a stripped binary:
#
#   corpus/embedbytes/measure.sh [GOOS/GOARCH ...]   (default: linux/amd64 windows/arm64 linux/386)
#
# Generates the module twice (with and without the //go:embed lines) into a temporary
# directory, builds ./cmd/app with CGO_ENABLED=0 -trimpath -ldflags='-s -w' for each
# platform, and prints `platform with without growth` in bytes. GO selects the toolchain
# (default: go on PATH). Offline: cross-builds need nothing but the toolchain.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
go=${GO:-go}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$go" run "$here/generate.go" "$tmp/with"
"$go" run "$here/generate.go" -without "$tmp/without"
[ $# -gt 0 ] || set -- linux/amd64 windows/arm64 linux/386
for plat in "$@"; do
  goos=${plat%/*} goarch=${plat#*/}
  for v in with without; do
    (cd "$tmp/$v" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch GOFLAGS= \
      "$go" build -trimpath -ldflags='-s -w' -o "$tmp/$v.bin" ./cmd/app)
  done
  w=$(stat -c %s "$tmp/with.bin") wo=$(stat -c %s "$tmp/without.bin")
  echo "$plat $w $wo $((w - wo))"
done
