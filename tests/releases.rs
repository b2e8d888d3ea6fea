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
