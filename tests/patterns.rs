//! Package patterns, workspaces and symlinked roots: `gotags list --json -C DIR PATTERNS`
//! against `go -C DIR list -e -json PATTERNS` for every case in corpus/patterns/cases.tsv.
//!
//! `recorded_patterns` compares with the expectations corpus/generate-expected-patterns.sh
//! recorded per release (no Go needed). `live_patterns` runs each real toolchain found
//! (Go 1.21, 1.22, 1.23, 1.26, 1.27) and compares with it directly; a missing toolchain is
//! skipped unless GOTAGS_REQUIRE_GO=1, which turns it into a failure. `copy:` cases (a
//! directory outside every module) run in a copy under a fresh temporary directory.

mod common;

use common::{clean_go_env, corpus_dir, ensure_empty_dirs, gotags_bin, parse_stream};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIELDS: &[&str] = &[
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
    "XTestEmbedPatterns",
    "Incomplete",
    "Error",
];

/// A GOROOT that does not exist, so standard-library lookups fail the same way everywhere.
const NO_GOROOT: &str = "/nonexistent-gotags-goroot";

struct Case {
    name: String,
    dir: String,
    /// `copy:DIR` cases run in a copy of this directory of corpus/patterns under a fresh
    /// temporary directory outside every module.
    copy: Option<String>,
    /// The extra environment, `$PATTERNS` not yet replaced.
    env: Vec<(String, String)>,
    patterns: Vec<String>,
}

/// Where one case runs: corpus/patterns, or a temporary copy of its directory (kept alive
/// as long as the case runs), which then stands for `$PATTERNS`.
struct CaseRoot {
    path: PathBuf,
    _tmp: Option<tempfile::TempDir>,
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creating the copy");
    for e in std::fs::read_dir(from).expect("reading the corpus") {
        let e = e.expect("directory entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copying a corpus file");
        }
    }
}

impl Case {
    fn root(&self) -> CaseRoot {
        let Some(top) = &self.copy else {
            return CaseRoot {
                path: root(),
                _tmp: None,
            };
        };
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().canonicalize().expect("tempdir path");
        copy_tree(&root().join(top), &path.join(top));
        assert!(
            !path.ancestors().any(|a| a.join("go.mod").is_file()),
            "{}: the temporary directory {} is inside a module",
            self.name,
            path.display()
        );
        CaseRoot {
            path,
            _tmp: Some(tmp),
        }
    }

    fn env(&self, root: &Path) -> Vec<(String, String)> {
        let r = root.to_string_lossy();
        self.env
            .iter()
            .map(|(k, v)| (k.clone(), v.replace("$PATTERNS", &r)))
            .collect()
    }
}

fn root() -> PathBuf {
    let r = corpus_dir().join("patterns");
    r.canonicalize().unwrap_or(r)
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(root().join("cases.tsv")).expect("reading cases.tsv");
    let mut out = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "cases.tsv: {line}");
        let env = if cols[2] == "-" {
            Vec::new()
        } else {
            cols[2]
                .split(' ')
                .filter_map(|a| a.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let patterns = if cols[3] == "-" {
            Vec::new()
        } else {
            cols[3].split(' ').map(str::to_string).collect()
        };
        let (dir, copy) = match cols[1].strip_prefix("copy:") {
            Some(d) => (d, d.split('/').next().map(str::to_string)),
            None => (cols[1], None),
        };
        out.push(Case {
            name: cols[0].to_string(),
            dir: dir.to_string(),
            copy,
            env,
            patterns,
        });
    }
    out
}

fn base_env() -> Vec<(String, String)> {
    [
        ("GOOS", "linux"),
        ("GOARCH", "amd64"),
        ("CGO_ENABLED", "1"),
        ("GOFLAGS", ""),
        ("GOTOOLCHAIN", "local"),
        ("GOPROXY", "off"),
        ("GO386", "sse2"),
        ("GOENV", "off"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn norm(v: &Value, root: &str, goroot: &str) -> Value {
    match v {
        Value::String(s) => Value::String(s.replace(root, "$PATTERNS").replace(goroot, "$GOROOT")),
        Value::Array(a) => Value::Array(a.iter().map(|x| norm(x, root, goroot)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (k.clone(), norm(x, root, goroot)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The recorded shape of one run: packages, warnings, exit status, fatal error lines.
fn shape(out: &Output, root: &Path, goroot: &str) -> Value {
    let root = root.to_string_lossy().into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let pkgs: Vec<Value> = parse_stream(&stdout)
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let mut m = Map::new();
            for f in FIELDS {
                if let Some(v) = p.get(*f) {
                    let v = if *f == "Error" {
                        let mut e = Map::new();
                        for k in ["Err", "Pos"] {
                            if let Some(x) = v.get(k) {
                                e.insert(k.to_string(), x.clone());
                            }
                        }
                        Value::Object(e)
                    } else {
                        v.clone()
                    };
                    m.insert(f.to_string(), norm(&v, &root, goroot));
                }
            }
            Value::Object(m)
        })
        .collect();
    let lines: Vec<String> = stderr
        .lines()
        .map(|l| l.replace(&root, "$PATTERNS").replace(goroot, "$GOROOT"))
        .collect();
    let warnings: Vec<Value> = lines
        .iter()
        .filter(|l| l.starts_with("go: warning:") || l.starts_with("warning: "))
        .map(|l| Value::String(l.clone()))
        .collect();
    let mut m = Map::new();
    m.insert("packages".into(), Value::Array(pkgs));
    m.insert("warnings".into(), Value::Array(warnings));
    m.insert("exit".into(), Value::from(out.status.code().unwrap_or(-1)));
    m.insert("stderr".into(), Value::String(lines.join("\n")));
    Value::Object(m)
}

fn gotags_supports_go_flag() -> bool {
    Command::new(gotags_bin())
        .args(["list", "--help"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("--go "))
}

fn run_gotags_case(c: &Case, root: &Path, release: Option<&str>, goroot: &str) -> Output {
    let mut cmd = Command::new(gotags_bin());
    cmd.current_dir(root).args(["list", "--json"]);
    if let Some(r) = release {
        cmd.args(["--go", r]);
    }
    cmd.args(["-C", &c.dir]);
    cmd.args(&c.patterns);
    let mut vars = base_env();
    vars.push(("GOROOT".into(), goroot.into()));
    vars.extend(c.env(root));
    clean_go_env(&mut cmd, &vars);
    cmd.output().expect("running gotags")
}

/// Differences between go's shape and gotags'.
fn differences(label: &str, want: &Value, got: &Value) -> Vec<String> {
    let mut d = Vec::new();
    let exit = want["exit"].as_i64().unwrap_or(0);
    if exit != 0 {
        // go stopped before listing: gotags must stop too, saying every line go said (the
        // file and line of a syntax error included).
        if got["exit"].as_i64() == Some(0) {
            d.push(format!("{label}: go exits {exit}, gotags exits 0"));
        }
        let stderr = got["stderr"].as_str().unwrap_or("");
        for line in want["errors"].as_array().into_iter().flatten() {
            let line = line.as_str().unwrap_or("");
            let line = line.strip_prefix("go: ").unwrap_or(line);
            if !stderr.contains(line) {
                d.push(format!(
                    "{label}: gotags' stderr lacks go's error line {line:?}: {stderr:?}"
                ));
            }
        }
        return d;
    }
    if got["exit"].as_i64() != Some(0) {
        d.push(format!(
            "{label}: gotags exits {}: {}",
            got["exit"], got["stderr"]
        ));
        return d;
    }
    let (w, g) = (
        want["packages"].as_array().cloned().unwrap_or_default(),
        got["packages"].as_array().cloned().unwrap_or_default(),
    );
    let wp: Vec<&str> = w
        .iter()
        .map(|p| p["ImportPath"].as_str().unwrap_or("?"))
        .collect();
    let gp: Vec<&str> = g
        .iter()
        .map(|p| p["ImportPath"].as_str().unwrap_or("?"))
        .collect();
    if wp != gp {
        d.push(format!(
            "{label}: packages\n  go:     {wp:?}\n  gotags: {gp:?}"
        ));
    } else {
        for (a, b) in w.iter().zip(&g) {
            for f in FIELDS {
                if a.get(*f) != b.get(*f) {
                    d.push(format!(
                        "{label}: {} {f}: go {:?}, gotags {:?}",
                        a["ImportPath"],
                        a.get(*f),
                        b.get(*f)
                    ));
                }
            }
        }
    }
    if want["warnings"] != got["warnings"] {
        d.push(format!(
            "{label}: warnings\n  go:     {}\n  gotags: {}",
            want["warnings"], got["warnings"]
        ));
    }
    d
}

#[test]
fn recorded_patterns() {
    ensure_empty_dirs(&corpus_dir());
    let expected = corpus_dir().join("expected-patterns");
    let with_go_flag = gotags_supports_go_flag();
    let mut releases: Vec<String> = std::fs::read_dir(&expected)
        .expect("corpus/expected-patterns")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    releases.sort();
    // Without --go the library answers for its default release only.
    if !with_go_flag {
        releases.retain(|r| r == "go1.23");
    }
    assert!(!releases.is_empty(), "no recorded releases");
    let mut diffs = Vec::new();
    let mut compared = 0;
    for rel in &releases {
        let version = rel.trim_start_matches("go");
        for c in cases() {
            let path = expected.join(rel).join(format!("{}.json", c.name));
            let text = std::fs::read_to_string(&path).expect("expectation");
            let want: Value = serde_json::from_str(&text).expect("expectation JSON");
            let at = c.root();
            let out = run_gotags_case(&c, &at.path, with_go_flag.then_some(version), NO_GOROOT);
            let got = shape(&out, &at.path, NO_GOROOT);
            diffs.extend(differences(&format!("{rel}/{}", c.name), &want, &got));
            compared += 1;
        }
    }
    assert!(
        diffs.is_empty(),
        "{} differences over {compared} recorded runs:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

/// The toolchains the generator records from.
fn toolchain(release: &str) -> Option<PathBuf> {
    let p = match release {
        "1.21" | "1.22" | "1.23" => PathBuf::from(format!("/usr/lib/go-{release}/bin/go")),
        "1.26" => PathBuf::from("/usr/local/go/bin/go"),
        "1.27" => {
            let home = std::env::var_os("HOME").map(PathBuf::from)?;
            home.join("go/pkg/mod/golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64/bin/go")
        }
        _ => return None,
    };
    p.is_file().then_some(p)
}

fn go_root_of(go: &Path) -> Option<String> {
    let out = Command::new(go)
        .args(["env", "GOROOT"])
        .env("GOTOOLCHAIN", "local")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn live_patterns() {
    ensure_empty_dirs(&corpus_dir());
    let require = std::env::var("GOTAGS_REQUIRE_GO").is_ok_and(|v| v == "1");
    let with_go_flag = gotags_supports_go_flag();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut diffs = Vec::new();
    let mut missing = Vec::new();
    for rel in ["1.21", "1.22", "1.23", "1.26", "1.27"] {
        if !with_go_flag && rel != "1.23" {
            continue;
        }
        let Some(go) = toolchain(rel) else {
            missing.push(rel);
            continue;
        };
        let Some(goroot) = go_root_of(&go) else {
            missing.push(rel);
            continue;
        };
        for c in cases() {
            let at = c.root();
            let mut cmd = Command::new(&go);
            cmd.current_dir(&at.path)
                .args(["-C", &c.dir, "list", "-e", "-json"]);
            cmd.args(&c.patterns);
            let mut vars = base_env();
            for (k, d) in [("HOME", "home"), ("GOCACHE", "cache"), ("GOPATH", "path")] {
                vars.push((k.into(), tmp.path().join(d).to_string_lossy().into_owned()));
            }
            vars.extend(c.env(&at.path));
            clean_go_env(&mut cmd, &vars);
            let Ok(out) = cmd.output() else {
                missing.push(rel);
                break;
            };
            let mut want = shape(&out, &at.path, &goroot);
            if want["exit"].as_i64() != Some(0) {
                let errors: Vec<Value> = want["stderr"]
                    .as_str()
                    .unwrap_or("")
                    .lines()
                    .filter(|l| !l.starts_with("go: warning:") && !l.starts_with("warning: "))
                    .map(|l| Value::String(l.to_string()))
                    .collect();
                want["errors"] = Value::Array(errors);
            }
            let got = shape(
                &run_gotags_case(&c, &at.path, with_go_flag.then_some(rel), &goroot),
                &at.path,
                &goroot,
            );
            diffs.extend(differences(
                &format!("live go{rel}/{}", c.name),
                &want,
                &got,
            ));
        }
    }
    assert!(
        !require || missing.is_empty(),
        "GOTAGS_REQUIRE_GO=1 but no toolchain for Go {missing:?}"
    );
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}
