//! Live differential tests against every real Go toolchain found (1.21, 1.22, 1.23, the
//! machine's 1.26, 1.27.3 from the module cache), each compared with `gotags --go <its
//! release>`; a missing toolchain is skipped with a printed reason, or fails the test when
//! `GOTAGS_REQUIRE_GO=1` (CI). Which releases: `live_releases` (all found by default); how
//! much of each: `sample_every` (`GOTAGS_LIVE_SAMPLE=1` compares everything).
//!
//! * `live_corpus_all_platforms`: every corpus module, copied to a temp dir (symlinks
//!   preserved, mtimes backdated, the go line lowered to the toolchain's release when it is
//!   older), for a deterministic sample of that toolchain's `go tool dist list` ports x
//!   CGO_ENABLED 0/1: `go list -e -test -json ./...` (its base package entries, which carry
//!   TestEmbedFiles and XTestEmbedFiles) against `gotags list --json --test <module>`, on the
//!   golden field set. Package order is compared too.
//! * `live_std_and_cmd`: for each toolchain, in its own `$GOROOT`: `go list -e -json std`
//!   (cwd `$GOROOT/src`) against `gotags list --json std --goroot $GOROOT`, and `go list -e
//!   -json cmd` (cwd `$GOROOT/src/cmd`) against `gotags list --json cmd --goroot $GOROOT`,
//!   for a sample of seven ports with CGO_ENABLED=0, keyed by ImportPath (go list sorts
//!   these by import path).
//! * `live_debian_tree`: golang-golang-x-sys-dev's module (`GOTAGS_DEBIAN_TREE` for another
//!   tree) in place, for every sixth of each release's ports and broken ports x CGO_ENABLED
//!   0/1 (`GOTAGS_LIVE_SAMPLE=1`: all of them; 89 s for the five releases here).
#![cfg(unix)]

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const TEST_ONLY_FIELDS: &[&str] = &["TestEmbedFiles", "XTestEmbedFiles"];

/// The releases compared live: every toolchain found, or those `GOTAGS_LIVE_RELEASES` names
/// (a comma list; `all` is the default).
fn live_releases() -> Vec<(String, PathBuf)> {
    let wanted = std::env::var("GOTAGS_LIVE_RELEASES").unwrap_or_else(|_| "all".into());
    toolchains_or_skip("live")
        .into_iter()
        .filter(|(r, _)| wanted == "all" || wanted.split(',').any(|w| w.trim() == r))
        .collect()
}

/// Keep every Nth run: `GOTAGS_LIVE_SAMPLE=N` (1 = every run), else every 24th corpus run
/// and every third std/cmd port per release. Each release starts at its own offset, so
/// together the releases cover different modules, ports and cgo settings; the golden tests
/// compare every recorded configuration of every release anyway.
fn sample_every(default: usize) -> usize {
    std::env::var("GOTAGS_LIVE_SAMPLE")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// The default sampling of corpus runs (module x port x cgo) per release.
const CORPUS_EVERY: usize = 24;
/// The default sampling of the seven std/cmd ports per release.
const STD_EVERY: usize = 3;

/// Toolchain plumbing for the `go` side only: a private cache, no network, no workspace.
fn go_plumbing(scratch: &Path) -> Vec<(String, String)> {
    [
        ("GOCACHE", scratch.join("gocache")),
        ("GOPATH", scratch.join("gopath")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string_lossy().into_owned()))
    .chain(
        [
            ("GOFLAGS", ""),
            ("GOTOOLCHAIN", "local"),
            ("GOWORK", "off"),
            ("GOPROXY", "off"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string())),
    )
    .collect()
}

fn run_go(
    go: &Path,
    args: &[&str],
    cwd: &Path,
    plumbing: &[(String, String)],
    vars: &[(String, String)],
) -> std::io::Result<std::process::Output> {
    let mut cmd = Command::new(go);
    cmd.args(args).current_dir(cwd);
    let all: Vec<(String, String)> = plumbing.iter().chain(vars).cloned().collect();
    clean_go_env(&mut cmd, &all);
    cmd.output()
}

/// `go tool dist list` (with `-broken`: and the ports the release marks broken, which go
/// list takes too).
fn dist_list(go: &Path, plumbing: &[(String, String)], broken: bool) -> Vec<(String, String)> {
    let args: &[&str] = if broken {
        &["tool", "dist", "list", "-broken"]
    } else {
        &["tool", "dist", "list"]
    };
    let out = run_go(go, args, Path::new("/"), plumbing, &[]).expect("running go tool dist list");
    assert!(out.status.success(), "go tool dist list failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once('/'))
        .map(|(os, arch)| (os.to_string(), arch.to_string()))
        .collect()
}

struct Job {
    /// `1.26`: the release passed to `gotags --go`.
    release: String,
    label: String,
    modroot: PathBuf,
    /// What go lists (`./...`, `std`, `cmd`).
    go_pattern: &'static str,
    vars: Vec<(String, String)>,
    check_order: bool,
}

struct Outcome {
    go_packages: usize,
    diffs: Vec<String>,
}

/// The base package entries of `go list -test` output: the test variants (`p [p.test]`,
/// `p_test [p.test]`) and test mains (`p.test`) left out. The base entries carry
/// `TestEmbedFiles`/`XTestEmbedFiles` and otherwise equal the plain listing (the
/// expectation generator checks that on every run).
fn base_entries(list: Vec<serde_json::Value>) -> Vec<serde_json::Value> {
    list.into_iter()
        .filter(|p| {
            let for_test = p.get("ForTest").and_then(|v| v.as_str()).unwrap_or("");
            let path = p.get("ImportPath").and_then(|v| v.as_str()).unwrap_or("");
            for_test.is_empty() && !path.ends_with(".test") && !path.contains(" [")
        })
        .collect()
}

fn run_job(go: &Path, plumbing: &[(String, String)], job: &Job) -> Outcome {
    // Module patterns are listed with -test so the test embed fields are compared too; the
    // standard library's test variants would multiply an already long run, so std/cmd are not.
    let with_tests = job.go_pattern == "./...";
    let go_args: &[&str] = if with_tests {
        &["list", "-e", "-test", "-json", job.go_pattern]
    } else {
        &["list", "-e", "-json", job.go_pattern]
    };
    let go_out = run_go(go, go_args, &job.modroot, plumbing, &job.vars);
    // go refusing the configuration outright (nothing listed, e.g. a broken port the compiler
    // has no back end for): gotags must refuse it too, with go's first line of stderr.
    if let Ok(o) = &go_out {
        if !o.status.success() && o.stdout.is_empty() {
            let stderr = String::from_utf8_lossy(&o.stderr);
            let first = stderr
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("go: ");
            return refused_alike(job, first);
        }
    }
    let want = match stream_or_error(&format!("{}: go list", job.label), &go_out) {
        Ok(w) if with_tests => base_entries(w),
        Ok(w) => w,
        Err(e) => {
            return Outcome {
                go_packages: 0,
                diffs: vec![e],
            }
        }
    };
    let arg = job.modroot.to_string_lossy().into_owned();
    // `std` and `cmd` are import-path patterns over the Go distribution, not directories.
    let goroot = match job.go_pattern {
        "std" => job.modroot.parent(),
        "cmd" => job.modroot.parent().and_then(Path::parent),
        _ => None,
    }
    .map(|g| g.to_string_lossy().into_owned());
    let got_out = match &goroot {
        Some(g) => run_gotags(
            &[
                "list",
                "--json",
                job.go_pattern,
                "--goroot",
                g,
                "--go",
                &job.release,
            ],
            &job.modroot,
            &job.vars,
        ),
        None => run_gotags(
            &["list", "--json", "--test", &arg, "--go", &job.release],
            &job.modroot,
            &job.vars,
        ),
    };
    let roots = root_spellings(&job.modroot);
    let skipped: &[&str] = if with_tests { &[] } else { TEST_ONLY_FIELDS };
    let want = without_fields(&shape_all(&want, &roots), skipped);
    let got = match stream_or_error(&format!("{}: gotags", job.label), &got_out) {
        Ok(g) => without_fields(&shape_all(&g, &roots), skipped),
        Err(e) => {
            return Outcome {
                go_packages: want.len(),
                diffs: vec![e],
            }
        }
    };
    Outcome {
        go_packages: want.len(),
        diffs: compare(&job.label, &want, &got, job.check_order),
    }
}

/// go refused `job` with `first` (its first stderr line): does gotags refuse it the same way
/// (go's text, or go's text followed by `; ` and a hint)?
fn refused_alike(job: &Job, first: &str) -> Outcome {
    let arg = job.modroot.to_string_lossy().into_owned();
    let got = run_gotags(
        &["list", "--json", "--test", &arg, "--go", &job.release],
        &job.modroot,
        &job.vars,
    );
    let diffs = match got {
        Ok(o) if !o.status.success() => {
            let err = String::from_utf8_lossy(&o.stderr);
            let got = err.trim().trim_start_matches("gotags: ");
            if got == first || got.starts_with(&format!("{first}; ")) {
                Vec::new()
            } else {
                vec![format!(
                    "{}: go said {first:?}, gotags said {got:?}",
                    job.label
                )]
            }
        }
        Ok(_) => vec![format!(
            "{}: go refused it ({first}), gotags did not",
            job.label
        )],
        Err(e) => vec![format!("{}: could not run gotags: {e}", job.label)],
    };
    Outcome {
        go_packages: 0,
        diffs,
    }
}

/// Prints the differences and the totals; returns the number of differences.
fn report(what: &str, jobs: &[Job], outcomes: &[Outcome], extra: &str) -> usize {
    let packages: usize = outcomes.iter().map(|o| o.go_packages).sum();
    let diffs: Vec<&String> = outcomes.iter().flat_map(|o| o.diffs.iter()).collect();
    for d in &diffs {
        println!("{d}");
    }
    println!(
        "{what}: compared {} runs ({extra}), {packages} go list packages; {} differences",
        jobs.len(),
        diffs.len()
    );
    diffs.len()
}

#[test]
fn live_corpus_all_platforms() {
    let mut diffs = 0;
    for (release, go) in live_releases() {
        diffs += live_corpus_for(&release, &go);
    }
    assert_eq!(
        diffs, 0,
        "differences between gotags and go list (listed above)"
    );
}

fn live_corpus_for(release: &str, go: &Path) -> usize {
    let started = std::time::Instant::now();
    println!("live corpus: Go {release} ({})", go.display());
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("live-go{release}"));
    std::fs::create_dir_all(&scratch).expect("creating the go cache dir");
    let plumbing = go_plumbing(&scratch);
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().canonicalize().expect("canonical temp dir");
    let modules = corpus_modules();
    let minor: u32 = release[2..].parse().unwrap_or(0);
    for m in &modules {
        copy_tree(&corpus_dir().join(m), &root.join(m));
        lower_go_line(&root.join(m), minor);
    }
    ensure_empty_dirs(&root);
    backdate(&root);

    let ports = dist_list(go, &plumbing, false);
    assert!(
        ports.len() >= 40,
        "go tool dist list gave only {} ports",
        ports.len()
    );
    let every = sample_every(CORPUS_EVERY);
    let offset = minor as usize % every;
    let mut all = 0;
    let mut jobs = Vec::new();
    for m in &modules {
        for (os, arch) in &ports {
            for cgo in ["0", "1"] {
                all += 1;
                if (all - 1) % every != offset {
                    continue;
                }
                jobs.push(Job {
                    release: release.to_string(),
                    label: format!("go{release}/{m}/{os}-{arch}-cgo{cgo}"),
                    modroot: root.join(m),
                    go_pattern: "./...",
                    vars: vec![
                        ("GOOS".into(), os.clone()),
                        ("GOARCH".into(), arch.clone()),
                        ("CGO_ENABLED".into(), cgo.into()),
                    ],
                    check_order: true,
                });
            }
        }
    }
    let outcomes = par_map(&jobs, worker_threads(), |j| run_job(go, &plumbing, j));
    report(
        &format!("live corpus Go {release}"),
        &jobs,
        &outcomes,
        &format!(
            "{} modules x {} ports x CGO_ENABLED 0/1 = {all}, every {every}; {:.0?}",
            modules.len(),
            ports.len(),
            started.elapsed()
        ),
    )
}

#[test]
fn live_std_and_cmd() {
    let mut diffs = 0;
    for (release, go) in live_releases() {
        diffs += live_std_and_cmd_for(&release, &go);
    }
    assert_eq!(
        diffs, 0,
        "differences between gotags and go list (listed above)"
    );
}

fn live_std_and_cmd_for(release: &str, go: &Path) -> usize {
    let started = std::time::Instant::now();
    println!("live std/cmd: Go {release} ({})", go.display());
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("live-go{release}"));
    std::fs::create_dir_all(&scratch).expect("creating the go cache dir");
    let plumbing = go_plumbing(&scratch);
    let out = run_go(go, &["env", "GOROOT"], Path::new("/"), &plumbing, &[])
        .expect("running go env GOROOT");
    let goroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let src = goroot.join("src");
    assert!(
        src.join("go.mod").is_file(),
        "{} has no go.mod: is the Go source installed?",
        src.display()
    );
    let ports = [
        ("linux", "amd64"),
        ("windows", "arm64"),
        ("darwin", "arm64"),
        ("js", "wasm"),
        ("wasip1", "wasm"),
        ("plan9", "386"),
        ("aix", "ppc64"),
    ];
    let minor: usize = release[2..].parse().unwrap_or(0);
    let every = sample_every(STD_EVERY);
    let mut jobs = Vec::new();
    for (pattern, dir) in [("std", src.clone()), ("cmd", src.join("cmd"))] {
        for (i, (os, arch)) in ports.into_iter().enumerate() {
            if (i + minor) % every != 0 {
                continue;
            }
            jobs.push(Job {
                release: release.to_string(),
                label: format!("go{release}/{pattern}/{os}-{arch}-cgo0"),
                modroot: dir.clone(),
                go_pattern: pattern,
                vars: vec![
                    ("GOOS".into(), os.into()),
                    ("GOARCH".into(), arch.into()),
                    ("CGO_ENABLED".into(), "0".into()),
                ],
                check_order: false,
            });
        }
    }
    let outcomes = par_map(&jobs, worker_threads(), |j| run_job(go, &plumbing, j));
    report(
        &format!("live std/cmd Go {release}"),
        &jobs,
        &outcomes,
        &format!(
            "std and cmd x {} of {} ports (every {every}), CGO_ENABLED=0; {:.0?}",
            jobs.len() / 2,
            ports.len(),
            started.elapsed()
        ),
    )
}

/// The Debian tree compared by `live_debian_tree`: `GOTAGS_DEBIAN_TREE`, else
/// golang-golang-x-sys-dev's module (hundreds of per-platform files in three packages).
fn debian_tree() -> PathBuf {
    std::env::var_os("GOTAGS_DEBIAN_TREE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/gocode/src/golang.org/x/sys"))
}

/// A Debian `golang-*-dev` module tree, listed in place (it is read-only and old, so go takes
/// its module-index path): `go list -e -test -json ./...` against `gotags list --json
/// --test`, for a sample of each release's ports and broken ports (`go tool dist list
/// -broken`) x CGO_ENABLED 0/1 (`GOTAGS_LIVE_SAMPLE=1`: all of them). Skipped when the
/// package is not installed (a failure with `GOTAGS_REQUIRE_GO=1`, as CI installs it).
#[test]
fn live_debian_tree() {
    let tree = debian_tree();
    if !tree.join("go.mod").is_file() {
        assert!(
            std::env::var("GOTAGS_REQUIRE_GO").as_deref() != Ok("1"),
            "GOTAGS_REQUIRE_GO=1 but {} is missing (apt-get install golang-golang-x-sys-dev)",
            tree.display()
        );
        println!("live debian tree: skipped ({} missing)", tree.display());
        return;
    }
    let mut diffs = 0;
    for (release, go) in live_releases() {
        let started = std::time::Instant::now();
        let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("live-go{release}"));
        std::fs::create_dir_all(&scratch).expect("creating the go cache dir");
        let plumbing = go_plumbing(&scratch);
        let ports = dist_list(&go, &plumbing, true);
        let minor: usize = release[2..].parse().unwrap_or(0);
        let every = sample_every(STD_EVERY * 2);
        let mut jobs = Vec::new();
        let mut all = 0;
        for (os, arch) in &ports {
            for cgo in ["0", "1"] {
                all += 1;
                if (all + minor) % every != 0 {
                    continue;
                }
                jobs.push(Job {
                    release: release.clone(),
                    label: format!("go{release}/x-sys/{os}-{arch}-cgo{cgo}"),
                    modroot: tree.clone(),
                    go_pattern: "./...",
                    vars: vec![
                        ("GOOS".into(), os.clone()),
                        ("GOARCH".into(), arch.clone()),
                        ("CGO_ENABLED".into(), cgo.into()),
                    ],
                    check_order: true,
                });
            }
        }
        let outcomes = par_map(&jobs, worker_threads(), |j| run_job(&go, &plumbing, j));
        diffs += report(
            &format!("live debian tree Go {release}"),
            &jobs,
            &outcomes,
            &format!(
                "{} x {} ports (broken ones included) x CGO_ENABLED 0/1 = {all}, every {every}; {:.0?}",
                tree.display(),
                ports.len(),
                started.elapsed()
            ),
        );
    }
    assert_eq!(
        diffs, 0,
        "differences between gotags and go list (listed above)"
    );
}

/// `(ImportPath, Dir, Err)` of each entry of `go list -e -json` or `gotags list --json`.
fn dirs_and_errors(what: &str, out: &std::io::Result<std::process::Output>) -> Vec<[String; 3]> {
    let text = |v: Option<&serde_json::Value>| v.and_then(|s| s.as_str()).unwrap_or("").to_string();
    match out {
        Ok(o) => parse_stream(&String::from_utf8_lossy(&o.stdout))
            .unwrap_or_else(|e| panic!("{what}: not a JSON stream: {e}"))
            .iter()
            .map(|p| {
                [
                    text(p.get("ImportPath")),
                    text(p.get("Dir")),
                    text(p.get("Error").and_then(|e| e.get("Err"))),
                ]
            })
            .collect(),
        Err(e) => panic!("{what}: could not run: {e}"),
    }
}

/// Both tools in `cwd` with `$PWD` set to `pwd`: go list's `Dir`s follow `os.Getwd`, which
/// keeps `$PWD` when it names the working directory (a directory entered through a
/// symlink); a pattern whose directory is a symlink lists it and what is below it; and go's
/// `./...` passes over the standard library's `builtin`, which `./builtin` names as an error.
#[test]
fn live_working_directory_through_a_symlink() {
    let mut diffs = Vec::new();
    for (release, go) in live_releases() {
        let scratch = tempfile::tempdir().expect("temp dir");
        let plumbing = go_plumbing(scratch.path());
        let real = scratch.path().join("real");
        std::fs::create_dir_all(real.join("a/b")).expect("module dirs");
        std::fs::write(real.join("go.mod"), "module example.com/m\n\ngo 1.21\n").expect("go.mod");
        std::fs::write(real.join("m.go"), "package m\n").expect("m.go");
        std::fs::write(real.join("a/a.go"), "package a\n").expect("a.go");
        std::fs::write(real.join("a/b/b.go"), "package b\n").expect("b.go");
        let link = scratch.path().join("link");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        // A symlink inside the module: walks pass over it, a pattern starting at it does not.
        std::os::unix::fs::symlink("a", real.join("s")).expect("symlink");
        backdate(scratch.path());
        let out = run_go(&go, &["env", "GOROOT"], Path::new("/"), &plumbing, &[]).expect("go env");
        let src = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("src");
        let cases: Vec<(&Path, PathBuf, &str)> = vec![
            (&link, link.clone(), "./..."),
            (&link, link.join("a"), "."),
            // A $PWD that names another directory is not used.
            (&link, scratch.path().to_path_buf(), "./..."),
            (&real, real.clone(), "./s/..."),
            (&link, link.clone(), "./s/..."),
            (&src, src.clone(), "./b..."),
            (&src, src.clone(), "./builtin"),
        ];
        for (cwd, pwd, pattern) in cases {
            let cwd = if pwd.starts_with(cwd) {
                pwd.clone()
            } else {
                cwd.to_path_buf()
            };
            let mut go_cmd = Command::new(&go);
            go_cmd
                .args(["list", "-e", "-json", pattern])
                .current_dir(&cwd);
            clean_go_env(&mut go_cmd, &plumbing);
            go_cmd.env("PWD", &pwd);
            let mut gotags = Command::new(gotags_bin());
            gotags
                .args(["--go", release.as_str(), "list", "--json", pattern])
                .current_dir(&cwd);
            clean_go_env(&mut gotags, &[]);
            gotags.env("PWD", &pwd);
            let label = format!(
                "go{release} in {} (PWD {}) {pattern}",
                cwd.display(),
                pwd.display()
            );
            let want = dirs_and_errors(&format!("go {label}"), &go_cmd.output());
            let got = dirs_and_errors(&format!("gotags {label}"), &gotags.output());
            assert!(!want.is_empty(), "{label}: go listed nothing");
            if want != got {
                diffs.push(format!("{label}:\n  go:     {want:?}\n  gotags: {got:?}"));
            }
        }
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}
