//! Differential fuzzing against the real Go toolchains (skipped, with the reason printed,
//! when it is missing; failing instead when `GOTAGS_REQUIRE_GO=1`).
//!
//! * `random_modules_match_go_list`: a generator of random modules (go.mod `go` lines below
//!   and above 1.14, GOOS/GOARCH/test file name suffixes, `_`/`.` prefixes, random and
//!   malformed `//go:build`/`// +build` headers, cgo, assembly, C and syso files, several
//!   package clauses, `//go:embed` over asset trees with dotfiles, `_` files, `all:`, globs and
//!   invalid patterns, nested modules, `testdata`, and `vendor` with or without
//!   `modules.txt`, which puts cmd/go in vendor mode), each listed by `go list -e -test -json
//!   ./...` and `gotags list --json --test --go <release>` on a random port with cgo on or
//!   off, compared field by field with the shaping of `tests/common`, on every release with a
//!   toolchain here (1.21, 1.22, 1.23, 1.26, 1.27; one per module, chosen from its seed, or
//!   all with `GOTAGS_DIFF_RELEASES=all`). `GOTAGS_DIFF_MODULES` (default 50) and
//!   `GOTAGS_DIFF_SEED` (default 1) choose how many modules from which seed; seeds 27 and 38
//!   (vendor mode) run on every release unless `GOTAGS_DIFF_FIXED=0`; `GOTAGS_DIFF_BIN` runs
//!   a copy of the gotags binary instead of the one cargo built.
//! * `constraints_match_go_build_constraint`: random constraint lines through a small Go
//!   program over go/build/constraint (parse errors with offsets, `String()`, evaluation,
//!   `PlusBuildLines`, `GoVersion`) against gotags' library, and `gotags eval` against
//!   go/build's `MatchFile` (`GOTAGS_DIFF_EXPRS`, default 4000).
//! * `path_match_matches_go`: random patterns and names through Go's `path.Match` against
//!   gotags' matcher (`GOTAGS_DIFF_PATHS`, default 20000).
//!
//! The Go programs live in `tests/go/` and are built at test time with the local toolchain
//! (standard library only, no network).
#![cfg(unix)]

mod common;

use common::*;
use std::borrow::Borrow;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn go_or_skip() -> Option<PathBuf> {
    match find_go() {
        Ok((go, _)) => Some(go),
        Err(e) => {
            assert!(
                std::env::var("GOTAGS_REQUIRE_GO").as_deref() != Ok("1"),
                "GOTAGS_REQUIRE_GO=1 but go 1.23 was not found ({e})"
            );
            println!("skipped: go 1.23 not found ({e})");
            None
        }
    }
}

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: deterministic and dependency-free, so a seed names a case for good.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().fold(String::new(), |mut s, x| {
        let _ = write!(s, "{x:02x}");
        s
    })
}

/// Go plumbing for every `go` run: a private cache, no network, no workspace, no toolchain
/// switch.
fn plumbing(scratch: &Path) -> Vec<(String, String)> {
    vec![
        (
            "GOCACHE".into(),
            scratch.join("gocache").to_string_lossy().into(),
        ),
        (
            "GOPATH".into(),
            scratch.join("gopath").to_string_lossy().into(),
        ),
        ("GOFLAGS".into(), "-mod=mod".into()),
        ("GOTOOLCHAIN".into(), "local".into()),
        ("GOWORK".into(), "off".into()),
        ("GOPROXY".into(), "off".into()),
    ]
}

/// Builds one of the oracle programs in `tests/go/`.
fn build_oracle(go: &Path, name: &str, scratch: &Path) -> PathBuf {
    let out = scratch.join(name);
    let mut cmd = Command::new(go);
    cmd.args(["build", "-o"])
        .arg(&out)
        .arg(format!("./{name}"))
        .current_dir(repo_root().join("tests/go"));
    clean_go_env(&mut cmd, &plumbing(scratch));
    let o = cmd.output().expect("run go build");
    assert!(
        o.status.success(),
        "go build {name}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// Feeds `input` to `prog` and returns its stdout lines.
fn run_oracle(prog: &Path, args: &[&str], input: &str) -> Vec<String> {
    let mut child = Command::new(prog)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn oracle");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = input.to_string();
    let feeder = std::thread::spawn(move || stdin.write_all(data.as_bytes()));
    let out = child.wait_with_output().expect("oracle output");
    feeder.join().expect("join").expect("write oracle stdin");
    assert!(out.status.success(), "oracle {} failed", prog.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Constraints

const EXPR_WORDS: &[&str] = &[
    "a", "b", "c", "linux", "amd64", "windows", "go1.21", "go1.23", "go1.9", "go2", "cgo", "x_y",
    "!", "!", "&&", "&&", "||", "||", "(", "(", ")", ")", " ", " ", " ", "\t", "1", "é", "ǅ",
    "\u{a0}", ",", "+", "-", "/", "\u{2028}", "go1.", "_", ".", "&", "|", "\r",
];

fn random_expr(rng: &mut Rng) -> String {
    let n = rng.below(14);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(EXPR_WORDS));
        if rng.chance(3) {
            s.push(' ');
        }
    }
    s
}

/// A well-formed `//go:build` expression of random shape (so the valid side is well covered).
fn valid_expr(rng: &mut Rng, depth: usize) -> String {
    let tags = [
        "a", "b", "c", "linux", "amd64", "windows", "go1.21", "go1.23", "cgo", "x_y",
    ];
    if depth == 0 || rng.chance(3) {
        let t = tags[rng.below(tags.len())];
        return if rng.chance(3) {
            format!("!{t}")
        } else {
            t.to_string()
        };
    }
    let l = valid_expr(rng, depth - 1);
    let r = valid_expr(rng, depth - 1);
    match rng.below(4) {
        0 => format!("{l} && {r}"),
        1 => format!("{l} || {r}"),
        2 => format!("({l} || {r})"),
        _ => format!("!({l} && {r})"),
    }
}

fn random_constraint_line(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => random_expr(rng),
        1 | 2 => format!("//go:build {}", valid_expr(rng, 4)),
        3 | 4 => format!("//go:build {}", random_expr(rng)),
        5 => format!("// +build {}", random_expr(rng).replace("&&", ",")),
        6 => {
            let words = [
                "a",
                "!b",
                "a,b",
                "linux,!cgo",
                "!!x",
                "go1.21",
                "a,,b",
                "é",
                "!",
            ];
            let n = 1 + rng.below(4);
            let parts: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
            format!(
                "//{}+build {}",
                if rng.chance(2) { " " } else { "" },
                parts.join(" ")
            )
        }
        _ => format!(
            "{}{}{}",
            rng.pick(&[
                "//go:build",
                "// +build",
                "//go:build\t",
                "//go:buildx",
                " //go:build"
            ]),
            rng.pick(&[" ", "", "\u{a0}", "\n"]),
            valid_expr(rng, 2)
        ),
    }
}

fn describe_gotags(line: &str) -> String {
    use gotags::constraint::parse_line;
    let set_a = ["a", "linux", "amd64", "go1.21", "cgo"];
    let set_b = ["b", "c", "windows", "go1.23", "x_y"];
    match parse_line(line) {
        Err(e) => format!("err\t{}\t{}", e.offset, e.message),
        Ok(x) => {
            let plus = match x.plus_build_lines() {
                Ok(lines) => lines.join("|"),
                Err(e) => format!("ERR:{}", e.message),
            };
            format!(
                "ok\t{x}\t{}\t{}\t{plus}\t{}",
                x.eval(&mut |t| set_a.contains(&t)),
                x.eval(&mut |t| set_b.contains(&t)),
                x.go_version().unwrap_or_default()
            )
        }
    }
}

/// Go reports a few errors without an offset (-1): only their messages are compared.
fn same_description(go: &str, ours: &str) -> bool {
    // The oracle's output is read line by line, which drops a message's trailing `\r`.
    let (go, ours) = (go.trim_end_matches('\r'), ours.trim_end_matches('\r'));
    if go == ours {
        return true;
    }
    let g: Vec<&str> = go.splitn(3, '\t').collect();
    let o: Vec<&str> = ours.splitn(3, '\t').collect();
    g.len() == 3 && o.len() == 3 && g[0] == "err" && o[0] == "err" && g[1] == "-1" && g[2] == o[2]
}

#[test]
fn constraints_match_go_build_constraint() {
    let Some(go) = go_or_skip() else { return };
    let scratch = tempfile::tempdir().expect("tempdir");
    let oracle = build_oracle(&go, "evalconstraint", scratch.path());
    let n = env_count("GOTAGS_DIFF_EXPRS", 4000);
    let seed = env_count("GOTAGS_DIFF_SEED", 1) as u64;
    let mut rng = Rng::new(seed);
    let lines: Vec<String> = (0..n).map(|_| random_constraint_line(&mut rng)).collect();
    let input: String = lines.iter().map(|l| hex(l.as_bytes()) + "\n").collect();
    let want = run_oracle(&oracle, &[], &input);
    assert_eq!(want.len(), lines.len(), "oracle answered every line");
    let mut diffs = Vec::new();
    let mut parsed = 0;
    for (line, w) in lines.iter().zip(&want) {
        let got = describe_gotags(line);
        parsed += usize::from(w.starts_with("ok"));
        if !same_description(w, &got) {
            diffs.push(format!("{line:?}\n  go:     {w}\n  gotags: {got}"));
        }
    }
    println!(
        "constraints: {n} lines (seed {seed}), {parsed} parse in Go, {} differences",
        diffs.len()
    );
    assert!(
        diffs.is_empty(),
        "{}",
        diffs[..diffs.len().min(20)].join("\n")
    );

    // `gotags eval` on the command line against go/build's MatchFile, on a few contexts.
    let contexts = [
        ("linux", "amd64", "1", "a"),
        ("windows", "386", "0", ""),
        ("darwin", "arm64", "1", "b,x_y"),
        ("js", "wasm", "0", "go1.23"),
    ];
    let mut checked = 0;
    let mut cli_diffs = Vec::new();
    for (goos, goarch, cgo, tags) in contexts {
        let lines: Vec<String> = (0..40)
            .map(|_| match rng.below(3) {
                0 => format!("//go:build {}", random_expr(&mut rng)),
                _ => format!("//go:build {}", valid_expr(&mut rng, 3)),
            })
            .filter(|l| !l.contains(['\n', '\r', '\u{2028}']))
            .collect();
        let input: String = lines.iter().map(|l| hex(l.as_bytes()) + "\n").collect();
        let want = run_oracle(&oracle, &["-match", goos, goarch, cgo, tags], &input);
        for (line, w) in lines.iter().zip(&want) {
            let cgo_flag = if cgo == "1" { "on" } else { "off" };
            let mut args = vec![
                "eval", "--goos", goos, "--goarch", goarch, "--cgo", cgo_flag,
            ];
            args.extend(["--tags", tags]);
            args.push(line);
            let out = run_gotags(&args, scratch.path(), &[]).expect("run gotags eval");
            let got = match out.status.code() {
                Some(0) => String::from_utf8_lossy(&out.stdout).trim().to_string(),
                Some(2) => "err".to_string(),
                other => format!("exit {other:?}"),
            };
            checked += 1;
            if &got != w {
                cli_diffs.push(format!(
                    "{goos}/{goarch} cgo={cgo} tags={tags} {line:?}: go {w}, gotags {got}"
                ));
            }
        }
    }
    println!(
        "gotags eval: {checked} lines, {} differences",
        cli_diffs.len()
    );
    assert!(cli_diffs.is_empty(), "{}", cli_diffs.join("\n"));
}

// ---------------------------------------------------------------------------------------
// path.Match

const PATTERN_PIECES: &[&[u8]] = &[
    b"*",
    b"*",
    b"?",
    b"[",
    b"]",
    b"^",
    b"-",
    b"\\",
    b"a",
    b"b",
    b"c",
    b"/",
    b".",
    "é".as_bytes(),
    b"\xff",
    b"[a-c]",
    b"[^b]",
    b"[\\]]",
    b"x",
    b"\\*",
];
const NAME_PIECES: &[&[u8]] = &[
    b"a",
    b"b",
    b"c",
    b"/",
    b".",
    "é".as_bytes(),
    b"\xff",
    b"-",
    b"]",
    b"x",
    b"*",
    b"\\",
    b"^",
];

#[test]
fn path_match_matches_go() {
    let Some(go) = go_or_skip() else { return };
    let scratch = tempfile::tempdir().expect("tempdir");
    let oracle = build_oracle(&go, "pathmatch", scratch.path());
    let n = env_count("GOTAGS_DIFF_PATHS", 20_000);
    let seed = env_count("GOTAGS_DIFF_SEED", 1) as u64;
    let mut rng = Rng::new(seed);
    let mut pairs = Vec::with_capacity(n);
    for _ in 0..n {
        let mut p = Vec::new();
        for _ in 0..rng.below(7) {
            p.extend_from_slice(PATTERN_PIECES[rng.below(PATTERN_PIECES.len())]);
        }
        let mut name = Vec::new();
        for _ in 0..rng.below(7) {
            name.extend_from_slice(NAME_PIECES[rng.below(NAME_PIECES.len())]);
        }
        pairs.push((p, name));
    }
    let input: String = pairs
        .iter()
        .map(|(p, s)| format!("{} {}\n", hex(p), hex(s)))
        .collect();
    let want = run_oracle(&oracle, &[], &input);
    assert_eq!(want.len(), pairs.len());
    let mut diffs = Vec::new();
    let mut matched = 0;
    for ((p, s), w) in pairs.iter().zip(&want) {
        let got = match gotags::embed::pathmatch::match_bytes(p, s) {
            Ok(b) => b.to_string(),
            Err(_) => "err".to_string(),
        };
        matched += usize::from(w == "true");
        if &got != w {
            diffs.push(format!(
                "pattern {:?} name {:?}: go {w}, gotags {got}",
                String::from_utf8_lossy(p),
                String::from_utf8_lossy(s)
            ));
        }
    }
    println!(
        "path.Match: {n} pairs (seed {seed}), {matched} match in Go, {} differences",
        diffs.len()
    );
    assert!(
        diffs.is_empty(),
        "{}",
        diffs[..diffs.len().min(20)].join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// Random modules

const PORTS: &[(&str, &str)] = &[
    ("linux", "amd64"),
    ("linux", "arm64"),
    ("linux", "386"),
    ("linux", "mips64le"),
    ("linux", "riscv64"),
    ("windows", "amd64"),
    ("windows", "386"),
    ("darwin", "arm64"),
    ("darwin", "amd64"),
    ("ios", "arm64"),
    ("android", "arm64"),
    ("android", "amd64"),
    ("freebsd", "amd64"),
    ("openbsd", "arm"),
    ("netbsd", "386"),
    ("dragonfly", "amd64"),
    ("solaris", "amd64"),
    ("illumos", "amd64"),
    ("aix", "ppc64"),
    ("plan9", "amd64"),
    ("js", "wasm"),
    ("wasip1", "wasm"),
];

const GOOS_SUFFIX: &[&str] = &[
    "linux", "windows", "darwin", "ios", "android", "unix", "js", "plan9", "illumos", "solaris",
    "freebsd", "hurd", "nacl",
];
const GOARCH_SUFFIX: &[&str] = &[
    "amd64", "arm64", "386", "arm", "wasm", "mips64le", "ppc64", "riscv64",
];
const EXTENSIONS: &[&str] = &[
    ".go", ".go", ".go", ".go", ".go", ".go", ".s", ".S", ".c", ".h", ".cc", ".cpp", ".m", ".f",
    ".syso", ".swig", ".txt", ".hh", ".sx",
];
const HEADER_TAGS: &[&str] = &[
    "linux", "windows", "unix", "cgo", "!cgo", "amd64", "arm64", "ignore", "go1.21", "go1.23",
    "go1.99", "foo", "!foo", "gc", "gccgo", "darwin", "ios", "android", "wasm", "purego",
];

fn header_expr(rng: &mut Rng) -> String {
    let n = 1 + rng.below(3);
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push_str(rng.pick(&[" && ", " || ", " "]));
        }
        s.push_str(rng.pick(HEADER_TAGS));
    }
    if rng.chance(4) {
        s = format!("!({s})");
    }
    if rng.chance(12) {
        s.push_str(rng.pick(&[" &&", "(", "))", " !", " ,", "é"]));
    }
    s
}

fn plus_expr(rng: &mut Rng) -> String {
    let n = 1 + rng.below(3);
    let mut parts = Vec::new();
    for _ in 0..n {
        let a = rng.pick(HEADER_TAGS);
        parts.push(if rng.chance(3) {
            format!("{a},{}", rng.pick(HEADER_TAGS))
        } else {
            a.to_string()
        });
    }
    if rng.chance(12) {
        parts.push(rng.pick(&["!!x", "a,", "é", "!"]).to_string());
    }
    parts.join(" ")
}

struct ModuleGen {
    files: Vec<(String, Vec<u8>)>,
    dirs: Vec<String>,
}

impl ModuleGen {
    fn add(&mut self, path: String, body: impl Into<Vec<u8>>) {
        self.files.push((path, body.into()));
    }
}

const EMBED_PATTERNS: &[&str] = &[
    "assets",
    "assets/*",
    "all:assets",
    "assets/*.txt",
    "assets/sub",
    "assets/.hidden",
    "assets/_under.txt",
    "all:assets/sub",
    "missing.txt",
    "../x",
    "[",
    "assets/[a-c]*",
    "*.txt",
    ".",
    "\"assets/a b.txt\"",
    "`assets/sub/x.txt`",
    "assets/",
    "./assets",
    "assets/sub/*",
    "testdata",
    "vendor",
    "a*",
    "all:*",
    "x.go",
    "nested",
];

fn asset_tree(rng: &mut Rng, m: &mut ModuleGen, dir: &str) {
    let names = [
        "a.txt",
        "b.txt",
        ".hidden",
        "_under.txt",
        "a b.txt",
        "sub/x.txt",
        "sub/.dot",
        "sub/_u",
        "sub/deeper/y.txt",
        "c.json",
    ];
    for n in names {
        if rng.chance(2) {
            m.add(format!("{dir}assets/{n}"), n.as_bytes().to_vec());
        }
    }
    if rng.chance(3) {
        m.add(format!("{dir}data.txt"), "d");
    }
    if rng.chance(5) {
        m.dirs.push(format!("{dir}assets/empty"));
    }
}

fn go_file(rng: &mut Rng, pkg: &str) -> Vec<u8> {
    let mut s = String::new();
    if rng.chance(8) {
        s.push_str("// Copyright line.\n\n");
    }
    if rng.chance(3) {
        let _ = writeln!(s, "//go:build {}", header_expr(rng));
    }
    for _ in 0..rng.below(3) {
        if rng.chance(3) {
            let _ = writeln!(s, "// +build {}", plus_expr(rng));
        }
    }
    if rng.chance(25) {
        s.push_str("//go:binary-only-package\n");
    }
    if !s.is_empty() && rng.chance(6) {
        // No blank line: the +build lines are then not honoured.
        s.push_str("package ");
    } else {
        s.push_str("\npackage ");
    }
    s.push_str(pkg);
    s.push('\n');
    let cgo = rng.chance(6);
    let embed = rng.chance(3);
    if cgo {
        s.push_str("\n// #include <stdio.h>\nimport \"C\"\n");
    }
    if embed {
        s.push_str("\nimport _ \"embed\"\n");
    }
    if rng.chance(4) {
        s.push_str("\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n");
    }
    if embed {
        for i in 0..1 + rng.below(3) {
            let n = 1 + rng.below(3);
            let pats: Vec<&str> = (0..n).map(|_| rng.pick(EMBED_PATTERNS)).collect();
            let _ = writeln!(s, "\n//go:embed {}\nvar e{i} string", pats.join(" "));
        }
    }
    if rng.chance(30) {
        s.push_str("\nfunc broken( {\n");
    }
    if rng.chance(40) {
        s.insert(0, '\u{feff}');
    }
    s.into_bytes()
}

fn file_name(rng: &mut Rng, is_go: bool) -> String {
    let mut name = String::new();
    if rng.chance(15) {
        name.push(if rng.chance(2) { '_' } else { '.' });
    }
    name.push_str(rng.pick(&["a", "b", "main", "x_y", "z", "file", "linux", "amd64"]));
    match rng.below(6) {
        0 => {
            name.push('_');
            name.push_str(rng.pick(GOOS_SUFFIX));
        }
        1 => {
            name.push('_');
            name.push_str(rng.pick(GOARCH_SUFFIX));
        }
        2 => {
            let _ = write!(
                name,
                "_{}_{}",
                rng.pick(GOOS_SUFFIX),
                rng.pick(GOARCH_SUFFIX)
            );
        }
        _ => {}
    }
    if is_go && rng.chance(4) {
        name.push_str("_test");
    }
    name
}

fn package_dir(rng: &mut Rng, m: &mut ModuleGen, dir: &str, base_pkg: &str) {
    let pkgs = [
        base_pkg,
        base_pkg,
        base_pkg,
        "main",
        "other",
        "documentation",
    ];
    let n = 1 + rng.below(6);
    for _ in 0..n {
        let ext = rng.pick(EXTENSIONS);
        let is_go = ext == ".go";
        let name = file_name(rng, is_go);
        let path = format!("{dir}{name}{ext}");
        let body = if is_go {
            let pkg = if name.ends_with("_test") && rng.chance(2) {
                format!("{base_pkg}_test")
            } else if rng.chance(6) {
                rng.pick(&pkgs).to_string()
            } else {
                base_pkg.to_string()
            };
            go_file(rng, &pkg)
        } else if ext == ".syso" {
            vec![0x7f, b'E', b'L', b'F', 0, 1, 2]
        } else if rng.chance(3) {
            format!("//go:build {}\n\n// asm or C\n", header_expr(rng)).into_bytes()
        } else {
            b"// plain\n".to_vec()
        };
        m.add(path, body);
    }
    asset_tree(rng, m, dir);
}

/// go.mod `go` lines the generator writes: below and above 1.14 (the vendor-mode threshold),
/// patch and release-candidate spellings, and up to the newest release here. A module only
/// gets a line its release accepts with GOTOOLCHAIN=local.
const GO_LINES: &[(&str, u32)] = &[
    ("1.13", 13),
    ("1.14", 14),
    ("1.16", 16),
    ("1.20", 20),
    ("1.21", 21),
    ("1.21.0", 21),
    ("1.22", 22),
    ("1.22rc1", 22),
    ("1.23", 23),
    ("1.23.0", 23),
    ("1.26", 26),
    ("1.27", 27),
];

fn random_module(seed: u64, release_minor: u32) -> ModuleGen {
    let mut rng = Rng::new(seed);
    let mut m = ModuleGen {
        files: Vec::new(),
        dirs: Vec::new(),
    };
    let lines: Vec<&str> = GO_LINES
        .iter()
        .filter(|(_, minor)| *minor <= release_minor)
        .map(|(l, _)| *l)
        .collect();
    // A second generator for what was added later (the go line, modules.txt), so the older
    // draws, and the trees of the seeds quoted in notes, stay as they were.
    let mut extra = Rng::new(seed ^ 0x0060_0D11);
    // Mostly the release's own line, as `go mod init` writes it.
    let go_line = if extra.chance(2) {
        lines.last().copied().unwrap_or("1.21")
    } else {
        extra.pick(&lines)
    };
    m.add(
        "go.mod".into(),
        format!("module example.com/rnd{seed}\n\ngo {go_line}\n"),
    );
    package_dir(&mut rng, &mut m, "", "p");
    extra_file(&mut extra, &mut m, "", "p");
    let subdirs = [
        "a/",
        "a/b/",
        "c/",
        "testdata/t/",
        "vendor/v/",
        "_skip/",
        ".hidden/",
        "nested/",
        "a/testdata/",
        "internal/i/",
    ];
    for d in subdirs {
        if rng.chance(3) {
            let pkg = d.trim_end_matches('/').rsplit('/').next().unwrap_or("p");
            let pkg = pkg.trim_start_matches(['_', '.']);
            let pkg = if pkg.is_empty() { "q" } else { pkg };
            package_dir(&mut rng, &mut m, d, pkg);
            extra_file(&mut extra, &mut m, d, pkg);
            if d == "vendor/v/" && extra.chance(2) {
                // vendor/modules.txt: none, empty, or written for a workspace (which
                // Go 1.22+ does not use outside workspace mode).
                let text = extra.pick(&["", "## workspace\n", "# comment only\n"]);
                m.add("vendor/modules.txt".into(), text.as_bytes().to_vec());
            }
            if d == "nested/" {
                m.add(
                    "nested/go.mod".into(),
                    format!("module example.com/nested{seed}\n"),
                );
            }
        }
    }
    // More packages of the main module, from the second generator.
    for (d, pkg) in [("d/", "d"), ("e/f/", "f"), ("g/", "main")] {
        if extra.chance(2) {
            package_dir(&mut extra, &mut m, d, pkg);
            extra_file(&mut extra, &mut m, d, pkg);
        }
    }
    m
}

/// Most package directories also get a Go file that sorts after the others (so what the
/// first generator wrote keeps its order): more packages with Go files to compare.
fn extra_file(extra: &mut Rng, m: &mut ModuleGen, dir: &str, pkg: &str) {
    if extra.chance(4) {
        return;
    }
    let (name, pkg) = if extra.chance(4) {
        ("zz_extra_test.go", format!("{pkg}_test"))
    } else {
        ("zz_extra.go", pkg.to_string())
    };
    let body = go_file(extra, &pkg);
    m.add(format!("{dir}{name}"), body);
}

fn write_module(m: &ModuleGen, root: &Path) {
    for d in &m.dirs {
        std::fs::create_dir_all(root.join(d)).expect("mkdir");
    }
    for (path, body) in &m.files {
        let p = root.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, body).expect("write module file");
    }
    // Old mtimes: `go list` then takes its module-index path, as in the golden tests.
    let status = Command::new("find")
        .arg(root)
        .args(["-exec", "touch", "-h", "-t", "202001010000", "{}", "+"])
        .status()
        .expect("find/touch");
    assert!(status.success());
}

/// `go list -test` base entries only (no test variants, no test mains).
fn base_entries(list: Vec<serde_json::Value>) -> Vec<serde_json::Value> {
    list.into_iter()
        .filter(|p| {
            let for_test = p.get("ForTest").and_then(|v| v.as_str()).unwrap_or("");
            let path = p.get("ImportPath").and_then(|v| v.as_str()).unwrap_or("");
            for_test.is_empty() && !path.ends_with(".test") && !path.contains(" [")
        })
        .collect()
}

struct ModuleOutcome {
    label: String,
    release: String,
    packages: usize,
    diffs: Vec<String>,
}

/// One module compared on one release: a random port the generator knows, cgo on or off, a
/// random tag set, `go list -e -test -json ./...` against `gotags list --json --test --go`.
fn check_module(go: &Path, release: &str, scratch: &Path, seed: u64) -> ModuleOutcome {
    let minor: u32 = release
        .strip_prefix("1.")
        .and_then(|m| m.parse().ok())
        .unwrap_or(23);
    let m = random_module(seed, minor);
    let mut rng = Rng::new(seed ^ 0xA5A5);
    let (goos, goarch) = PORTS[rng.below(PORTS.len())];
    let cgo = if rng.chance(2) { "1" } else { "0" };
    let tags = rng.pick(&["", "", "foo", "purego,foo", "ignore"]);
    let run = Run {
        go,
        release,
        scratch,
        name: format!("m{seed}-go{release}"),
        label: format!("seed {seed} go{release} {goos}/{goarch} CGO_ENABLED={cgo} tags={tags:?}"),
        port: (goos, goarch),
        cgo,
        goflags: if tags.is_empty() {
            String::new()
        } else {
            format!("-tags={tags}")
        },
    };
    compare_module(&m, &run)
}

/// One comparison's settings.
struct Run<'a> {
    go: &'a Path,
    release: &'a str,
    scratch: &'a Path,
    /// The module's directory name under `scratch` (and under `GOTAGS_DIFF_KEEP`).
    name: String,
    label: String,
    port: (&'a str, &'a str),
    cgo: &'a str,
    /// `$GOFLAGS` for both tools (empty: none).
    goflags: String,
}

/// Prints each differing module's label and its first ten differences.
fn print_failures<O: Borrow<ModuleOutcome>>(failing: &[O]) {
    for o in failing.iter().map(Borrow::borrow) {
        println!("== {}", o.label);
        for d in o.diffs.iter().take(10) {
            println!("{d}");
        }
    }
}

/// Writes `m` and compares `go list -e -test -json ./...` with `gotags list --json --test`.
fn compare_module(m: &ModuleGen, run: &Run) -> ModuleOutcome {
    let Run {
        go,
        release,
        scratch,
        cgo,
        ..
    } = *run;
    let root = scratch.join(&run.name);
    write_module(m, &root);
    let label = run.label.clone();
    let mut vars: Vec<(String, String)> = vec![
        ("GOOS".into(), run.port.0.into()),
        ("GOARCH".into(), run.port.1.into()),
        ("CGO_ENABLED".into(), cgo.into()),
    ];
    let mut go_vars = plumbing(scratch);
    go_vars.retain(|(k, _)| k != "GOFLAGS");
    if run.goflags.is_empty() {
        go_vars.push(("GOFLAGS".into(), String::new()));
    } else {
        vars.push(("GOFLAGS".into(), run.goflags.clone()));
    }
    go_vars.extend(vars.iter().cloned());
    let mut cmd = Command::new(go);
    cmd.args(["list", "-e", "-test", "-json", "./..."])
        .current_dir(&root);
    clean_go_env(&mut cmd, &go_vars);
    let go_out = cmd.output();
    let roots = root_spellings(&root);
    let outcome = |packages, diffs| ModuleOutcome {
        label: label.clone(),
        release: release.to_string(),
        packages,
        diffs,
    };
    let want = match stream_or_error(&format!("{label}: go list"), &go_out) {
        Ok(w) => shape_all(&base_entries(w), &roots),
        Err(e) => return outcome(0, vec![e]),
    };
    let arg = root.to_string_lossy().into_owned();
    let args = ["list", "--json", "--test", &arg, "--go", release];
    let got_out = match std::env::var_os("GOTAGS_DIFF_BIN") {
        // A frozen copy of the binary for long runs (rebuilds then do not touch the run).
        Some(bin) => {
            let mut cmd = Command::new(bin);
            cmd.args(args).current_dir(&root);
            clean_go_env(&mut cmd, &vars);
            cmd.output()
        }
        None => run_gotags(&args, &root, &vars),
    };
    let got = match stream_or_error(&format!("{label}: gotags"), &got_out) {
        Ok(g) => shape_all(&g, &roots),
        Err(e) => return outcome(want.len(), vec![e]),
    };
    let diffs = compare(&label, &want, &got, true);
    if diffs.is_empty() {
        let _ = std::fs::remove_dir_all(&root);
    } else if let Ok(keep) = std::env::var("GOTAGS_DIFF_KEEP") {
        let dst = Path::new(&keep).join(&run.name);
        let _ = std::fs::create_dir_all(Path::new(&keep));
        let _ = std::fs::rename(&root, dst);
    }
    outcome(want.len(), diffs)
}

/// Vendor mode by hand, on every release, with `$GOFLAGS` empty, `-mod=mod` and `-mod=vendor`:
/// a bad `//go:build` line stops the module index but not go/build, which goes on to the
/// files after it and to the embed patterns, and the embed error then moves the package
/// error to the pattern's position (cmd/go's `setPos`); a go line below 1.14 turns the
/// default off, and a `modules.txt` for a workspace does too from Go 1.22 on.
#[test]
fn vendor_mode_matches_go_list() {
    let toolchains = toolchains_or_skip("vendor mode");
    let scratch = tempfile::tempdir().expect("tempdir");
    let mut failing = Vec::new();
    let mut compared = 0;
    for (release, go) in &toolchains {
        for (go_line, modules_txt) in [("1.21", ""), ("1.13", ""), ("1.21", "## workspace\n")] {
            let mut m = ModuleGen {
                files: Vec::new(),
                dirs: Vec::new(),
            };
            m.add(
                "go.mod".into(),
                format!("module example.com/v\n\ngo {go_line}\n"),
            );
            m.add("vendor/modules.txt".into(), modules_txt);
            m.add(
                "c/a.go".into(),
                "package c\n\nimport _ \"embed\"\n\n//go:embed none*.txt\nvar e string\n",
            );
            m.add("c/b_linux.go".into(), "//go:build !(linux)é\n\npackage c\n");
            m.add("c/c.S".into(), "// asm\n");
            m.add("c/d_test.go".into(), "package c\n");
            m.add("c/e.go".into(), "package c\n");
            for goflags in ["", "-mod=mod", "-mod=vendor"] {
                let name = format!("v{compared}");
                let label =
                    format!("vendor go{release} go.mod {go_line} modules.txt {modules_txt:?} GOFLAGS={goflags:?}");
                let run = Run {
                    go,
                    release,
                    scratch: scratch.path(),
                    name,
                    label,
                    port: ("linux", "amd64"),
                    cgo: "0",
                    goflags: goflags.to_string(),
                };
                let o = compare_module(&m, &run);
                compared += 1;
                if !o.diffs.is_empty() {
                    failing.push(o);
                }
            }
        }
    }
    print_failures(&failing);
    println!(
        "vendor mode: {compared} comparisons, {} differ",
        failing.len()
    );
    assert!(failing.is_empty());
}

/// Seed 4706 reduced: a command for a port that must link externally (ios/arm64) with cgo
/// off stops loading the base package before embed resolution, but `go list -test` loads the
/// test variants apart and still records TestEmbedFiles/XTestEmbedFiles on it.
#[test]
fn test_embeds_of_a_command_that_needs_cgo_to_link() {
    let toolchains = toolchains_or_skip("test embeds, external linking");
    let scratch = tempfile::tempdir().expect("tempdir");
    let mut failing = Vec::new();
    for (release, go) in &toolchains {
        let mut m = ModuleGen {
            files: Vec::new(),
            dirs: Vec::new(),
        };
        m.add("go.mod".into(), "module example.com/x\n\ngo 1.21\n");
        m.add("g/a.txt".into(), "a");
        m.add("g/b.txt".into(), "b");
        m.add("g/main.go".into(), "package main\n\nfunc main() {}\n");
        m.add(
            "g/in_test.go".into(),
            "package main\n\nimport _ \"embed\"\n\n//go:embed a.txt\nvar a string\n",
        );
        m.add(
            "g/x_test.go".into(),
            "package main_test\n\nimport _ \"embed\"\n\n//go:embed *.txt\nvar b string\n",
        );
        let run = Run {
            go,
            release,
            scratch: scratch.path(),
            name: format!("x-go{release}"),
            label: format!("external linking go{release} ios/arm64 CGO_ENABLED=0"),
            port: ("ios", "arm64"),
            cgo: "0",
            goflags: String::new(),
        };
        let o = compare_module(&m, &run);
        if !o.diffs.is_empty() {
            failing.push(o);
        }
    }
    print_failures(&failing);
    assert!(failing.is_empty(), "{} releases differ", failing.len());
}

/// Seeds compared on every release in every run: 27 and 38 put a `vendor` directory in the
/// main module, so cmd/go is in vendor mode and loads the main module's packages with
/// go/build rather than the module index (38: a `//go:build` parse error makes `b_test.go`
/// invalid and go/build goes on to the `.S`/`.f` files, where the index stops). 4706: a
/// test-only `package main` on ios/arm64 without cgo keeps its test embed files.
const EVERY_RELEASE_SEEDS: &[u64] = &[27, 38, 4706];

/// `GOTAGS_DIFF_MODULES` modules (default 50) from seed `GOTAGS_DIFF_SEED` (default 1), each
/// on one release chosen from its seed among the toolchains present
/// (`GOTAGS_DIFF_RELEASES=all`: on every release), plus [`EVERY_RELEASE_SEEDS`] on every
/// release.
#[test]
fn random_modules_match_go_list() {
    let toolchains = toolchains_or_skip("random modules");
    if toolchains.is_empty() {
        return;
    }
    let scratch = tempfile::tempdir().expect("tempdir");
    let n = env_count("GOTAGS_DIFF_MODULES", 50) as u64;
    let first = env_count("GOTAGS_DIFF_SEED", 1) as u64;
    let every = std::env::var("GOTAGS_DIFF_RELEASES").as_deref() == Ok("all");
    let mut jobs: Vec<(u64, usize)> = Vec::new();
    for seed in first..first + n {
        if every {
            jobs.extend((0..toolchains.len()).map(|t| (seed, t)));
        } else {
            let t = (Rng::new(seed ^ 0x5EED).next() % toolchains.len() as u64) as usize;
            jobs.push((seed, t));
        }
    }
    if std::env::var("GOTAGS_DIFF_FIXED").as_deref() != Ok("0") {
        for &seed in EVERY_RELEASE_SEEDS {
            for t in 0..toolchains.len() {
                if !jobs.contains(&(seed, t)) {
                    jobs.push((seed, t));
                }
            }
        }
    }
    let threads = env_count("GOTAGS_DIFF_THREADS", worker_threads());
    let outcomes = par_map(&jobs, threads, |&(s, t)| {
        let (release, go) = &toolchains[t];
        check_module(go, release, scratch.path(), s)
    });
    let packages: usize = outcomes.iter().map(|o| o.packages).sum();
    let failing: Vec<&ModuleOutcome> = outcomes.iter().filter(|o| !o.diffs.is_empty()).collect();
    print_failures(&failing);
    let per_release: Vec<String> = toolchains
        .iter()
        .map(|(r, _)| {
            let k = outcomes.iter().filter(|o| &o.release == r).count();
            format!("go{r}: {k}")
        })
        .collect();
    println!(
        "random modules: seeds {first}..{}, {} comparisons ({}), {packages} packages, {} with differences",
        first + n,
        outcomes.len(),
        per_release.join(", "),
        failing.len()
    );
    assert!(
        failing.is_empty(),
        "{} comparisons differ from go list",
        failing.len()
    );
}
