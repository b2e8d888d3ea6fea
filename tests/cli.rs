//! Command-line behaviour: exit codes, usage errors, and bad input that must never panic,
//! hang or stop the walk (binary files, NUL bytes, FIFOs, symlink loops, huge files,
//! malformed constraints), and the promise never to write into the analysed tree.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

fn gotags(args: &[&str], cwd: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gotags"));
    cmd.args(args).current_dir(cwd);
    for (k, _) in std::env::vars() {
        if k.starts_with("GO") || k.starts_with("CGO_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("GOOS", "linux")
        .env("GOARCH", "amd64")
        .env("CGO_ENABLED", "1");
    cmd.output().expect("run gotags")
}

fn packages(out: &Output) -> Vec<serde_json::Value> {
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::Deserializer::from_str(&text)
        .into_iter::<serde_json::Value>()
        .map(|v| v.expect("gotags prints valid JSON"))
        .collect()
}

fn module(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("go.mod"),
        "module example.com/m\n\ngo 1.23\n",
    )
    .expect("go.mod");
    for (name, body) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, body).expect("write");
    }
    dir
}

fn find<'a>(pkgs: &'a [serde_json::Value], import_path: &str) -> &'a serde_json::Value {
    pkgs.iter()
        .find(|p| p["ImportPath"] == import_path)
        .unwrap_or_else(|| panic!("package {import_path} not listed in {pkgs:#?}"))
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn unsupported_platform_is_a_usage_error_naming_valid_pairs() {
    let m = module(&[("a.go", b"package a\n")]);
    let out = gotags(
        &["list", "--goos", "linux", "--goarch", "sparc64"],
        m.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("linux/sparc64") && err.contains("windows/amd64"),
        "{err}"
    );
}

#[test]
fn unreadable_path_exits_2_and_missing_go_mod_too() {
    let m = module(&[]);
    let out = gotags(&["list", "does-not-exist"], m.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file or directory"));
    let bare = tempfile::tempdir().expect("tempdir");
    let out = gotags(&["list"], bare.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("go.mod file not found"));
}

#[test]
fn eval_prints_value_and_caret_on_error() {
    let m = module(&[]);
    let out = gotags(&["eval", "linux && (amd64 || arm64)"], m.path());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "true\n");
    let out = gotags(
        &["eval", "--goos", "windows", "// +build linux darwin"],
        m.path(),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "false\n");
    let out = gotags(&["eval", "linux &&"], m.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "linux &&\n        ^\nerror: unexpected end of expression\n"
    );
}

#[test]
fn bad_files_become_package_errors_and_the_walk_goes_on() {
    let mut huge = b"package huge\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n".to_vec();
    huge.resize(32 << 20, b'\n');
    let m = module(&[
        ("bin/a.go", b"package bin\n"),
        ("bin/b.go", b"package bin\x00\n\x01\x02\xff\xfe"),
        ("bad/x.go", b"//go:build linux &&\n\npackage bad\n"),
        ("bad/y.go", b"package bad\n"),
        ("huge/h.go", &huge),
        ("utf/u.go", b"// \xff\xfe\npackage utf\n"),
        ("ok/ok.go", b"package ok\n"),
    ]);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop.go", m.path().join("ok/loop.go")).expect("symlink");
        std::os::unix::fs::symlink("..", m.path().join("ok/up")).expect("dir symlink");
    }
    let fifo = m.path().join("ok/pipe.go");
    let have_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !have_fifo {
        println!("skipped the FIFO case: mkfifo is not available");
    }

    let out = gotags(&["list", "--json"], m.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pkgs = packages(&out);

    let bin = find(&pkgs, "example.com/m/bin");
    assert_eq!(strings(&bin["InvalidGoFiles"]), ["b.go"]);
    let err = bin["Error"]["Err"].as_str().unwrap_or_default();
    assert!(
        err.starts_with("read ") && err.ends_with("bin/b.go: unexpected NUL in input"),
        "{err}"
    );

    let bad = find(&pkgs, "example.com/m/bad");
    assert_eq!(
        bad["Error"]["Err"],
        "x.go: parsing //go:build line: unexpected end of expression"
    );

    let huge = find(&pkgs, "example.com/m/huge");
    assert_eq!(strings(&huge["GoFiles"]), ["h.go"]);

    let utf = find(&pkgs, "example.com/m/utf");
    assert_eq!(utf["Error"]["Err"], "illegal UTF-8 encoding");
    assert_eq!(utf["Error"]["Pos"], "utf/u.go:1:4");

    let ok = find(&pkgs, "example.com/m/ok");
    assert_eq!(strings(&ok["GoFiles"]), ["ok.go"]);
    let invalid = strings(&ok["InvalidGoFiles"]);
    assert!(invalid.contains(&"loop.go".to_string()), "{invalid:?}");
    if have_fifo {
        assert!(invalid.contains(&"pipe.go".to_string()), "{invalid:?}");
    }
    let err = ok["Error"]["Err"].as_str().unwrap_or_default();
    assert!(
        err.contains("loop.go: too many levels of symbolic links"),
        "{err}"
    );
}

#[test]
fn unreadable_directory_is_reported_and_the_walk_goes_on() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let m = module(&[
            ("locked/a.go", b"package locked\n"),
            ("open/a.go", b"package open\n"),
        ]);
        let locked = m.path().join("locked");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        if fs::read_dir(&locked).is_ok() {
            println!("skipped: running as a user who can read a mode-000 directory (root)");
            fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod back");
            return;
        }
        let out = gotags(&["list", "--json"], m.path());
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod back");
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stderr).contains("permission denied"));
        let pkgs = packages(&out);
        find(&pkgs, "example.com/m/open");
    }
}

/// Every path with its size and modification time.
fn snapshot(root: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let meta = e.path().symlink_metadata().ok();
            (
                e.path().to_path_buf(),
                meta.as_ref().map_or(0, |m| m.len()),
                meta.and_then(|m| m.modified().ok()),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn never_writes_into_the_analysed_tree() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/sample");
    let before = snapshot(&sample);
    for args in [&["list", "--json", "--test"][..], &["list"][..]] {
        let out = gotags(args, &sample);
        assert_eq!(out.status.code(), Some(0));
    }
    assert_eq!(before, snapshot(&sample));
}

#[test]
fn text_listing_explains_ignored_files() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/sample");
    let out = gotags(&["list", "--goos", "windows", "--cgo", "off"], &sample);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("platform_linux.go: file name requires linux"),
        "{text}"
    );
    assert!(
        text.contains("native.go: imports \"C\" and cgo is off"),
        "{text}"
    );
}
