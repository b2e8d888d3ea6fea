//! Resolution tests on real fixture trees built in a temp dir. Every expectation here was
//! checked against `go list -e -json` (go1.23, linux/amd64) on the same tree in /tmp.

use super::fscache::AssetCache;
use super::resolve::{explain_pattern, resolve, resolve_pattern, resolve_raw};
use super::resolve::{MatchProblem, PatternError};
use super::scan::parse_args;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

fn write(root: &Path, rel: &str) {
    let p = root.join(rel);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(&p, "x\n").expect("write");
}

/// The spec §7.3 tree. Returns false if no FIFO could be made (the `fifo` row is then skipped).
fn build_fixture(p: &Path) -> bool {
    for f in [
        "a.txt",
        "b.txt",
        ".hidden.txt",
        "_under.txt",
        "[x].txt",
        "a b.txt",
        "a-b.txt",
        "con.txt",
        "trail.",
        "a/b.txt",
        "d/x.txt",
        "d/.dot.txt",
        "d/_u.txt",
        "d/sub/y.txt",
        "d/.git/config",
        "d/_sub/z.txt",
        "d/.hd/w.txt",
        "emptydir/.keep",
        "onlyhidden/.h",
        "nested/n.txt",
        "withnested/ok.txt",
        "withnested/inner/i.txt",
        "gomoddir/go.mod/x",
        "gomoddir/ok.txt",
        "uni/é.txt",
        "emoji/a😀.txt",
        "vendor/v.txt",
        "testdata/t.txt",
        ".git/HEAD",
        "d2/real.txt",
    ] {
        write(p, f);
    }
    fs::create_dir_all(p.join("reallyempty")).expect("mkdir");
    fs::write(p.join("nested/go.mod"), "module example.com/nested\n").expect("write");
    fs::write(
        p.join("withnested/inner/go.mod"),
        "module example.com/inner\n",
    )
    .expect("write");
    symlink("a.txt", p.join("link.txt")).expect("symlink");
    symlink("d", p.join("linkdir")).expect("symlink");
    symlink("../a.txt", p.join("d2/l.txt")).expect("symlink");
    match Command::new("mkfifo").arg(p.join("fifo")).status() {
        Ok(s) if s.success() => true,
        _ => {
            eprintln!("skipping the FIFO row: `mkfifo` is not available");
            false
        }
    }
}

// Generated from real `go list -e -json` runs (go1.23) on the same tree; see the module docs.
// One row a line: the directive's arguments ` => ` the files (joined by ` | `) or `error: ` and
// go list's error.
const TABLE: &str = r##"
a.txt => a.txt
d => d/sub/y.txt | d/x.txt
all:d => d/.dot.txt | d/.hd/w.txt | d/_sub/z.txt | d/_u.txt | d/sub/y.txt | d/x.txt
d/* => error: pattern d/*: cannot embed directory d/.git: invalid name .git
d/.dot.txt => d/.dot.txt
d/_sub => d/_sub/z.txt
d/.git => error: pattern d/.git: cannot embed directory d/.git: invalid name .git
.git => error: pattern .git: cannot embed directory .git: invalid name .git
.git/HEAD => error: pattern .git/HEAD: cannot embed file .git/HEAD: in invalid directory .git
* => error: pattern *: cannot embed directory .git: invalid name .git
all:* => error: pattern all:*: cannot embed directory .git: invalid name .git
*.txt => error: pattern *.txt: cannot embed file con.txt: invalid name con.txt
trail. => error: pattern trail.: cannot embed file trail.: invalid name trail.
emptydir => error: pattern emptydir: cannot embed directory emptydir: contains no embeddable files
all:emptydir => emptydir/.keep
onlyhidden => error: pattern onlyhidden: cannot embed directory onlyhidden: contains no embeddable files
all:onlyhidden => onlyhidden/.h
reallyempty => error: pattern reallyempty: cannot embed directory reallyempty: contains no embeddable files
emoji => error: pattern emoji: cannot embed directory emoji: contains no embeddable files
uni => uni/é.txt
nested => error: pattern nested: cannot embed directory nested: in different module
nested/n.txt => error: pattern nested/n.txt: cannot embed file nested/n.txt: in different module
withnested => withnested/ok.txt
gomoddir => error: pattern gomoddir: cannot embed directory gomoddir: in different module
link.txt => error: pattern link.txt: cannot embed irregular file link.txt
linkdir => error: pattern linkdir: cannot embed irregular file linkdir
fifo => error: pattern fifo: cannot embed irregular file fifo
linkdir/x.txt => error: pattern linkdir/x.txt: cannot embed file linkdir/x.txt: in non-directory linkdir
*/x.txt => error: pattern */x.txt: cannot embed file linkdir/x.txt: in non-directory linkdir
**/x.txt => error: pattern **/x.txt: cannot embed file linkdir/x.txt: in non-directory linkdir
d2 => d2/real.txt
d2/* => error: pattern d2/*: cannot embed irregular file d2/l.txt
missing.txt => error: pattern missing.txt: no matching files found
nomatch* => error: pattern nomatch*: no matching files found
{a,b}.txt => error: pattern {a,b}.txt: no matching files found
*.TXT => error: pattern *.TXT: no matching files found
[x].txt => error: pattern [x].txt: no matching files found
\[x\].txt => [x].txt
"a b.txt" => a b.txt
a b.txt => a/b.txt | b.txt
a?txt => a.txt
[ab].txt => a.txt | b.txt
[^a].txt => b.txt
[!a].txt => a.txt
a* => a b.txt | a-b.txt | a.txt | a/b.txt
vendor => vendor/v.txt
testdata => testdata/t.txt
\d => d/sub/y.txt | d/x.txt
[^a]/x.txt => d/x.txt
d/*/*.txt => d/.hd/w.txt | d/_sub/z.txt | d/sub/y.txt
../a.txt => error: pattern ../a.txt: invalid pattern syntax
/a.txt => error: pattern /a.txt: invalid pattern syntax
./a.txt => error: pattern ./a.txt: invalid pattern syntax
. => error: pattern .: invalid pattern syntax
d/ => error: pattern d/: invalid pattern syntax
a//b => error: pattern a//b: invalid pattern syntax
all: => error: pattern all:: invalid pattern syntax
[]].txt => error: pattern []].txt: invalid pattern syntax
[a-].txt => error: pattern [a-].txt: invalid pattern syntax
\ => error: pattern \: invalid pattern syntax
a[/]b => error: pattern a[/]b: syntax error in pattern
a[b/c]d => error: pattern a[b/c]d: syntax error in pattern
d\/x.txt => error: pattern d\/x.txt: syntax error in pattern
con.txt => error: pattern con.txt: cannot embed file con.txt: invalid name con.txt
uni/é.txt => uni/é.txt
uni/?.txt => uni/é.txt
uni/??.txt => error: pattern uni/??.txt: no matching files found
uni/[é].txt => uni/é.txt
emoji/* => error: pattern emoji/*: cannot embed file emoji/a😀.txt: invalid name a😀.txt
a.txt/x => error: pattern a.txt/x: no matching files found
*/ => error: pattern */: invalid pattern syntax
d/sub/../x.txt => error: pattern d/sub/../x.txt: invalid pattern syntax
[z-a].txt => error: pattern [z-a].txt: no matching files found
[^z-a].txt => a.txt | b.txt
all:all:d => error: pattern all:all:d: no matching files found
all:.git => error: pattern all:.git: cannot embed directory .git: invalid name .git
.hidden.txt => .hidden.txt
_under.txt => _under.txt
nested/* => error: pattern nested/*: cannot embed file nested/go.mod: in different module
withnested/* => error: pattern withnested/*: cannot embed directory withnested/inner: in different module
d/.hd => d/.hd/w.txt
"##;

/// The rows of a table written as [`TABLE`] is: (arguments, files, error).
fn rows(table: &str) -> impl Iterator<Item = (&str, &str, &str)> {
    table.lines().filter_map(|l| {
        let (args, got) = l.split_once(" => ")?;
        Some(match got.strip_prefix("error: ") {
            Some(err) => (args, "", err),
            None => (args, got, ""),
        })
    })
}

/// Asserts every row of `table` (written as [`TABLE`] is) in `dir`.
fn assert_rows(cache: &AssetCache, dir: &Path, table: &str) {
    let lines = table.lines().filter(|l| !l.is_empty()).count();
    assert_eq!(rows(table).count(), lines, "every line a row");
    for (args, files, err) in rows(table) {
        let want = (files.to_string(), err.to_string());
        assert_eq!(outcome(cache, dir, args), want, "args {args:?}");
    }
}

fn outcome(cache: &AssetCache, dir: &Path, directive_args: &str) -> (String, String) {
    let patterns: Vec<Vec<u8>> = parse_args(directive_args.as_bytes())
        .expect("args parse")
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    match resolve_raw(cache, dir, &patterns) {
        Ok(files) => (
            files
                .iter()
                .map(|f| f.rel.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
            String::new(),
        ),
        Err(e) => (String::new(), e.to_string()),
    }
}

#[test]
fn spec_table_matches_go_list() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    let have_fifo = build_fixture(&dir);
    let cache = AssetCache::new();
    let mut calls = 0;
    // Everything twice, the second time from a warm cache: identical answers, no new disk access.
    for warm in [false, true] {
        assert_eq!(rows(TABLE).count(), 81);
        for (args, files, err) in rows(TABLE) {
            if args == "fifo" && !have_fifo {
                continue;
            }
            assert_eq!(
                outcome(&cache, &dir, args),
                (files.to_string(), err.to_string()),
                "args {args:?}, warm {warm}"
            );
        }
        calls = if warm { calls } else { cache.disk_calls() };
    }
    assert_eq!(cache.disk_calls(), calls);
}

#[test]
fn several_patterns_union_and_first_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    build_fixture(&dir);
    let cache = AssetCache::new();
    let table = r"
b.txt a.txt d a.txt => a.txt | b.txt | d/sub/y.txt | d/x.txt
zzz missing.txt a.txt => error: pattern missing.txt: no matching files found
a* a.txt d/x.txt d => a b.txt | a-b.txt | a.txt | a/b.txt | d/sub/y.txt | d/x.txt
all:d d => d/.dot.txt | d/.hd/w.txt | d/_sub/z.txt | d/_u.txt | d/sub/y.txt | d/x.txt
uni/é.txt missing.txt => error: pattern missing.txt: no matching files found
`a b.txt` a-b.txt a/b.txt => a b.txt | a-b.txt | a/b.txt
";
    assert_rows(&cache, &dir, table);
    let files = resolve(&cache, &dir, &["a.txt".to_string(), "d".to_string()]).expect("resolves");
    assert!(files.iter().all(|f| f.size == 2));
}

#[test]
fn explanations_record_skips() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    build_fixture(&dir);
    let cache = AssetCache::new();
    let r = explain_pattern(&cache, &dir, "d").expect("d resolves");
    assert_eq!(
        r.skipped_hidden,
        ["d/.dot.txt", "d/.hd/", "d/_sub/", "d/_u.txt"]
    );
    assert_eq!(r.skipped_bad_name, ["d/.git/"]);
    let r = explain_pattern(&cache, &dir, "all:d").expect("all:d resolves");
    assert!(r.skipped_hidden.is_empty());
    assert_eq!(r.skipped_bad_name, ["d/.git/"]);
    let r = explain_pattern(&cache, &dir, "withnested").expect("resolves");
    assert_eq!(r.skipped_nested_module, ["withnested/inner/"]);
    let r = explain_pattern(&cache, &dir, "d2").expect("resolves");
    assert_eq!(r.skipped_irregular, ["d2/l.txt"]);
    let r = explain_pattern(&cache, &dir, "uni").expect("resolves");
    assert_eq!(r.files.len(), 1);
    assert_eq!(
        resolve_pattern(&cache, &dir, "emoji"),
        Err(PatternError::Match {
            what: "directory",
            rel: "emoji".into(),
            why: MatchProblem::NoEmbeddableFiles
        })
    );
    let r = explain_pattern(&cache, &dir, "all:emptydir").expect("resolves");
    assert_eq!(r.files[0].rel, "emptydir/.keep");
}

/// Symlink loops, symlinked go.mod files and non-UTF-8 names (checked with go list).
#[test]
fn loops_links_and_odd_names() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let p = tmp.path().join("p");
    write(&p, "d/x.txt");
    symlink("loop", p.join("d/loop")).expect("symlink");
    symlink("loop2", p.join("loop2")).expect("symlink");
    write(&p, "e/modlink/y.txt");
    fs::write(p.join("e/real.mod"), "module x\n").expect("write");
    symlink("../real.mod", p.join("e/modlink/go.mod")).expect("symlink");
    write(&p, "e/dangl/z.txt");
    symlink("nowhere", p.join("e/dangl/go.mod")).expect("symlink");
    write(&p, "f/ok.txt");
    {
        use std::os::unix::ffi::OsStrExt;
        fs::write(
            p.join("f")
                .join(std::ffi::OsStr::from_bytes(b"bad\xff.txt")),
            "x\n",
        )
        .expect("write");
    }
    let cache = AssetCache::new();
    // `\u{fffd}` stands for the name's invalid byte.
    let table = "
d => d/x.txt
d/* => error: pattern d/*: cannot embed irregular file d/loop
loop2 => error: pattern loop2: cannot embed irregular file loop2
*/x.txt => d/x.txt
e => e/dangl/z.txt | e/real.mod
e/modlink => error: pattern e/modlink: cannot embed directory e/modlink: in different module
e/dangl => e/dangl/z.txt
f => f/ok.txt
f/* => error: pattern f/*: cannot embed file f/bad\u{fffd}.txt: invalid name bad\u{fffd}.txt
d/loop/x => error: pattern d/loop/x: no matching files found
";
    assert_rows(&cache, &p, table);
}

/// Package directories whose path has glob characters: cmd/go quotes `* ? [ ]` but not `\`,
/// so a backslash in the directory path makes every pattern match nothing (a Go quirk).
#[test]
fn package_dir_with_glob_characters() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (name, ok) in [("m[1]*", true), ("w\\x", false)] {
        let p = tmp.path().join(name).join("p");
        write(&p, "a.txt");
        write(&p, "d/x.txt");
        let cache = AssetCache::new();
        for (args, files) in [
            ("a.txt", "a.txt"),
            ("*.txt", "a.txt"),
            ("d", "d/x.txt"),
            ("d/*", "d/x.txt"),
            ("\\d", "d/x.txt"),
        ] {
            let want = if ok {
                (files.to_string(), String::new())
            } else {
                (
                    String::new(),
                    format!("pattern {args}: no matching files found"),
                )
            };
            assert_eq!(outcome(&cache, &p, args), want, "{name} {args:?}");
        }
    }
}

/// Unreadable directories (checked with go list run as `nobody`). Root bypasses permission
/// bits, so this test skips itself when the restricted directory is still readable.
#[test]
fn permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let p = tmp.path().join("p");
    for f in [
        "d/x.txt",
        "d/sub/y.txt",
        "u/z.txt",
        "w/ok.txt",
        "w/inner/q.txt",
    ] {
        write(&p, f);
    }
    let set = |rel: &str, mode: u32| {
        fs::set_permissions(p.join(rel), fs::Permissions::from_mode(mode)).expect("chmod")
    };
    set("d/sub", 0o000);
    set("u", 0o444);
    set("w/inner", 0o311);
    let privileged = fs::read_dir(p.join("d/sub")).is_ok();
    if privileged {
        eprintln!("skipping permission_denied: running with privileges that bypass permission bits (root?)");
    } else {
        let table = "
d => error: pattern d: open {sub}: permission denied
d/* => error: pattern d/*: open {sub}: permission denied
d/sub/y.txt => error: pattern d/sub/y.txt: no matching files found
d/sub/* => error: pattern d/sub/*: no matching files found
u => error: pattern u: cannot embed directory u: contains no embeddable files
u/* => error: pattern u/*: no matching files found
u/z.txt => error: pattern u/z.txt: no matching files found
w => error: pattern w: open {inner}: permission denied
w/* => error: pattern w/*: open {inner}: permission denied
w/inner/q.txt => w/inner/q.txt
";
        let table = table
            .replace("{sub}", &p.join("d/sub").display().to_string())
            .replace("{inner}", &p.join("w/inner").display().to_string());
        assert_rows(&AssetCache::new(), &p, &table);
    }
    for rel in ["d/sub", "u", "w/inner"] {
        set(rel, 0o755);
    }
}

#[test]
fn parallel_resolution_shares_one_cache() {
    use rayon::prelude::*;
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    build_fixture(&dir);
    let cache = AssetCache::new();
    let results: Vec<_> = (0..49)
        .into_par_iter()
        .map(|_| resolve(&cache, &dir, &["d".to_string(), "a*".to_string()]))
        .collect();
    assert!(results.windows(2).all(|w| w[0] == w[1]));
    assert_eq!(results[0].as_ref().map(|v| v.len()).unwrap_or(0), 6);
}
