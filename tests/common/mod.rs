//! Shared helpers of the test binaries (each includes it with `mod common;`): reading the
//! corpus (configs, modules, empty directories), fresh copies of corpus modules, shaping
//! `go list -json` / `gotags list --json` output down to the compared field set, and diffing
//! two package lists.
//!
//! The shaping here must stay identical to the Python in `corpus/generate-expected.sh`.
#![allow(dead_code)] // each test binary uses a different subset

use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fields kept from `go list -json`, in the order they are written and reported.
pub const FIELDS: &[&str] = &[
    "Dir",
    "ImportPath",
    "Name",
    "GoFiles",
    "CgoFiles",
    "IgnoredGoFiles",
    "IgnoredOtherFiles",
    "InvalidGoFiles",
    "TestGoFiles",
    "XTestGoFiles",
    "CFiles",
    "CXXFiles",
    "MFiles",
    "HFiles",
    "FFiles",
    "SFiles",
    "SwigFiles",
    "SwigCXXFiles",
    "SysoFiles",
    "EmbedPatterns",
    "EmbedFiles",
    "TestEmbedPatterns",
    "TestEmbedFiles",
    "XTestEmbedPatterns",
    "XTestEmbedFiles",
    // `Incomplete` is left out on purpose: go list also sets it when any dependency failed to
    // load, which needs the whole import graph (std included); gotags sets it for the
    // package's own errors only.
    "Error",
];

/// Variables every run gets before a configuration's own: the generator pins these too.
pub const BASE_VARS: &[(&str, &str)] = &[("GO386", "sse2"), ("GOENV", "off")];

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus_dir() -> PathBuf {
    repo_root().join("corpus")
}

/// One line of `corpus/configs.tsv`.
#[derive(Clone, Debug)]
pub struct Config {
    pub name: String,
    pub vars: Vec<(String, String)>,
}

/// Splits `A=1 B="x y"` into assignments: single spaces separate, double quotes group
/// (no escapes). Mirrors `split_vars` in the generator.
pub fn split_vars(s: &str) -> Result<Vec<(String, String)>, String> {
    let mut words = Vec::new();
    let (mut cur, mut quoted, mut any) = (String::new(), false, false);
    for ch in s.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if !cur.is_empty() || any {
                    words.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            _ => cur.push(ch),
        }
    }
    if quoted {
        return Err(format!("unterminated quote in: {s}"));
    }
    if !cur.is_empty() || any {
        words.push(cur);
    }
    words
        .into_iter()
        .map(|w| match w.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
            _ => Err(format!("not VAR=VALUE: {w}")),
        })
        .collect()
}

pub fn parse_configs(text: &str) -> Result<Vec<Config>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, vars) = line
            .split_once('\t')
            .ok_or_else(|| format!("configs.tsv:{}: no tab", n + 1))?;
        if vars.contains('\t') {
            return Err(format!("configs.tsv:{}: extra tab", n + 1));
        }
        let vars = split_vars(vars).map_err(|e| format!("configs.tsv:{}: {e}", n + 1))?;
        for required in ["GOOS", "GOARCH", "CGO_ENABLED"] {
            if !vars.iter().any(|(k, _)| k == required) {
                return Err(format!(
                    "configs.tsv:{}: {name} does not set {required}",
                    n + 1
                ));
            }
        }
        out.push(Config {
            name: name.to_string(),
            vars,
        });
    }
    Ok(out)
}

pub fn load_configs() -> Vec<Config> {
    let path = corpus_dir().join("configs.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    parse_configs(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// The corpus modules: directories directly under `corpus/` holding a `go.mod`, sorted.
pub fn corpus_modules() -> Vec<String> {
    let mut mods: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("reading corpus/")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("go.mod").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    mods.sort();
    mods
}

/// Creates the empty directories listed in `corpus/emptydirs.txt` under `root`
/// (`root` is the corpus directory or a copy of it).
pub fn ensure_empty_dirs(root: &Path) {
    let list = corpus_dir().join("emptydirs.txt");
    let text = std::fs::read_to_string(&list).expect("reading corpus/emptydirs.txt");
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let dir = root.join(line);
        if dir.parent().is_some_and(|p| p.exists()) {
            std::fs::create_dir_all(&dir)
                .unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        }
    }
}

/// Parses a stream of concatenated JSON objects (what `go list -json` prints).
pub fn parse_stream(text: &str) -> Result<Vec<Value>, String> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .map(|r| r.map_err(|e| e.to_string()))
        .collect()
}

/// Module-root spellings to replace by `$MODROOT`: the path as given and its canonical
/// form, longest first so that one never clobbers part of the other.
pub fn root_spellings(modroot: &Path) -> Vec<String> {
    let mut v = vec![modroot.to_string_lossy().into_owned()];
    if let Ok(c) = modroot.canonicalize() {
        v.push(c.to_string_lossy().into_owned());
    }
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v
}

fn replace_roots(s: &str, roots: &[String]) -> String {
    let mut s = s.to_string();
    for r in roots {
        if !r.is_empty() {
            s = s.replace(r.as_str(), "$MODROOT");
        }
    }
    s
}

fn norm_value(v: &Value, roots: &[String]) -> Value {
    match v {
        Value::String(s) => Value::String(replace_roots(s, roots)),
        Value::Array(a) => Value::Array(a.iter().map(|x| norm_value(x, roots)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (k.clone(), norm_value(x, roots)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `Dir` relative to the module root, slash-separated, `.` for the root. A `Dir` that is
/// not under the root (for example an already relative one) is left alone.
fn relative_dir(dir: &str, roots: &[String]) -> String {
    for r in roots {
        if dir == r {
            return ".".to_string();
        }
        if let Some(rest) = dir.strip_prefix(r.as_str()) {
            if let Some(rest) = rest.strip_prefix(std::path::MAIN_SEPARATOR) {
                return rest.replace(std::path::MAIN_SEPARATOR, "/");
            }
        }
    }
    dir.to_string()
}

/// Keeps only [`FIELDS`] of one package; `Error` keeps only `Err` and `Pos`. Idempotent.
pub fn shape_package(pkg: &Value, roots: &[String]) -> Value {
    let mut out = Map::new();
    let Some(obj) = pkg.as_object() else {
        return pkg.clone();
    };
    for &f in FIELDS {
        let Some(v) = obj.get(f) else { continue };
        let v = match f {
            "Dir" => match v.as_str() {
                Some(d) => Value::String(relative_dir(d, roots)),
                None => v.clone(),
            },
            "Error" => match v.as_object() {
                Some(e) => {
                    let mut m = Map::new();
                    for k in ["Err", "Pos"] {
                        if let Some(x) = e.get(k) {
                            m.insert(k.to_string(), x.clone());
                        }
                    }
                    Value::Object(m)
                }
                None => v.clone(),
            },
            _ => v.clone(),
        };
        out.insert(f.to_string(), norm_value(&v, roots));
    }
    Value::Object(out)
}

pub fn shape_all(pkgs: &[Value], roots: &[String]) -> Vec<Value> {
    pkgs.iter().map(|p| shape_package(p, roots)).collect()
}

/// Drops fields that a comparison leaves out (e.g. the `-test`-only embed fields).
pub fn without_fields(pkgs: &[Value], drop: &[&str]) -> Vec<Value> {
    pkgs.iter()
        .map(|p| match p.as_object() {
            Some(o) => Value::Object(
                o.iter()
                    .filter(|(k, _)| !drop.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
            None => p.clone(),
        })
        .collect()
}

fn key_of(p: &Value) -> String {
    p.get("ImportPath")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("<no ImportPath: {}>", short(p)))
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 300 {
        format!("{}…", s.chars().take(300).collect::<String>())
    } else {
        s
    }
}

fn show(v: Option<&Value>) -> String {
    match v {
        None => "(absent)".to_string(),
        Some(v) => short(v),
    }
}

/// Compares two shaped package lists. Packages are matched by ImportPath (the n-th
/// occurrence with the n-th); fields are compared in [`FIELDS`] order. When
/// `check_order` is set and both sides hold the same packages in a different order,
/// that is one more difference. Every difference is one line prefixed with `label`.
pub fn compare(label: &str, expected: &[Value], got: &[Value], check_order: bool) -> Vec<String> {
    fn keyed(list: &[Value]) -> Vec<(String, &Value)> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        list.iter()
            .map(|p| {
                let k = key_of(p);
                let n = seen.entry(k.clone()).or_insert(0);
                *n += 1;
                let k = if *n > 1 { format!("{k} (#{n})") } else { k };
                (k, p)
            })
            .collect()
    }
    let exp = keyed(expected);
    let got_k = keyed(got);
    let got_map: HashMap<&str, &Value> = got_k.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let exp_map: HashMap<&str, &Value> = exp.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let mut diffs = Vec::new();
    for (k, e) in &exp {
        let Some(g) = got_map.get(k.as_str()) else {
            diffs.push(format!(
                "{label}: package {k}: missing (expected {})",
                short(e)
            ));
            continue;
        };
        // Only the compared fields: expectations also carry `Incomplete` (see FIELDS).
        let names: Vec<&str> = FIELDS.to_vec();
        for f in names {
            let (ev, gv) = (e.get(f), g.get(f));
            if ev != gv {
                diffs.push(format!(
                    "{label}: package {k}: {f}: expected {} got {}",
                    show(ev),
                    show(gv)
                ));
            }
        }
    }
    for (k, g) in &got_k {
        if !exp_map.contains_key(k.as_str()) {
            diffs.push(format!(
                "{label}: package {k}: unexpected (got {})",
                short(g)
            ));
        }
    }
    if check_order && diffs.is_empty() {
        let e: Vec<&str> = exp.iter().map(|(k, _)| k.as_str()).collect();
        let g: Vec<&str> = got_k.iter().map(|(k, _)| k.as_str()).collect();
        if e != g {
            diffs.push(format!("{label}: package order: expected {e:?} got {g:?}"));
        }
    }
    diffs
}

/// Removes every inherited GO*/CGO_* variable from `cmd`, then sets [`BASE_VARS`] and
/// `vars` (later ones win).
pub fn clean_go_env(cmd: &mut Command, vars: &[(String, String)]) {
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy();
        if k.starts_with("GO") || k.starts_with("CGO_") {
            cmd.env_remove(k.as_ref());
        }
    }
    for (k, v) in BASE_VARS {
        cmd.env(k, v);
    }
    for (k, v) in vars {
        cmd.env(k, v);
    }
}

pub fn gotags_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_gotags"))
}

/// Runs `gotags` with `args` in `cwd` under a clean Go environment plus `vars`.
pub fn run_gotags(args: &[&str], cwd: &Path, vars: &[(String, String)]) -> std::io::Result<Output> {
    let mut cmd = Command::new(gotags_bin());
    cmd.args(args).current_dir(cwd);
    clean_go_env(&mut cmd, vars);
    cmd.output()
}

/// Parses a tool's stdout as a JSON stream, or explains why it could not.
pub fn stream_or_error(what: &str, out: &std::io::Result<Output>) -> Result<Vec<Value>, String> {
    let out = match out {
        Ok(o) => o,
        Err(e) => return Err(format!("{what}: could not run: {e}")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!(
            "{what}: exited with {}; stderr: {}",
            out.status,
            stderr.trim().chars().take(500).collect::<String>()
        ));
    }
    parse_stream(&stdout).map_err(|e| format!("{what}: stdout is not a JSON stream: {e}"))
}

/// Locates Go 1.23: `go` on PATH if it reports go1.23.x, else `/usr/lib/go-1.23/bin/go`.
/// The error explains what was looked at.
pub fn find_go() -> Result<(PathBuf, String), String> {
    let mut tried = Vec::new();
    let mut candidates = vec![PathBuf::from("go")];
    candidates.push(PathBuf::from("/usr/lib/go-1.23/bin/go"));
    for c in candidates {
        match Command::new(&c)
            .arg("version")
            .env("GOTOOLCHAIN", "local")
            .output()
        {
            Ok(o) if o.status.success() => {
                let v = String::from_utf8_lossy(&o.stdout).trim().to_string();
                if v.starts_with("go version go1.23.") {
                    return Ok((c, v));
                }
                tried.push(format!("{}: {v}", c.display()));
            }
            Ok(o) => tried.push(format!("{}: exit {}", c.display(), o.status)),
            Err(e) => tried.push(format!("{}: {e}", c.display())),
        }
    }
    Err(tried.join("; "))
}

/// The real toolchains this project checks against, oldest first: (release, go binary).
/// Debian's 1.21-1.23, the machine's own `go` (1.26) and 1.27.3 as `GOTOOLCHAIN=go1.27.3 go`
/// downloaded it into the module cache.
pub fn toolchain_candidates() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = ["1.21", "1.22", "1.23"]
        .iter()
        .map(|v| {
            (
                v.to_string(),
                PathBuf::from(format!("/usr/lib/go-{v}/bin/go")),
            )
        })
        .collect();
    out.push(("1.26".into(), PathBuf::from("/usr/local/go/bin/go")));
    let modcache = std::env::var_os("GOMODCACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join("go/pkg/mod")))
        .unwrap_or_default();
    out.push((
        "1.27".into(),
        modcache.join("golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64/bin/go"),
    ));
    out
}

/// The candidates that exist and report their release; the others are printed as skipped,
/// or fail the test when `GOTAGS_REQUIRE_GO=1` (CI).
pub fn toolchains_or_skip(what: &str) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for (release, go) in toolchain_candidates() {
        let out = Command::new(&go)
            .args(["env", "GOVERSION"])
            .env("GOTOOLCHAIN", "local")
            .env("GOENV", "off")
            .output();
        match out {
            Ok(o) if String::from_utf8_lossy(&o.stdout).starts_with(&format!("go{release}.")) => {
                found.push((release, go))
            }
            Ok(o) => missing.push(format!(
                "{release} ({}: says {:?})",
                go.display(),
                String::from_utf8_lossy(&o.stdout).trim()
            )),
            Err(e) => missing.push(format!("{release} ({}: {e})", go.display())),
        }
    }
    if !missing.is_empty() {
        let require = std::env::var("GOTAGS_REQUIRE_GO").as_deref() == Ok("1");
        assert!(
            !require,
            "{what}: GOTAGS_REQUIRE_GO=1 but these toolchains are missing: {}",
            missing.join(", ")
        );
        println!(
            "{what}: skipped (toolchain missing): {}",
            missing.join(", ")
        );
    }
    found
}

/// Runs `f` over `items` on `threads` worker threads; results keep the input order.
pub fn par_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= items.len() {
                    break;
                }
                let r = f(&items[i]);
                results.lock().expect("results lock")[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .expect("results lock")
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect()
}

pub fn worker_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

// ---- copies of corpus modules ----------------------------------------------------------

/// Lowers a copied module's `go 1.N` line to `minor` when it is newer, so an older
/// toolchain with GOTOOLCHAIN=local loads it.
pub fn lower_go_line(modroot: &Path, minor: u32) {
    let path = modroot.join("go.mod");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let lowered: Vec<String> = text
        .lines()
        .map(|l| match l.strip_prefix("go 1.") {
            Some(rest) => {
                let m: u32 = rest
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|d| d.parse().ok())
                    .unwrap_or(0);
                if m > minor {
                    format!("go 1.{minor}")
                } else {
                    l.to_string()
                }
            }
            None => l.to_string(),
        })
        .collect();
    std::fs::write(&path, lowered.join("\n") + "\n")
        .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}

/// Recursive copy that recreates symlinks as symlinks.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("creating {}: {e}", to.display()));
    let entries =
        std::fs::read_dir(from).unwrap_or_else(|e| panic!("reading {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.expect("directory entry");
        let src = entry.path();
        let dst = to.join(entry.file_name());
        let meta = std::fs::symlink_metadata(&src)
            .unwrap_or_else(|e| panic!("lstat {}: {e}", src.display()));
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(&src)
                .unwrap_or_else(|e| panic!("readlink {}: {e}", src.display()));
            std::os::unix::fs::symlink(&target, &dst)
                .unwrap_or_else(|e| panic!("symlink {}: {e}", dst.display()));
        } else if meta.is_dir() {
            copy_tree(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap_or_else(|e| panic!("copying {}: {e}", src.display()));
        }
    }
}

/// A fresh temporary directory holding copies of the named corpus modules (tests never write
/// into the repository).
pub fn corpus_copies(modules: &[&str]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    for m in modules {
        copy_tree(&corpus_dir().join(m), &tmp.path().join(m));
    }
    tmp
}

/// A fresh copy of the planted-mistakes module: the directory holding it, and its root.
pub fn mistakes_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = corpus_copies(&["mistakes"]);
    let root = tmp.path().join("mistakes");
    (tmp, root)
}

/// Backdates every entry (symlinks themselves, not their targets) so that `go list` takes
/// its module-index path (spec §0.2).
pub fn backdate(dir: &Path) {
    let status = Command::new("find")
        .arg(dir)
        .args(["-exec", "touch", "-h", "-t", "202001010000", "{}", "+"])
        .status()
        .expect("running find/touch");
    assert!(status.success(), "backdating {} failed", dir.display());
}

/// The string `field` of every object in the JSON array `array` (objects without it left out).
pub fn field_strs<'a>(array: &'a Value, field: &str) -> Vec<&'a str> {
    array
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x[field].as_str())
        .collect()
}

/// A JSON array's strings (anything else is no strings).
pub fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
