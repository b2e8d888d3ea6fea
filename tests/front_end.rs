//! The command-line front end's shared behaviour: a closed stdout pipe ends every command
//! quietly with success, and usage errors print one `gotags:` line and exit 2.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

fn module() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("go.mod"),
        "module example.com/m\n\ngo 1.23\n",
    )
    .expect("go.mod");
    for i in 0..40 {
        let d = dir.path().join(format!("p{i:02}"));
        fs::create_dir_all(&d).expect("mkdir");
        fs::write(
            d.join("a.go"),
            format!("//go:build linux\n\npackage p{i:02}\n\n//go:generate echo {i}\n"),
        )
        .expect("write");
        fs::write(d.join("b_windows.go"), format!("package p{i:02}\n")).expect("write");
    }
    dir
}

fn command(args: &[&str], cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gotags"));
    cmd.args(args).current_dir(cwd);
    for (k, _) in std::env::vars() {
        if k.starts_with("GO") || k.starts_with("CGO_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("GOOS", "linux")
        .env("GOARCH", "amd64")
        .env("CGO_ENABLED", "0");
    cmd
}

/// Runs a command whose stdout reader has gone away before the first byte.
fn with_closed_stdout(args: &[&str], cwd: &Path) -> (Option<i32>, String) {
    let mut child = command(args, cwd)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gotags");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let m = module();
    let runs: &[&[&str]] = &[
        &["list", "--json"],
        &["list"],
        &["eval", "linux"],
        &["matrix"],
        &["matrix", "--format", "json"],
        &["embed", "--format", "json"],
        &["generate"],
        &["check", "--format", "concise", "--exit-zero"],
        &["check", "--explain"],
        &["completions", "bash"],
        &["man"],
    ];
    for args in runs {
        let (code, stderr) = with_closed_stdout(args, m.path());
        assert_eq!(code, Some(0), "gotags {args:?}: {stderr}");
        assert_eq!(stderr, "", "gotags {args:?} wrote to stderr");
    }
}

#[test]
fn usage_errors_are_one_line_and_exit_2() {
    let m = module();
    for (args, want) in [
        (
            &["list", "nowhere"][..],
            "nowhere: no such file or directory",
        ),
        (&["matrix", "go.mod"][..], "go.mod: not a directory"),
        (&["check", "--explain", "GT999"][..], "unknown rule GT999"),
        (
            &["check", "--output", "sarif"][..],
            "--output sarif: want FMT:FILE",
        ),
        (&["generate", "--run", "("][..], "generate: --run: "),
        (
            &["generate", "p00", "p01"][..],
            "generate takes one directory",
        ),
    ] {
        let out = command(args, m.path()).output().expect("run gotags");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "gotags {args:?}: {stderr}");
        assert!(
            stderr.starts_with("gotags: ")
                && stderr.contains(want)
                && (args[0] == "generate" || stderr.lines().count() == 1),
            "gotags {args:?}: {stderr}"
        );
    }
}
