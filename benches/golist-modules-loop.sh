#!/usr/bin/env bash
# The shell loop `gotags check/matrix --all-modules` replaces, for one platform: one
# `go -C MODULE list -e -json ./...` per go.mod under DIR, output discarded. Time it beside
# gotags, e.g. (after benches/gen-multi-module.sh):
#
#   hyperfine -N --runs 3 'bash benches/golist-modules-loop.sh /tmp/gotags-modules-bench'
#   hyperfine -N --runs 3 \
#     'target/release/gotags check --all-modules -C /tmp/gotags-modules-bench --format concise --exit-zero'
#
# Usage: benches/golist-modules-loop.sh DIR   (GO=path/to/go to choose the toolchain)
set -euo pipefail
dir=${1:?usage: golist-modules-loop.sh DIR}
go=${GO:-go}
export GOFLAGS= GOWORK=off
find "$dir" -name go.mod -printf '%h\n' | sort | while read -r m; do
  "$go" -C "$m" list -e -json ./... >/dev/null
done
