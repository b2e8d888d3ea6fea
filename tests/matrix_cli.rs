//! Tests of `gotags matrix`: the planted gap findings of `corpus/gaps` (exactly those), the
//! `--cover` result re-verified from the per-configuration file lists, per-configuration
//! equality with `list` on every corpus module, the GoReleaser platform set, the checked-in
//! Markdown fixture, `--explain`, and (when `go` is installed) a live comparison with
//! `go list -e -json`.

mod common;

use common::strs;
use gotags::context::BuildContext;
use gotags::embed::AssetCache;
use gotags::list::{self, ListOptions, ListedPackage};
use gotags::matrix::{self, configs::CgoMode};
use gotags::walk;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Directories git cannot store, listed in corpus/emptydirs.txt.
fn ensure_empty_dirs() {
    let list = std::fs::read_to_string(corpus().join("emptydirs.txt")).unwrap_or_default();
    for line in list.lines() {
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') {
            let _ = std::fs::create_dir_all(corpus().join(line));
        }
    }
}

fn modules() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(corpus())
        .expect("corpus/")
        .flatten()
        .filter(|e| e.path().join("go.mod").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

fn gotags(args: &[&str], cwd: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(args)
        .args(["--go", "1.23"]) // the fixtures and the live comparison are Go 1.23's
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs gotags");
    assert!(
        out.status.success(),
        "gotags {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn matrix_json(module: &str, extra: &[&str]) -> Value {
    let dir = corpus().join(module);
    let dir = dir.canonicalize().unwrap_or(dir);
    let mut args = vec!["matrix", "--format", "json"];
    args.extend_from_slice(extra);
    let text = gotags(&args, &dir);
    serde_json::from_str(&text).expect("one JSON document")
}

fn labels(doc: &Value, set: &Value) -> Vec<String> {
    set.as_array()
        .expect("config set")
        .iter()
        .map(|i| {
            let i = i.as_u64().expect("index") as usize;
            doc["configs"][i]["label"]
                .as_str()
                .expect("label")
                .to_string()
        })
        .collect()
}

const LISTS: &[&str] = &[
    "GoFiles",
    "CgoFiles",
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
];

#[test]
fn gap_findings_are_exactly_the_planted_ones() {
    let doc = matrix_json("gaps", &[]);
    let g = &doc["gaps"];
    assert_eq!(doc["configs"].as_array().map(Vec::len), Some(98));
    assert_eq!(
        doc["findings"],
        5,
        "{}",
        serde_json::to_string_pretty(g).unwrap_or_default()
    );

    let dead = g["dead_files"].as_array().expect("dead_files");
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0]["file"], "legacy_nacl.go");
    assert_eq!(dead[0]["reasons"][0]["reason"]["kind"], "file-name");
    assert_eq!(strs(&dead[0]["reasons"][0]["reason"]["tags"]), ["nacl"]);

    let tags = g["needs_tags"].as_array().expect("needs_tags");
    assert_eq!(tags.len(), 1);
    assert_eq!(tags[0]["file"], "integration_test.go");
    assert_eq!(strs(&tags[0]["tags"]), ["integration"]);

    let empty = g["empty_packages"].as_array().expect("empty_packages");
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0]["import_path"], "example.com/gaps/notplan9");
    let on = labels(&doc, &empty[0]["configs"]);
    assert_eq!(on.len(), 6);
    assert!(on.iter().all(|l| l.starts_with("plan9/")), "{on:?}");
    let importers = empty[0]["importers"].as_array().expect("importers");
    assert_eq!(importers.len(), 1);
    assert_eq!(importers[0]["import_path"], "example.com/gaps");
    assert_eq!(importers[0]["file"], "gaps.go");

    let missing = g["missing_decls"].as_array().expect("missing_decls");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0]["decl"], "func Chown");
    assert_eq!(strs(&missing[0]["used_in"]), ["gaps.go"]);
    assert!(
        g.get("decl_differences").is_none(),
        "the broad list is opt-in"
    );
    let on = labels(&doc, &missing[0]["missing"]);
    assert_eq!(on.len(), 8);
    assert!(on.iter().all(|l| l.starts_with("windows/")), "{on:?}");

    let dups = g["duplicate_decls"].as_array().expect("duplicate_decls");
    assert_eq!(dups.len(), 1);
    assert_eq!(dups[0]["name"], "platformName");
    assert_eq!(
        strs(&dups[0]["locations"]),
        ["name_linux.go:4", "name_unix.go:5"]
    );
    let on: BTreeSet<String> = labels(&doc, &dups[0]["configs"])
        .iter()
        .map(|l| l.split('/').next().unwrap_or("").to_string())
        .collect();
    assert_eq!(on.into_iter().collect::<Vec<_>>(), ["android", "linux"]);

    let opt: Vec<String> = g["opt_outs"]
        .as_array()
        .expect("opt_outs")
        .iter()
        .map(|o| o["file"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(opt, ["_scratch.go", "gen.go"]);
}

#[test]
fn all_decl_differences_is_an_opt_in_list_beside_the_findings() {
    let doc = matrix_json("gaps", &["--all-decl-differences"]);
    assert_eq!(doc["findings"], 5);
    let diffs: Vec<String> = doc["gaps"]["decl_differences"]
        .as_array()
        .expect("decl_differences")
        .iter()
        .map(|d| d["decl"].as_str().unwrap_or("").to_string())
        .collect();
    // Chown is absent on windows whether used or not; platformName is everywhere.
    assert_eq!(diffs, ["func Chown"]);
}

#[test]
fn tag_set_with_the_tag_removes_the_tag_only_finding() {
    let doc = matrix_json("gaps", &["--tags-sets", ";integration", "--cgo", "off"]);
    assert_eq!(doc["configs"].as_array().map(Vec::len), Some(98));
    assert_eq!(doc["gaps"]["needs_tags"].as_array().map(Vec::len), Some(0));
    assert_eq!(doc["findings"], 4);
}

/// The compiled (directory, file) pairs of one configuration, from the JSON classes.
fn compiled_under(doc: &Value, config: usize) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for d in doc["dirs"].as_array().expect("dirs") {
        for class in d["classes"].as_array().expect("classes") {
            let members = class["configs"].as_array().expect("configs");
            if !members.iter().any(|m| m.as_u64() == Some(config as u64)) {
                continue;
            }
            for list in LISTS {
                for f in strs(&class["package"][*list]) {
                    out.insert((d["dir"].as_str().unwrap_or("").to_string(), f));
                }
            }
        }
    }
    out
}

#[test]
fn cover_compiles_every_compiled_file() {
    for module in ["gaps", "sample", "cgo", "tags"] {
        let doc = matrix_json(module, &["--cover"]);
        let n = doc["configs"].as_array().map(Vec::len).unwrap_or(0);
        let mut all = BTreeSet::new();
        for c in 0..n {
            all.extend(compiled_under(&doc, c));
        }
        let chosen: Vec<usize> = doc["cover"]["configs"]
            .as_array()
            .expect("cover.configs")
            .iter()
            .filter_map(|v| v.as_u64().map(|x| x as usize))
            .collect();
        let mut got = BTreeSet::new();
        for &c in &chosen {
            got.extend(compiled_under(&doc, c));
        }
        assert_eq!(got, all, "{module}: cover {chosen:?} misses files");
        assert!(
            !chosen.is_empty() && chosen.len() < n,
            "{module}: {chosen:?}"
        );
        if module == "gaps" {
            assert_eq!(doc["cover"]["exact"], true);
            assert_eq!(chosen.len(), 2);
            let plain = doc["cover"]["plain"].as_str().unwrap_or("");
            assert_eq!(plain.lines().count(), 2);
            assert!(doc["cover"]["github_actions"]
                .as_str()
                .unwrap_or("")
                .contains("include:"));
        }
    }
}

fn compare_module(module: &str, configs_spec: (&str, Option<&str>, CgoMode)) -> usize {
    let root = corpus().join(module);
    let root = root.canonicalize().unwrap_or(root);
    let m = walk::find_module(&root).expect("module");
    let (dirs, _) = walk::walk(&m, &root);
    let configs = matrix::resolve_configs(&root, configs_spec.0, configs_spec.1, configs_spec.2)
        .expect("configs");
    let n = configs.len();
    let mx = matrix::run(m.clone(), dirs.clone(), configs, false, &root).expect("matrix");
    let cache = AssetCache::new();
    for c in 0..n {
        let ctx: BuildContext = mx.eval.contexts[c].clone();
        let want: Vec<ListedPackage> = list::list(
            &m,
            &dirs,
            &ctx,
            &cache,
            &root,
            ListOptions {
                test: true,
                goroot_pattern: None,
            },
        )
        .into_iter()
        .filter(|p| p.import_path != "./...")
        .collect();
        let got: Vec<&ListedPackage> = mx.eval.listed_for(c);
        let label = mx.eval.configs[c].label();
        assert_eq!(got.len(), want.len(), "{module} {label}: package count");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(*g, w, "{module} {label}: {}", w.import_path);
        }
    }
    n
}

#[test]
fn matrix_equals_list_for_every_configuration_on_every_corpus_module() {
    ensure_empty_dirs();
    let mut total = 0;
    for module in modules() {
        total += compare_module(&module, ("all", None, CgoMode::Both));
        total += compare_module(
            &module,
            (
                "linux/arm/5,linux/arm/7,linux/amd64/v3,linux/386/softfloat",
                Some(";integration;debug,boringcrypto"),
                CgoMode::Both,
            ),
        );
    }
    println!("compared {total} module x configuration listings");
}

#[test]
fn goreleaser_platforms_come_from_the_fixture() {
    let root = corpus().join("gaps");
    let configs = matrix::resolve_configs(&root, "goreleaser", None, CgoMode::Off).expect("parses");
    let labels: Vec<String> = configs.iter().map(|c| c.label()).collect();
    assert_eq!(
        labels,
        [
            "linux/amd64/v1 tags=netgo",
            "linux/amd64/v3 tags=netgo",
            "linux/arm64 tags=netgo",
            "linux/arm/7 tags=netgo",
            "windows/amd64/v1 tags=netgo",
            "windows/amd64/v3 tags=netgo",
            "windows/arm64 tags=netgo",
            "darwin/amd64/v1 tags=netgo",
            "darwin/amd64/v3 tags=netgo",
            "darwin/arm64 tags=netgo",
            "plan9/amd64",
        ]
    );
    let doc = matrix_json("gaps", &["--platforms", "goreleaser"]);
    // The gaps build says `env: [CGO_ENABLED=0]`: its 10 platforms are built with cgo off
    // only; plan9 (no env) gets the default cgo both ways (issue 12).
    assert_eq!(doc["configs"].as_array().map(Vec::len), Some(12));
}

#[test]
fn markdown_fixture() {
    let dir = corpus().join("gaps");
    let got = gotags(&["matrix", "--format", "markdown", "--cover"], &dir);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/matrix_gaps.md");
    if std::env::var_os("GOTAGS_UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &got).expect("writes fixture");
    }
    let want = std::fs::read_to_string(&path).expect("tests/fixtures/matrix_gaps.md");
    assert_eq!(
        got, want,
        "rerun with GOTAGS_UPDATE_FIXTURES=1 after checking the diff"
    );
    let table = gotags(&["matrix", "--cover"], &dir);
    assert!(
        table.lines().all(|l| l.chars().count() <= 100),
        "table wider than 100 columns"
    );
    assert!(!table.contains('\x1b'), "colour when not a terminal");
}

#[test]
fn explain_one_file() {
    let dir = corpus().join("gaps");
    let out = gotags(&["matrix", "--explain", "name_unix.go"], &dir);
    assert!(out.contains("compiled (GoFiles)"), "{out}");
    assert!(
        out.contains("//go:build unix: false because unix=false"),
        "{out}"
    );
    let out = gotags(&["matrix", "--explain", "gen.go"], &dir);
    assert!(out.contains("deliberately ignored"), "{out}");
    let out = gotags(&["matrix", "--explain", "_scratch.go"], &dir);
    assert!(out.contains("name starts with . or _"), "{out}");
    let out = gotags(
        &[
            "matrix",
            "--explain",
            "chown_other.go",
            "--cgo",
            "off",
            "--platforms",
            "linux/amd64,windows/amd64,js/wasm",
        ],
        &dir,
    );
    assert!(out.contains("false because unix=true"), "{out}");
    assert!(out.contains("false because windows=true"), "{out}");
}

// ---- live comparison with go list --------------------------------------------------------

fn go_binary() -> Option<PathBuf> {
    let candidates = [
        PathBuf::from("/usr/lib/go-1.23/bin/go"),
        PathBuf::from("go"),
    ];
    candidates.into_iter().find(|g| {
        Command::new(g)
            .arg("version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).contains("go1.23"))
            .unwrap_or(false)
    })
}

/// Compares every configuration's file lists from `gotags matrix --format json` with
/// `go list -e -json ./...` run with that configuration's environment.
fn live_compare(go: &Path, root: &Path, extra: &[&str]) -> usize {
    let mut args = vec!["matrix", "--format", "json"];
    args.extend_from_slice(extra);
    let doc: Value = serde_json::from_str(&gotags(&args, root)).expect("json");
    let configs = doc["configs"].as_array().expect("configs").clone();
    let tmp = tempfile::tempdir().expect("tempdir");
    let jobs: Vec<usize> = (0..configs.len()).collect();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let chunks: Vec<Vec<usize>> = (0..threads)
        .map(|t| jobs.iter().copied().filter(|j| j % threads == t).collect())
        .collect();
    let diffs: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                let (doc, configs, tmp) = (&doc, &configs, tmp.path());
                s.spawn(move || {
                    let mut diffs = Vec::new();
                    for &c in chunk {
                        let cfg = &configs[c];
                        let mut cmd = Command::new(go);
                        cmd.args(["list", "-e", "-json", "./..."])
                            .current_dir(root)
                            .env_clear()
                            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                            .env("HOME", tmp)
                            .env("GOCACHE", tmp.join("cache"))
                            .env("GOPATH", tmp.join("gopath"))
                            .env("GOENV", "off")
                            .env("GOTOOLCHAIN", "local")
                            .env("GOWORK", "off")
                            .env("GOPROXY", "off")
                            .env("GO386", "sse2")
                            .env("GOOS", cfg["platform"]["goos"].as_str().unwrap_or(""))
                            .env("GOARCH", cfg["platform"]["goarch"].as_str().unwrap_or(""))
                            .env("CGO_ENABLED", if cfg["cgo"] == true { "1" } else { "0" });
                        let tags = strs(&cfg["tags"]["tags"]).join(",");
                        cmd.env("GOFLAGS", format!("-tags={tags}"));
                        if let Some(v) = cfg["platform"]["variant"].as_str() {
                            let var = gotags::matrix::configs::variant_var_for(
                                cfg["platform"]["goarch"].as_str().unwrap_or(""),
                            );
                            if let Some(var) = var {
                                cmd.env(var, v);
                            }
                        }
                        let out = cmd.output().expect("go list runs");
                        let text = String::from_utf8_lossy(&out.stdout).into_owned();
                        let mut want: BTreeSet<(String, String, String)> = BTreeSet::new();
                        for p in serde_json::Deserializer::from_str(&text)
                            .into_iter::<Value>()
                            .flatten()
                        {
                            let ip = p["ImportPath"].as_str().unwrap_or("").to_string();
                            if ip == "./..." {
                                continue;
                            }
                            for list in LISTS.iter().chain(&[
                                "IgnoredGoFiles",
                                "IgnoredOtherFiles",
                                "InvalidGoFiles",
                            ]) {
                                for f in strs(&p[*list]) {
                                    want.insert((ip.clone(), list.to_string(), f));
                                }
                            }
                            want.insert((ip, "package".into(), String::new()));
                        }
                        let mut got = BTreeSet::new();
                        for d in doc["dirs"].as_array().into_iter().flatten() {
                            for class in d["classes"].as_array().into_iter().flatten() {
                                if !class["configs"]
                                    .as_array()
                                    .into_iter()
                                    .flatten()
                                    .any(|x| x.as_u64() == Some(c as u64))
                                {
                                    continue;
                                }
                                let p = &class["package"];
                                if p.is_null() {
                                    continue;
                                }
                                let ip = p["ImportPath"].as_str().unwrap_or("").to_string();
                                for list in LISTS.iter().chain(&[
                                    "IgnoredGoFiles",
                                    "IgnoredOtherFiles",
                                    "InvalidGoFiles",
                                ]) {
                                    for f in strs(&p[*list]) {
                                        got.insert((ip.clone(), list.to_string(), f));
                                    }
                                }
                                got.insert((ip, "package".into(), String::new()));
                            }
                        }
                        if got != want {
                            let label = cfg["label"].as_str().unwrap_or("?");
                            let extra: Vec<_> = got.difference(&want).take(5).collect();
                            let lacking: Vec<_> = want.difference(&got).take(5).collect();
                            diffs.push(format!(
                                "{label}: gotags extra {extra:?}, missing {lacking:?}"
                            ));
                        }
                    }
                    diffs
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for d in &diffs {
        println!("{d}");
    }
    assert!(
        diffs.is_empty(),
        "{} configurations differ from go list",
        diffs.len()
    );
    configs.len()
}

#[test]
fn live_matrix_matches_go_list() {
    let Some(go) = go_binary() else {
        println!("skipped: go1.23 not found (looked at /usr/lib/go-1.23/bin/go and PATH)");
        return;
    };
    ensure_empty_dirs();
    let mut n = 0;
    for module in ["gaps", "sample", "cgo", "tags"] {
        let root = corpus().join(module);
        let root = root.canonicalize().unwrap_or(root);
        n += live_compare(&go, &root, &[]);
    }
    let root = corpus().join("tags").canonicalize().expect("corpus/tags");
    n += live_compare(
        &go,
        &root,
        &[
            "--platforms",
            "linux/arm/5,linux/amd64/v3",
            "--tags-sets",
            ";integration",
        ],
    );
    println!("live: {n} configurations equal to go list");
}

/// The whole standard library, 98 configurations (98 go list runs, about a minute): runs
/// whenever Go 1.23 is present; GOTAGS_SKIP_LIVE_GOROOT=1 skips it for quick local runs.
#[test]
fn live_goroot_matches_go_list() {
    if std::env::var_os("GOTAGS_SKIP_LIVE_GOROOT").is_some() {
        println!("skipped: GOTAGS_SKIP_LIVE_GOROOT is set");
        return;
    }
    let Some(go) = go_binary() else {
        println!("skipped: go1.23 not found");
        return;
    };
    let out = Command::new(&go)
        .args(["env", "GOROOT"])
        .output()
        .expect("go env");
    let goroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("src");
    let goroot = goroot.canonicalize().unwrap_or(goroot);
    let n = live_compare(&go, &goroot, &[]);
    println!("live GOROOT: {n} configurations equal to go list");
}

/// `[matrix]` in gotags.toml supplies platforms, tag sets and cgo; flags override each;
/// an unknown key is a usage error naming its line.
#[test]
fn matrix_defaults_come_from_gotags_toml_and_flags_override() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::write(root.join("go.mod"), "module example.com/m\n\ngo 1.23\n").expect("go.mod");
    std::fs::write(root.join("a.go"), "package m\n").expect("a.go");
    std::fs::write(
        root.join("gotags.toml"),
        "[matrix]\nplatforms = [\"linux/amd64\", \"windows/amd64\"]\ntags = [[], [\"integration\"]]\ncgo = \"off\"\n",
    )
    .expect("gotags.toml");
    let labels = |args: &[&str]| -> Vec<(String, bool, Vec<String>)> {
        let out = Command::new(env!("CARGO_BIN_EXE_gotags"))
            .arg("matrix")
            .args(args)
            .args(["--go", "1.23"])
            .args(["--format", "json"])
            .current_dir(root)
            .output()
            .expect("run gotags");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v["configs"]
            .as_array()
            .expect("configs")
            .iter()
            .map(|c| {
                let tags = c["tags"]["tags"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|t| t.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                (
                    c["label"].as_str().unwrap_or_default().to_string(),
                    c["cgo"].as_bool().unwrap_or(true),
                    tags,
                )
            })
            .collect()
    };
    let from_config = labels(&[]);
    assert_eq!(from_config.len(), 4, "{from_config:?}");
    assert!(
        from_config.iter().all(|(_, cgo, _)| !cgo),
        "{from_config:?}"
    );
    assert!(from_config
        .iter()
        .any(|(l, _, t)| l.starts_with("windows/amd64") && t == &["integration"]));
    let overridden = labels(&[
        "--platforms",
        "darwin/arm64",
        "--cgo",
        "on",
        "--tags-sets",
        "",
    ]);
    assert_eq!(overridden.len(), 1, "{overridden:?}");
    assert!(
        overridden[0].0.starts_with("darwin/arm64") && overridden[0].1,
        "{overridden:?}"
    );

    std::fs::write(
        root.join("gotags.toml"),
        "[matrix]\nplatforms = \"all\"\ncgo_mode = \"on\"\n",
    )
    .expect("gotags.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(["matrix", "--format", "json", "--go", "1.23"])
        .current_dir(root)
        .output()
        .expect("run gotags");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cgo_mode") && err.contains('3'), "{err}");
}
