//! `gotags check` end to end: the planted-mistakes module yields exactly its planted
//! findings, the fixed module none; exit codes; every output format, with SARIF validated
//! against the official 2.1.0 schema and the concise format parsed by vim's errorformat.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn module(name: &str) -> PathBuf {
    let d = corpus_dir().join(name);
    d.canonicalize().unwrap_or(d)
}

fn check(cwd: &Path, args: &[&str]) -> Output {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    run_gotags(&all, cwd, &[]).expect("running gotags")
}

fn planted() -> BTreeSet<(String, String, u32, u32)> {
    let text = std::fs::read_to_string(corpus_dir().join("expected-check/mistakes.tsv"))
        .expect("reading the planted findings");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].to_string(),
                f[1].to_string(),
                f[2].parse().expect("line"),
                f[3].parse().expect("column"),
            )
        })
        .collect()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn mistakes_yield_exactly_the_planted_findings() {
    let out = check(&module("mistakes"), &["--format", "json-lines"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: BTreeSet<(String, String, u32, u32)> = json_lines(&out)
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default() as u32,
                d["column"].as_u64().unwrap_or_default() as u32,
            )
        })
        .collect();
    let want = planted();
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}\nextra {extra:?}"
    );
    // Every rule that can fire on files is planted at least once.
    let codes: BTreeSet<&str> = want.iter().map(|w| w.0.as_str()).collect();
    for code in [
        "GT101", "GT102", "GT103", "GT104", "GT105", "GT106", "GT107", "GT108", "GT109", "GT110",
        "GT111", "GT112", "GT201", "GT202", "GT203", "GT204", "GT205", "GT206", "GT207", "GT301",
        "GT302", "GT303", "GT304", "GT305", "GT306", "GT401", "GT402", "GT403", "GT404", "GT405",
        "GT406", "GT407", "GT408", "GT409", "GT410",
    ] {
        assert!(codes.contains(code), "{code} is not planted");
    }
}

#[test]
fn clean_module_yields_nothing() {
    let out = check(&module("clean"), &["--format", "concise"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}

#[test]
fn exit_codes() {
    let m = module("mistakes");
    assert_eq!(
        check(&m, &["--format", "concise", "--exit-zero"])
            .status
            .code(),
        Some(0)
    );
    // Only warnings left: exit 0.
    let out = check(
        &m,
        &[
            "--format", "concise", "--select", "GT2,GT3", "--ignore", "GT306",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(!out.stdout.is_empty());
    assert_eq!(check(&m, &["--select", "GT999"]).status.code(), Some(2));
    assert_eq!(check(&m, &["--format", "nope"]).status.code(), Some(2));
    assert_eq!(check(&m, &["/no/such/dir"]).status.code(), Some(2));
    assert_eq!(check(&m, &["--output", "sarif"]).status.code(), Some(2));
}

#[test]
fn suppression_comment_hides_the_finding() {
    let out = check(
        &module("mistakes"),
        &["--format", "concise", "--select", "GT201"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("gt201.go"), "{text}");
    assert!(!text.contains("suppressed.go"), "{text}");
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let schema_text =
        std::fs::read_to_string(repo_root().join("tests/data/sarif-schema-2.1.0.json"))
            .expect("the vendored schema");
    let schema: Value = serde_json::from_str(&schema_text).expect("schema JSON");
    let compiled = jsonschema::JSONSchema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .compile(&schema)
        .expect("schema compiles");
    for m in ["mistakes", "clean"] {
        let out = check(&module(m), &["--format", "sarif"]);
        let doc: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
        if let Err(errors) = compiled.validate(&doc) {
            let msgs: Vec<String> = errors
                .map(|e| format!("{} at {}", e, e.instance_path))
                .collect();
            panic!("{m}: SARIF does not validate:\n{}", msgs.join("\n"));
        }
        assert_eq!(doc["version"], "2.1.0");
    }
    // A broken document is rejected, so the validator is really checking.
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]});
    assert!(!compiled.is_valid(&bad));
}

/// The `%f:%l:%c: %m` errorformat, re-implemented: file up to the first `:` followed by
/// digits, `:`, digits, `: `.
fn parse_errorformat(line: &str) -> Option<(String, u32, u32, String)> {
    let mut search = 0;
    while let Some(i) = line[search..].find(':').map(|i| search + i) {
        let rest = &line[i + 1..];
        let l_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if l_end > 0 && rest[l_end..].starts_with(':') {
            let rest2 = &rest[l_end + 1..];
            let c_end = rest2
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest2.len());
            if c_end > 0 && rest2[c_end..].starts_with(": ") {
                return Some((
                    line[..i].to_string(),
                    rest[..l_end].parse().ok()?,
                    rest2[..c_end].parse().ok()?,
                    rest2[c_end + 2..].to_string(),
                ));
            }
        }
        search = i + 1;
    }
    None
}

#[test]
fn concise_is_parsed_by_vim_errorformat() {
    let m = module("mistakes");
    let out = check(&m, &["--format", "concise"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = json_lines(&check(&m, &["--format", "json-lines"]));
    let want: Vec<(String, u32, u32)> = json
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default() as u32,
                d["column"].as_u64().unwrap_or_default() as u32,
            )
        })
        .collect();
    // The Rust re-implementation of the pattern.
    let parsed: Vec<(String, u32, u32)> = text
        .lines()
        .map(|l| {
            let (f, l2, c, msg) = parse_errorformat(l).unwrap_or_else(|| panic!("unparsed: {l}"));
            assert!(msg.contains("[GT"), "{msg}");
            (f, l2, c)
        })
        .collect();
    assert_eq!(parsed, want);

    // The real thing.
    let vim = ["vim", "vim.basic", "nvim"].into_iter().find(|v| {
        Command::new(v)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(vim) = vim else {
        println!("skipped the vim part: no vim on PATH (apt-get install vim-nox)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let errors = dir.path().join("errors.txt");
    let qf = dir.path().join("qf.txt");
    std::fs::write(&errors, &text).expect("writing errors");
    let status = Command::new(vim)
        .current_dir(&m)
        .args(["-es", "-u", "NONE", "-i", "NONE", "-N"])
        .arg("-c")
        .arg("set errorformat=%f:%l:%c:\\ %m")
        .arg("-c")
        .arg(format!("cgetfile {}", errors.display()))
        .arg("-c")
        .arg(format!(
            "call writefile(map(getqflist(), {{_, e -> (e.valid ? bufname(e.bufnr) : '?') . '|' . e.lnum . '|' . e.col}}), '{}')",
            qf.display()
        ))
        .arg("-c")
        .arg("qa!")
        .status()
        .expect("running vim");
    assert!(status.success());
    let got: Vec<(String, u32, u32)> = std::fs::read_to_string(&qf)
        .expect("vim wrote the quickfix list")
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('|').collect();
            (
                f[0].to_string(),
                f[1].parse().unwrap_or(0),
                f[2].parse().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(got, want, "vim's quickfix list");
}

#[test]
fn several_outputs_in_one_run() {
    let m = module("mistakes");
    let dir = tempfile::tempdir().expect("temp dir");
    let p = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    let specs: Vec<String> = [
        ("sarif", "a.sarif"),
        ("github", "gh.txt"),
        ("rdjson", "r.json"),
        ("checkstyle", "c.xml"),
        ("json", "j.json"),
    ]
    .iter()
    .map(|(f, n)| format!("{f}:{}", p(n)))
    .collect();
    let mut args = vec!["--format", "concise"];
    for s in &specs {
        args.push("--output");
        args.push(s);
    }
    let out = check(&m, &args);
    assert_eq!(out.status.code(), Some(1));
    let n = String::from_utf8_lossy(&out.stdout).lines().count();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).expect("output file");
    let gh = read("gh.txt");
    assert_eq!(gh.lines().count(), n);
    assert!(gh.lines().all(|l| l.starts_with("::error file=")
        || l.starts_with("::warning file=")
        || l.starts_with("::notice file=")));
    let rd: Value = serde_json::from_str(&read("r.json")).expect("rdjson");
    assert_eq!(rd["diagnostics"].as_array().map(Vec::len), Some(n));
    assert_eq!(rd["source"]["name"], "gotags");
    let cs = read("c.xml");
    assert!(cs.starts_with("<?xml"));
    assert_eq!(cs.matches("<error ").count(), n);
    assert!(cs.trim_end().ends_with("</checkstyle>"));
    let j: Value = serde_json::from_str(&read("j.json")).expect("json");
    assert_eq!(j.as_array().map(Vec::len), Some(n));
    let s: Value = serde_json::from_str(&read("a.sarif")).expect("sarif");
    assert_eq!(s["runs"][0]["results"].as_array().map(Vec::len), Some(n));
}

#[test]
fn full_format_has_snippets_and_no_colour_off_a_terminal() {
    let out = check(&module("mistakes"), &["--select", "GT201"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("warning[GT201]"), "{text}");
    assert!(text.contains("//go:build linx"), "{text}");
    assert!(text.contains("^^^^"), "{text}");
    assert!(!text.contains('\u{1b}'), "colour escapes off a terminal");
}

#[test]
fn explain_prints_the_rule_documentation() {
    let out = run_gotags(&["check", "--explain", "GT204"], &repo_root(), &[]).expect("gotags");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("What it finds") && text.contains("Fix"),
        "{text}"
    );
    let out = run_gotags(&["check", "--explain"], &repo_root(), &[]).expect("gotags");
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() >= 36);
}

#[test]
fn tag_shadowing_a_platform_is_reported() {
    let out = check(
        &module("clean"),
        &[
            "--tags", "windows", "--format", "concise", "--select", "GT208",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("<command line>:1:1: warning[GT208]"),
        "{text}"
    );
}

#[test]
fn config_file_is_found_and_unknown_keys_are_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(root.join("go.mod"), "module example.com/c\n\ngo 1.23\n").expect("go.mod");
    std::fs::create_dir_all(root.join("sub")).expect("mkdir");
    std::fs::write(root.join("sub/a.go"), "//go:build linx\n\npackage sub\n").expect("a.go");
    std::fs::write(
        root.join("gotags.toml"),
        "[matrix]\nplatforms = \"first-class\"\n\n[check]\nignore = [\"GT201\"]\n",
    )
    .expect("config");
    let out = check(&root.join("sub"), &["--format", "concise"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "GT201 ignored by the config"
    );
    std::fs::write(root.join("gotags.toml"), "[check]\nselct = []\n").expect("config");
    let out = check(&root.join("sub"), &["--format", "concise"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2") && err.contains("selct"), "{err}");
}

#[test]
fn init_completions_and_man() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run_gotags(&["init"], dir.path(), &[]).expect("gotags");
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("gotags.toml")).expect("template");
    assert!(text.contains("[matrix]") && text.contains("[check]"));
    assert_eq!(
        run_gotags(&["init"], dir.path(), &[])
            .expect("gotags")
            .status
            .code(),
        Some(2)
    );
    let out = run_gotags(&["completions", "bash"], dir.path(), &[]).expect("gotags");
    assert!(String::from_utf8_lossy(&out.stdout).contains("gotags"));
    let out = run_gotags(&["man"], dir.path(), &[]).expect("gotags");
    assert!(String::from_utf8_lossy(&out.stdout).contains(".TH"));
}
