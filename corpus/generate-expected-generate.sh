#!/usr/bin/env bash
# Regenerates corpus/expected-generate/<name>.txt from the real Go 1.23 toolchain: for every
# line of corpus/generate-configs.tsv, runs `go generate -n [ARGS] ./...` in the given
# directory with a clean environment and records what it writes to stderr, followed by a
# final line `exit <status>`. The expected files must only ever come from this script.
#
# Usage: corpus/generate-expected-generate.sh
# Needs: go1.23.x (on PATH or /usr/lib/go-1.23/bin/go).
set -euo pipefail

corpus=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
gen=generate-expected-generate
# shellcheck source=corpus/gen-lib.sh
. "$corpus/gen-lib.sh"
gen_go123 "go1.23.x not found"
gen_tmp
mkdir -p "$corpus/expected-generate"

while IFS=$'\t' read -r name dir vars args; do
  case "$name" in ''|'#'*) continue ;; esac
  out="$corpus/expected-generate/$name.txt"
  # Runs that name .go files (go generate a.go b.go) take no package pattern.
  pattern=./...
  case " $args " in *.go\ *) pattern= ;; esac
  set +e
  # shellcheck disable=SC2086
  (cd "$corpus/$dir" && env -i PATH=/usr/bin:/bin HOME="$tmp/home" GOCACHE="$tmp/gocache" \
      GOENV=off GOFLAGS= GOTOOLCHAIN=local GOTAGS_GEN_X=xval $vars \
      "$GO" generate -n $args $pattern 2>"$out" >/dev/null)
  status=$?
  set -e
  echo "exit $status" >>"$out"
  echo "$name: exit $status, $(($(wc -l <"$out") - 1)) lines"
done <"$corpus/generate-configs.tsv"
