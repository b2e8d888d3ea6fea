# Sourced by the generators (corpus/generate-*.sh, benches/gen-*.sh) for the steps they share;
# `gen` names the caller in its messages. Python snippets import gen_json.py from this
# directory through gen_python.
gen_lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

# gen_tmp: a fresh temporary directory in $tmp with home/, gocache/ and gopath/, removed
# (read-only module cache included) on exit.
gen_tmp() {
  tmp=$(mktemp -d)
  trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/home" "$tmp/gocache" "$tmp/gopath"
}

# gen_go123 MESSAGE: sets GO to go1.23.x on PATH, else /usr/lib/go-1.23/bin/go; else fails
# saying MESSAGE.
gen_go123() {
  if command -v go >/dev/null 2>&1 && GOTOOLCHAIN=local go version 2>/dev/null | grep -q ' go1\.23\.'; then
    GO=$(command -v go)
  elif [ -x /usr/lib/go-1.23/bin/go ]; then
    GO=/usr/lib/go-1.23/bin/go
  else
    echo "$gen: $1" >&2
    exit 1
  fi
}

# gen_empty_dirs [PREFIX]: creates the directories of corpus/emptydirs.txt (git cannot store
# them) that start with PREFIX.
gen_empty_dirs() {
  local line
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    case "$line" in "${1:-}"*) mkdir -p "$gen_lib/$line" ;; esac
  done <"$gen_lib/emptydirs.txt"
}

# gen_backdate DIR...: every mtime (of symlinks themselves, not their targets) set to
# 2020-01-01, so that go list takes its module-index path as on an old checkout.
gen_backdate() {
  find "$@" -exec touch -h -d 2020-01-01 {} +
}

# gen_fresh_dir DIR: DIR deleted and recreated empty; refused inside the repository.
gen_fresh_dir() {
  case "$(realpath -m "$1")/" in
    "$(dirname "$gen_lib")"/*) echo "$gen: refusing to generate inside the repository" >&2; exit 1 ;;
  esac
  rm -rf "$1"
  mkdir -p "$1"
}

# gen_python ARGS...: python3 with gen_json.py importable; fails at once without python3.
gen_python() {
  command -v python3 >/dev/null || { echo "$gen: python3 not found" >&2; exit 1; }
  PYTHONPATH="$gen_lib${PYTHONPATH:+:$PYTHONPATH}" python3 "$@"
}
