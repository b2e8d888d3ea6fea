//! `gotags generate --format go` against `go generate -n` on `corpus/generate`: the
//! committed expectations (recorded by `corpus/generate-expected-generate.sh`) always, and
//! the live toolchain when Go 1.23 is installed.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    name: String,
    dir: String,
    vars: Vec<(String, String)>,
    args: Vec<String>,
}

fn runs() -> Vec<Run> {
    let text = std::fs::read_to_string(corpus_dir().join("generate-configs.tsv"))
        .expect("reading corpus/generate-configs.tsv");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split('\t');
            let name = f.next().unwrap_or_default().to_string();
            let dir = f.next().unwrap_or_default().to_string();
            let mut vars = split_vars(f.next().unwrap_or_default()).expect("variables");
            vars.push(("GOTAGS_GEN_X".into(), "xval".into()));
            let args = f
                .next()
                .unwrap_or_default()
                .split(' ')
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            Run {
                name,
                dir,
                vars,
                args,
            }
        })
        .collect()
}

/// `go generate a.go b.go` (files named) rather than a package pattern.
fn names_files(args: &[String]) -> bool {
    args.iter().any(|a| a.ends_with(".go"))
}

/// gotags' output in the expectation format: stdout, then `exit N`.
fn gotags_transcript(run: &Run, cwd: &Path) -> String {
    let mut args = vec!["generate".to_string(), "--format".into(), "go".into()];
    for a in &run.args {
        // go's single-dash flags become gotags' double-dash ones; file names pass as they are.
        if a.starts_with('-') {
            args.push(format!("-{a}"));
        } else {
            args.push(a.clone());
        }
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run_gotags(&refs, cwd, &run.vars).expect("running gotags");
    let code = out.status.code().unwrap_or(-1);
    format!("{}exit {code}\n", String::from_utf8_lossy(&out.stdout))
}

fn module_dir(run: &Run) -> PathBuf {
    let d = corpus_dir().join(&run.dir);
    d.canonicalize().unwrap_or(d)
}

#[test]
fn matches_recorded_go_generate() {
    let runs = runs();
    assert!(runs.len() >= 8);
    let mut failures = Vec::new();
    for run in &runs {
        let path = corpus_dir()
            .join("expected-generate")
            .join(format!("{}.txt", run.name));
        let want = std::fs::read_to_string(&path).expect("reading an expectation");
        let got = gotags_transcript(run, &module_dir(run));
        if got != want {
            failures.push(format!("{}:\n--- go\n{want}--- gotags\n{got}", run.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn matches_live_go_generate() {
    let (go, version) = match find_go() {
        Ok(g) => g,
        Err(why) => {
            println!("skipped: Go 1.23 not found ({why})");
            return;
        }
    };
    println!("live: {version}");
    let scratch = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    for run in runs() {
        let cwd = module_dir(&run);
        let mut cmd = Command::new(&go);
        cmd.arg("generate").arg("-n").args(&run.args);
        if !names_files(&run.args) {
            cmd.arg("./...");
        }
        cmd.current_dir(&cwd);
        clean_go_env(&mut cmd, &run.vars);
        cmd.env("GOCACHE", scratch.path().join("cache"))
            .env("HOME", scratch.path())
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "");
        let out = cmd.output().expect("running go");
        let want = format!(
            "{}exit {}\n",
            String::from_utf8_lossy(&out.stderr),
            out.status.code().unwrap_or(-1)
        );
        let got = gotags_transcript(&run, &cwd);
        if got != want {
            failures.push(format!("{}:\n--- go\n{want}--- gotags\n{got}", run.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_and_json_formats_name_file_and_line() {
    let cwd = corpus_dir().join("generate/errs");
    let vars = vec![
        ("GOOS".to_string(), "linux".to_string()),
        ("GOARCH".into(), "amd64".into()),
    ];
    let out = run_gotags(&["generate"], &cwd, &vars).expect("gotags");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        "a.go:3: echo before-error\nc_test.go:3: echo xtest-still-runs\n"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.go:4: bad quoted string"));
    let out = run_gotags(&["generate", "--format", "json"], &cwd, &vars).expect("gotags");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v[0]["args"], serde_json::json!(["echo", "before-error"]));
    assert_eq!(v[0]["package"], "errs");
    assert_eq!(v[1]["error"], "bad quoted string");
    assert_eq!(v[1]["line"], 4);
}

#[test]
fn bad_regex_is_a_usage_error() {
    let out = run_gotags(
        &["generate", "--run", "("],
        &corpus_dir().join("generate"),
        &[],
    )
    .expect("gotags");
    assert_eq!(out.status.code(), Some(2));
}
