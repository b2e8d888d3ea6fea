//! `gotags embed` end to end: the binary on `corpus/sample` and `corpus/embedsizes`, with the
//! per-platform totals recomputed here from the asset files (std::fs) under the documented
//! size rules, budgets and their exit status, JSON rollups and the explanations.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus(module: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(module)
}

fn gotags(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(args)
        .args(["--go", "1.23"]) // the expectations are Go 1.23's (49 ports)
        .env_remove("GOFLAGS")
        .env_remove("CGO_ENABLED")
        .env_remove("GOOS")
        .env_remove("GOARCH")
        .output()
        .expect("run gotags");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let (code, out, err) = gotags(&a);
    assert_eq!(code, 0, "gotags {args:?} failed: {err}");
    serde_json::from_str(&out).expect("JSON output parses")
}

/// Every regular file below `dir` (recursively), as a directory pattern embeds it: names
/// beginning with `.` or `_` are left out unless `all`.
fn walk(dir: &Path, all: bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !all && (name.starts_with('.') || name.starts_with('_')) {
            continue;
        }
        let md = std::fs::symlink_metadata(&p).expect("lstat");
        if md.is_dir() {
            out.extend(walk(&p, all));
        } else if md.is_file() {
            out.push(p);
        }
    }
    out
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).expect("stat").len()
}

/// The stated rule: string/embed.FS files once each (by path), []byte files every time.
fn expected_total(shared: &[PathBuf], own_copies: &[Vec<PathBuf>]) -> (u64, u64) {
    let mut unique: BTreeMap<&PathBuf, u64> = BTreeMap::new();
    for p in shared {
        unique.insert(p, size(p));
    }
    let shared: u64 = unique.values().sum();
    let own: u64 = own_copies.iter().flatten().map(|p| size(p)).sum();
    (shared, own)
}

fn platform_totals(report: &Value) -> BTreeMap<String, (u64, u64, u64)> {
    report["platforms"]
        .as_array()
        .expect("platforms")
        .iter()
        .map(|p| {
            let t = &p["totals"];
            (
                p["platform"].as_str().unwrap().to_string(),
                (
                    t["total"].as_u64().unwrap(),
                    t["shared"].as_u64().unwrap(),
                    t["own_copies"].as_u64().unwrap(),
                ),
            )
        })
        .collect()
}

#[test]
fn sample_all_platforms_totals_match_the_files() {
    let root = corpus("sample");
    let web = root.join("web");
    let mut shared = walk(&web.join("static"), false);
    shared.extend(walk(&web.join("templates"), true));
    shared.push(web.join("version.txt"));
    let (s, o) = expected_total(&shared, &[]);
    assert!(s > 0);

    let report = json(&["embed", root.to_str().unwrap(), "--all-platforms"]);
    let totals = platform_totals(&report);
    assert_eq!(totals.len(), 49, "every port of go tool dist list");
    for (plat, t) in &totals {
        assert_eq!(*t, (s + o, s, o), "{plat}");
    }
}

#[test]
fn sample_text_explains_dropped_dotfiles_and_all() {
    let root = corpus("sample");
    let (code, out, err) = gotags(&[
        "embed",
        root.to_str().unwrap(),
        "--goos",
        "linux",
        "--goarch",
        "amd64",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("static/.env.example"), "{out}");
    assert!(out.contains("static/_draft.html"), "{out}");
    assert!(
        out.contains("`//go:embed all:static` would include them"),
        "{out}"
    );
    // all:templates keeps the _ file, and says which rule it used.
    assert!(out.contains("templates/_partial.tmpl"), "{out}");
    assert!(out.contains("var static embed.FS  [shared]"), "{out}");
    assert!(out.contains("test only: not counted"), "{out}");
}

/// What `corpus/embedsizes` embeds on `goos` (see its README), by the stated rule.
fn embedsizes_expected(goos: &str, cgo: bool) -> (u64, u64) {
    let root = corpus("embedsizes");
    let a = root.join("assets");
    let data = a.join("data");
    let mut shared = walk(&data, false); // Data embed.FS
    shared.push(data.join("big.bin")); // Big string
    shared.push(data.join("two.txt")); // Two string (twice)
    shared.extend(walk(&root.join("web/public"), true)); // Public embed.FS, all:
    shared.push(root.join("web/public/index.html")); // Index string
    shared.extend(walk(&root.join("broken/good"), false)); // Good embed.FS
    if goos == "linux" || goos == "android" {
        shared.extend(walk(&a.join("linux"), false)); // LinuxFS
    }
    if cgo {
        shared.push(root.join("cgoassets/cgo.txt")); // Text string, cgo file
    }
    // BigCopy []byte: data/big.bin + data/*.txt (a glob matches _ names; `*` never crosses /).
    let mut big_copy = vec![data.join("big.bin")];
    for p in std::fs::read_dir(&data).unwrap().map(|e| e.unwrap().path()) {
        if p.is_file() && p.extension().is_some_and(|e| e == "txt") {
            big_copy.push(p);
        }
    }
    let mut own = vec![big_copy, vec![a.join("notes.md")]]; // Notes blob: own copy
    if goos == "windows" {
        own.push(vec![a.join("win/icon.ico")]); // Icon []byte
    }
    expected_total(&shared, &own)
}

#[test]
fn embedsizes_all_platforms_totals_match_the_files() {
    let root = corpus("embedsizes");
    let report = json(&["embed", root.to_str().unwrap(), "--all-platforms"]);
    let totals = platform_totals(&report);
    assert_eq!(totals.len(), 49);
    let mut distinct = std::collections::BTreeSet::new();
    for (plat, t) in &totals {
        let goos = plat.split('/').next().unwrap();
        let (s, o) = embedsizes_expected(goos, false);
        assert_eq!(*t, (s + o, s, o), "{plat}");
        distinct.insert(*t);
    }
    assert_eq!(distinct.len(), 3, "linux+android, windows, the rest");

    // One platform with cgo: the directive in the cgo file counts.
    let one = json(&[
        "embed",
        root.to_str().unwrap(),
        "--goos",
        "linux",
        "--goarch",
        "amd64",
        "--cgo",
        "on",
    ]);
    let (s, o) = embedsizes_expected("linux", true);
    assert_eq!(platform_totals(&one)["linux/amd64"], (s + o, s, o));
    // --cgo on applies to --all-platforms too.
    let all_cgo = json(&[
        "embed",
        root.to_str().unwrap(),
        "--all-platforms",
        "--cgo",
        "on",
    ]);
    let (s, o) = embedsizes_expected("windows", true);
    assert_eq!(platform_totals(&all_cgo)["windows/amd64"], (s + o, s, o));
}

#[test]
fn json_carries_the_rollups_and_explanations() {
    let root = corpus("embedsizes");
    let r = json(&["embed", root.to_str().unwrap(), "--all-platforms"]);
    let vars = r["variables"].as_array().unwrap();
    let by_name = |n: &str| {
        vars.iter()
            .find(|v| v["name"] == n)
            .unwrap_or_else(|| panic!("variable {n}"))
    };
    let types: Vec<(&str, &str, &str)> = ["Data", "Big", "BigCopy", "Two", "Notes", "Icon"]
        .iter()
        .map(|n| {
            let v = by_name(n);
            (
                *n,
                v["var_type"].as_str().unwrap(),
                v["size_rule"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        types,
        [
            ("Data", "embed.FS", "shared"),
            ("Big", "string", "shared"),
            ("BigCopy", "[]byte", "own-copy"),
            ("Two", "string", "shared"),
            ("Notes", "blob", "own-copy"),
            ("Icon", "[]byte", "own-copy"),
        ]
    );
    let data = by_name("Data");
    assert_eq!(data["file"], "assets/assets.go");
    assert_eq!(data["directives"][0]["patterns"][0]["pattern"], "data");
    assert_eq!(
        data["bytes"].as_u64().unwrap(),
        walk(&root.join("assets/data"), false)
            .iter()
            .map(|p| size(p))
            .sum::<u64>()
    );
    assert_eq!(by_name("Icon")["platforms"].as_array().unwrap().len(), 4);
    assert_eq!(by_name("fixture")["scope"], "test");
    assert!(r["size_rules"]["shared"].as_str().unwrap().contains("once"));

    // Per-package rollups on one platform, and the package embed error with its position.
    let linux = r["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["platform"] == "linux/amd64")
        .unwrap();
    let pkgs = linux["packages"].as_array().unwrap();
    let broken = pkgs
        .iter()
        .find(|p| p["package"] == "example.com/embedsizes/broken")
        .unwrap();
    assert_eq!(
        broken["embed_errors"][0]["err"],
        "pattern missing/*.txt: no matching files found"
    );
    assert_eq!(broken["embed_errors"][0]["pos"], "broken/broken.go:10:12");
    let web = pkgs
        .iter()
        .find(|p| p["package"] == "example.com/embedsizes/web")
        .unwrap();
    assert_eq!(
        web["totals"]["deduplicated"],
        size(&root.join("web/public/index.html"))
    );

    let kinds: Vec<&str> = r["explanations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for k in ["hidden-left-out", "matched-twice", "some-platforms"] {
        assert!(kinds.contains(&k), "{k} missing from {kinds:?}");
    }
    let hidden = r["explanations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "hidden-left-out")
        .unwrap();
    assert_eq!(hidden["all_pattern"], "all:data");
    assert_eq!(
        hidden["left_out"],
        serde_json::json!([
            "data/.hidden.env",
            "data/_skip.txt",
            "data/sub/_partial.txt"
        ])
    );
}

#[test]
fn budget_breach_exits_1_naming_the_culprits() {
    let root = corpus("embedsizes");
    let path = root.to_str().unwrap();
    let (code, out, err) = gotags(&["embed", path, "--all-platforms", "--budget-file", "4KiB"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("BUDGET EXCEEDED"), "{out}");
    assert!(out.contains("assets/data/big.bin: 5000 B"), "{out}");
    // The Windows-only icon is exactly 4 KiB: within a 4 KiB budget.
    assert!(!out.contains("icon.ico: 4096"), "{out}");
    assert!(out.contains("Data (assets/assets.go:12:5)"), "{out}");

    let (code, out, _) = gotags(&["embed", path, "--all-platforms", "--budget", "20KB"]);
    assert_eq!(code, 1);
    assert!(out.contains("windows/amd64"), "{out}");
    assert!(
        out.contains("largest package: example.com/embedsizes/assets"),
        "{out}"
    );
    assert!(out.contains("largest files: assets/data/big.bin"), "{out}");
    assert!(
        !out.contains("on all 49 platforms"),
        "only some platforms exceed 20 KB: {out}"
    );

    let (code, _, _) = gotags(&["embed", path, "--all-platforms", "--budget", "1MiB"]);
    assert_eq!(code, 0);
    let (code, out, _) = gotags(&[
        "embed",
        path,
        "--goos",
        "linux",
        "--goarch",
        "amd64",
        "--budget-package",
        "1.5MB",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["budget"]["budgets"]["package"], 1_500_000);
    assert_eq!(v["budget"]["breaches"], serde_json::json!([]));

    let (code, out, _) = gotags(&[
        "embed",
        path,
        "--goos",
        "linux",
        "--goarch",
        "amd64",
        "--budget-package",
        "10KB",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["budget"]["breaches"][0]["kind"], "package");
    assert_eq!(
        v["budget"]["breaches"][0]["package"],
        "example.com/embedsizes/assets"
    );
}

#[test]
fn usage_errors_exit_2() {
    let path = corpus("embedsizes");
    let path = path.to_str().unwrap();
    for args in [
        vec!["embed", path, "--budget", "10XB"],
        vec!["embed", path, "--budget-file", "1.5"],
        vec!["embed", path, "--all-platforms", "--goos", "linux"],
        vec!["embed", path, "--format", "yaml"],
        vec!["embed", "/nonexistent-gotags-dir"],
    ] {
        let (code, _, err) = gotags(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
}

#[test]
fn budgets_from_gotags_toml_and_flags_override() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = dir.path().join("budgets.toml");
    std::fs::write(&cfg, "[embed]\nbudget_file = \"4KiB\"\n").expect("write config");
    let sample = corpus("embedsizes");
    let path = sample.to_str().expect("utf-8 path");
    let c = cfg.to_str().expect("utf-8 path");
    let (code, _, err) = gotags(&["embed", path, "--all-platforms", "--config", c]);
    assert_eq!(code, 1, "{err}");
    // The flag overrides the file.
    let (code, _, err) = gotags(&[
        "embed",
        path,
        "--all-platforms",
        "--config",
        c,
        "--budget-file",
        "1MiB",
    ]);
    assert_eq!(code, 0, "{err}");
    // Unknown keys are errors naming the line.
    std::fs::write(&cfg, "[embed]\nbudget_fiel = \"4KiB\"\n").expect("write config");
    let (code, _, err) = gotags(&["embed", path, "--config", c]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("line 2") && err.contains("budget_fiel"),
        "{err}"
    );
}
