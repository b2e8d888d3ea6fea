//! Which Go release gotags follows without `--go`: fake GOROOTs (a `bin/go` file and a
//! VERSION) first on PATH, symlinked `go` binaries, GOTOOLCHAIN and go.mod lines; then every
//! real toolchain on this machine first on PATH (`GOTAGS_REQUIRE_GO=1` turns a missing one
//! into a failure). Read through `gotags env --json`.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Runs `gotags env --json` in `cwd` with PATH = `path` and a clean Go environment plus
/// `vars`; returns (exit code, JSON or null, stderr).
fn env_json(path: &str, cwd: &Path, vars: &[(&str, &str)]) -> (i32, Value, String) {
    let mut cmd = Command::new(gotags_bin());
    cmd.args(["env", "--json"]).current_dir(cwd);
    clean_go_env(&mut cmd, &[]);
    cmd.env("PATH", path);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs gotags");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn release_of(v: &Value) -> (String, String) {
    (
        v["release"]["value"].as_str().unwrap_or("").to_string(),
        v["release"]["from"].as_str().unwrap_or("").to_string(),
    )
}

/// A fake Go distribution: `root/bin/go` (not runnable) and `root/VERSION`.
fn fake_goroot(root: &Path, version: Option<&str>, go_env: &str) {
    std::fs::create_dir_all(root.join("bin")).expect("bin");
    std::fs::write(root.join("bin/go"), "#!/bin/sh\nexit 1\n").expect("go");
    if let Some(v) = version {
        std::fs::write(root.join("VERSION"), format!("{v}\ntime 2026-01-01\n")).expect("VERSION");
    }
    std::fs::write(root.join("go.env"), go_env).expect("go.env");
}

#[test]
fn follows_the_go_first_on_path_and_goroot() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    let work = t.join("work");
    std::fs::create_dir_all(&work).expect("work");
    for (dir, version) in [
        ("g21", "go1.21.4"),
        ("g24", "go1.24.2"),
        ("g27", "go1.27.1"),
    ] {
        fake_goroot(&t.join(dir), Some(version), "GOTOOLCHAIN=auto\n");
    }
    let path = |dir: &str| format!("{}:/usr/bin:/bin", t.join(dir).join("bin").display());
    for (dir, want) in [("g21", "1.21"), ("g24", "1.24"), ("g27", "1.27")] {
        let (code, v, err) = env_json(&path(dir), &work, &[]);
        assert_eq!(code, 0, "{err}");
        let (release, from) = release_of(&v);
        assert_eq!(release, want, "{dir}: {from}");
        assert!(from.contains(&format!("{dir}/VERSION")), "{from}");
    }
    // 1.24 has no toolchain here: its answers say they are derived.
    let (_, v, _) = env_json(&path("g24"), &work, &[]);
    assert!(v["derived"].as_str().is_some_and(|d| d.contains("derived")));
    // A symlink to bin/go is resolved before GOROOT is taken from it.
    let links = t.join("links");
    std::fs::create_dir_all(&links).expect("links");
    std::os::unix::fs::symlink(t.join("g24/bin/go"), links.join("go")).expect("symlink");
    let (_, v, _) = env_json(&format!("{}:/usr/bin:/bin", links.display()), &work, &[]);
    assert_eq!(release_of(&v).0, "1.24");
    // $GOROOT wins over PATH.
    let goroot = t.join("g21").to_string_lossy().into_owned();
    let (_, v, _) = env_json(&path("g27"), &work, &[("GOROOT", &goroot)]);
    assert_eq!(release_of(&v).0, "1.21");
    // GOTOOLCHAIN naming a release wins over both; --go over everything.
    let (_, v, _) = env_json(&path("g27"), &work, &[("GOTOOLCHAIN", "go1.22.3")]);
    assert_eq!(
        release_of(&v),
        ("1.22".into(), "from GOTOOLCHAIN=go1.22.3".into())
    );
    let mut cmd = Command::new(gotags_bin());
    cmd.args(["env", "--json", "--go", "go1.23.1"])
        .current_dir(&work);
    clean_go_env(&mut cmd, &[]);
    let out = cmd.env("PATH", path("g27")).output().expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    assert_eq!(release_of(&v).0, "1.23");
    // No go anywhere: the newest release gotags knows.
    let (_, v, _) = env_json("/nonexistent", &work, &[]);
    assert_eq!(release_of(&v).0, "1.27");
}

#[test]
fn module_lines_raise_the_release_when_gotoolchain_allows() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    fake_goroot(&t.join("g22"), Some("go1.22.0"), "GOTOOLCHAIN=auto\n");
    let m = t.join("m");
    std::fs::create_dir_all(m.join("sub")).expect("m");
    std::fs::write(
        m.join("go.mod"),
        "module m\n\ngo 1.23\n\ntoolchain go1.26.2\n",
    )
    .expect("go.mod");
    let path = format!("{}:/usr/bin:/bin", t.join("g22/bin").display());
    let (_, v, _) = env_json(&path, &m.join("sub"), &[]);
    let (release, from) = release_of(&v);
    assert_eq!(release, "1.26", "{from}");
    assert!(from.contains("toolchain go1.26.2 line"), "{from}");
    let (_, v, _) = env_json(&path, &m, &[("GOTOOLCHAIN", "local")]);
    assert_eq!(release_of(&v).0, "1.22");
    let (_, v, _) = env_json(&path, &m, &[("GOTOOLCHAIN", "go1.21.1+path")]);
    assert_eq!(release_of(&v).0, "1.26");
    // A go line newer than every release: say so, use the newest, exit 0.
    std::fs::write(m.join("go.mod"), "module m\n\ngo 1.31\n").expect("go.mod");
    let (code, v, err) = env_json(&path, &m, &[]);
    assert_eq!((code, release_of(&v).0.as_str()), (0, "1.27"), "{err}");
    assert!(
        err.contains("go 1.31, newer than every release gotags knows"),
        "{err}"
    );
}

#[test]
fn bad_input_is_a_clear_usage_error() {
    let tmp = tempfile::tempdir().expect("tmp");
    let t = tmp.path();
    fake_goroot(&t.join("nover"), None, "");
    let path = format!("{}:/usr/bin:/bin", t.join("nover/bin").display());
    let (code, _, err) = env_json(&path, t, &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("nover/VERSION") && err.contains("no such file") && err.contains("--go"),
        "{err}"
    );
    // A VERSION that exists but cannot be read (a directory here: permissions do not stop
    // root), and one that names no release.
    fake_goroot(&t.join("dirver"), None, "");
    std::fs::create_dir_all(t.join("dirver/VERSION")).expect("VERSION dir");
    fake_goroot(&t.join("devel"), Some("devel go1.28-abcdef"), "");
    for (dir, want) in [
        ("dirver", "is a directory"),
        ("devel", "devel go1.28-abcdef"),
    ] {
        let path = format!("{}:/usr/bin:/bin", t.join(dir).join("bin").display());
        let (code, _, err) = env_json(&path, t, &[]);
        assert_eq!(code, 2, "{dir}: {err}");
        assert!(
            err.contains(&format!("{dir}/VERSION")) && err.contains(want) && err.contains("--go"),
            "{dir}: {err}"
        );
    }
    for (gt, want) in [
        ("bash", "invalid GOTOOLCHAIN \"bash\""),
        ("go1.26+never", "only version suffixes are +auto and +path"),
        ("go1.19.1", "no table for"),
    ] {
        let (code, _, err) = env_json("/usr/bin:/bin", t, &[("GOTOOLCHAIN", gt)]);
        assert_eq!(code, 2, "{gt}");
        assert!(err.contains(want), "{gt}: {err}");
    }
    let mut cmd = Command::new(gotags_bin());
    cmd.args(["list", "--go", "1.9"]).current_dir(t);
    let out = cmd.output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("unknown Go release \"1.9\"")
            && err.contains("1.21, 1.22, 1.23, 1.24, 1.25, 1.26, 1.27"),
        "{err}"
    );
}

#[test]
fn follows_each_real_toolchain_first_on_path() {
    let tmp = tempfile::tempdir().expect("tmp");
    let found = toolchains_or_skip("toolchain detection");
    for (want, go) in &found {
        let bin = go.parent().expect("go has a directory");
        let path = format!("{}:/usr/bin:/bin", bin.display());
        let (code, v, err) = env_json(&path, tmp.path(), &[]);
        assert_eq!(code, 0, "{err}");
        let (release, from) = release_of(&v);
        assert_eq!(&release, want, "{}: {from}", bin.display());
        // The toolchain itself agrees.
        let out = Command::new(bin.join("go"))
            .args(["env", "GOVERSION"])
            .env("GOTOOLCHAIN", "local")
            .output()
            .expect("go env");
        let goversion = String::from_utf8_lossy(&out.stdout);
        assert!(goversion.starts_with(&format!("go{want}.")), "{goversion}");
        println!("{}: Go {release} ({from})", bin.display());
    }
    println!("followed {} real toolchains", found.len());
}

/// Runs gotags with `args` in `cwd` (a clean Go environment plus `vars`): (exit code, stdout,
/// stderr).
fn gotags_in(args: &[&str], cwd: &Path, vars: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(gotags_bin());
    cmd.args(args).current_dir(cwd).env("NO_COLOR", "1");
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    clean_go_env(&mut cmd, &vars);
    let out = cmd.output().expect("runs gotags");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `check` evaluates the releases it is given (`--go a,b`, else gotags.toml `[matrix] go`, the
/// key `matrix` reads): they are its configurations (one more dimension, as in `matrix`) and
/// the releases the module supports for GT505 and GT209.
#[test]
fn check_evaluates_the_configured_releases() {
    let tmp = tempfile::tempdir().expect("tmp");
    let m = tmp.path();
    std::fs::write(m.join("go.mod"), "module example.com/m\n\ngo 1.21\n").expect("go.mod");
    std::fs::write(m.join("a.go"), "package m\n").expect("a");
    std::fs::write(
        m.join("mid.go"),
        "//go:build go1.23 && !go1.27\n\npackage m\n",
    )
    .expect("mid");
    let base = [
        "check",
        "--platforms",
        "linux/amd64",
        "--cgo",
        "off",
        "--select",
        "GT505",
        "--format",
        "json",
    ];
    let run = |extra: &[&str]| -> (i32, Value, String) {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        let (code, out, err) = gotags_in(&args, m, &[]);
        (code, serde_json::from_str(&out).unwrap_or(Value::Null), err)
    };
    let messages = |v: &Value| -> Vec<String> {
        let list = v.get("diagnostics").unwrap_or(v);
        list.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|d| d["message"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    // The go line alone: 1.23 … 1.26 compile mid.go.
    let (code, v, err) = run(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(messages(&v).is_empty(), "{v}");
    // Two configured releases, neither of which compiles it.
    let (_, v, err) = run(&["--go", "1.22,1.27"]);
    let got = messages(&v);
    assert_eq!(got.len(), 1, "{v} {err}");
    assert!(
        got[0].contains("mid.go") && got[0].contains("the configured releases are 1.22, 1.27"),
        "{got:?}"
    );
    // The same list from gotags.toml; --go overrides it.
    std::fs::write(
        m.join("gotags.toml"),
        "[matrix]\ngo = [\"1.22\", \"1.27\"]\n",
    )
    .expect("toml");
    let (_, v, _) = run(&[]);
    assert_eq!(messages(&v).len(), 1, "{v}");
    let (_, v, _) = run(&["--go", "1.23,1.27"]);
    assert!(messages(&v).is_empty(), "{v}");
    // A bad list is the usage error matrix gives.
    let (code, _, err) = run(&["--go", "1.22,1.9"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown Go release \"1.9\""), "{err}");
}

/// `go list -json` takes the ports a release marks broken and refuses pairs it does not
/// have, ports of other releases included (`corpus/expected/go1.N/*/openbsd-*` and
/// `windows-arm-*` record both); `list`, `matrix` and `check` follow each release.
#[test]
fn broken_ports_and_other_releases_ports_follow_each_release() {
    let tmp = tempfile::tempdir().expect("tmp");
    let m = tmp.path();
    std::fs::write(m.join("go.mod"), "module example.com/m\n\ngo 1.21\n").expect("go.mod");
    std::fs::write(m.join("a.go"), "package m\n").expect("a");
    std::fs::write(m.join("b_mips64.go"), "package m\n").expect("b");
    let env = |os: &'static str, arch: &'static str| [("GOOS", os), ("GOARCH", arch)];
    // openbsd/mips64: broken in every release up to 1.26, gone in 1.27.
    for (go, ok) in [("1.21", true), ("1.26", true), ("1.27", false)] {
        let (code, out, err) = gotags_in(&["list", "--go", go], m, &env("openbsd", "mips64"));
        if ok {
            assert_eq!(code, 0, "{go}: {err}");
            assert!(out.contains("b_mips64.go"), "{go}: {out}");
        } else {
            assert_eq!(code, 2, "{go}: {out}");
            assert!(
                err.contains("unsupported GOOS/GOARCH pair openbsd/mips64"),
                "{go}: {err}"
            );
        }
    }
    // windows/arm: a port up to 1.23, broken in 1.24/1.25, refused from 1.26.
    for (go, ok) in [("1.23", true), ("1.24", true), ("1.26", false)] {
        let (code, _, err) = gotags_in(&["list", "--go", go], m, &env("windows", "arm"));
        assert_eq!(code == 0, ok, "{go}: {err}");
    }
    // openbsd/riscv64 is unknown to 1.21, broken in 1.22; matrix and check take a named
    // platform in the releases that list it.
    let (code, out, err) = gotags_in(
        &[
            "matrix",
            "--go",
            "1.21,1.22",
            "--platforms",
            "openbsd/riscv64,openbsd/mips64",
            "--cgo",
            "off",
            "--format",
            "json",
        ],
        m,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("json");
    let labels = field_strs(&doc["configs"], "label");
    assert_eq!(
        labels,
        [
            "openbsd/mips64 go1.21",
            "openbsd/riscv64 go1.22",
            "openbsd/mips64 go1.22"
        ]
    );
    let (code, _, err) = gotags_in(
        &["check", "--go", "1.21", "--platforms", "openbsd/mips64"],
        m,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = gotags_in(
        &["check", "--go", "1.21", "--platforms", "openbsd/riscv64"],
        m,
        &[],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("openbsd/riscv64 is not a Go 1.21 port"),
        "{err}"
    );
}

/// Go 1.21 parses constraint lines of any size; 1.22 on reject a `//go:build` line over the
/// limit and ignore a `// +build` line over it. `matrix` and `check` evaluate each release's
/// rule in one pass: the file sets of `corpus/constraints` (c17, c18) for 1.21 and 1.22 are
/// the ones each release's go list recorded (`corpus/expected/go1.2{1,2}/constraints/`).
#[test]
fn size_limits_follow_each_release_in_matrix_and_check() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("constraints");
    copy_tree(&corpus_dir().join("constraints"), &root);
    lower_go_line(&root, 21);
    let (code, out, err) = gotags_in(
        &[
            "matrix",
            "--go",
            "1.21,1.22",
            "--platforms",
            "linux/amd64",
            "--cgo",
            "off",
            "--format",
            "json",
        ],
        &root,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("json");
    let fields = ["GoFiles", "IgnoredGoFiles", "InvalidGoFiles"];
    let files = |pkg: &Value, field: &str| -> Vec<String> {
        pkg[field]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut compared = 0;
    for (config, release) in [(0u64, "go1.21"), (1, "go1.22")] {
        let expected_path = repo_root()
            .join("corpus/expected")
            .join(release)
            .join("constraints/linux-amd64-cgo0.json");
        let expected: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected"))
                .expect("expected json");
        for dir in doc["dirs"].as_array().expect("dirs") {
            let rel = dir["dir"].as_str().unwrap_or("");
            if !rel.starts_with("c17") && !rel.starts_with("c18") {
                continue;
            }
            let class = dir["classes"]
                .as_array()
                .expect("classes")
                .iter()
                .find(|k| {
                    k["configs"]
                        .as_array()
                        .is_some_and(|c| c.iter().any(|i| i.as_u64() == Some(config)))
                })
                .expect("a class for each configuration");
            let want = expected
                .iter()
                .find(|p| p["Dir"].as_str() == Some(rel))
                .expect("recorded");
            for f in fields {
                assert_eq!(
                    files(&class["package"], f),
                    files(want, f),
                    "{release} {rel} {f}"
                );
            }
            let error = class["package"]["Error"]["Err"].as_str();
            assert_eq!(error, want["Error"]["Err"].as_str(), "{release} {rel}");
            compared += 1;
        }
    }
    assert_eq!(
        compared, 8,
        "c17 and the three c18 directories, under two releases"
    );
    // check: no size-limit error under Go 1.21 alone; under both, the error says whose.
    let check = |go: &str| {
        gotags_in(
            &[
                "check",
                "--go",
                go,
                "--platforms",
                "linux/amd64",
                "--select",
                "GT101",
                "--format",
                "json",
                "./c18_expr_too_large",
            ],
            &root,
            &[],
        )
    };
    let (_, out, err) = check("1.21");
    assert!(!out.contains("build expression too large"), "{out} {err}");
    let (_, out, err) = check("1.21,1.22");
    assert!(
        out.contains("build expression too large") && out.contains("Go 1.21 accepts"),
        "{out} {err}"
    );
}
