#!/usr/bin/env bash
# Peak memory per .go file of every command (issue 9's table): generates one module of
# packages of 40 files (benches/gen-multi-module.sh) per size, runs each command once under
# /usr/bin/time and prints wall time, user time, peak RSS and KB per .go file.
#
# Usage: benches/memory-per-file.sh [GOTAGS] [SIZES...]
#   GOTAGS  the binary (default target/release/gotags)
#   SIZES   numbers of .go files (default 10000 50000 100000); each tree goes to
#           /tmp/gotags-mem-SIZE and is removed afterwards.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd -P)
bin=$(realpath "${1:-$repo/target/release/gotags}")
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000 100000)
for n in "${sizes[@]}"; do
  dir=/tmp/gotags-mem-$n
  bash "$repo/benches/gen-multi-module.sh" "$dir" 1 "$n" >/dev/null
  files=$(find "$dir" -name '*.go' | wc -l)
  for c in "list" "matrix --platforms all --cgo both" "embed" "check" "generate"; do
    # check exits 1 on findings; only the last line of time's report is kept.
    (cd "$dir" && /usr/bin/time -o "$dir.time" -f "%e %U %M" $bin $c >/dev/null 2>&1) || true
    read -r wall user kb < <(tail -n 1 "$dir.time")
    printf "%7s files | %-34s | %6s s | %6s s user | %8s KB | %5.2f KB/file\n" \
      "$files" "$c" "$wall" "$user" "$kb" "$(echo "$kb / $files" | bc -l)"
  done
  rm -rf "$dir" "$dir.time"
done
