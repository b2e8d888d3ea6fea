//! cmd/go's build mode in every command, live against every toolchain here (skipped with the
//! reason printed when one is missing; failing instead when `GOTAGS_REQUIRE_GO=1`).
//!
//! One small module where vendor mode changes what go reports: a `//go:build` line that does
//! not parse (the module index stops the package there; go/build lists the file as invalid
//! and goes on to later files, their embeds and their `//go:generate` lines), a file with a
//! syntax error that a constraint excludes on windows (the index lists it as invalid too),
//! an invalid import path (go/build, and the index only from Go 1.26 on) and a test that
//! imports "C" (go/build names the file by its full path). It runs three ways: with an empty
//! `vendor/modules.txt` and `$GOFLAGS` empty (vendor mode on every release), the same with
//! `-mod=mod` (module mode), and inside a go.work whose `vendor/modules.txt` is marked
//! `## workspace` (module mode on Go 1.21, vendor mode from 1.22 on).
//!
//! Per release and way, the real `go list -e -json` (linux/amd64 and windows/amd64, cgo
//! off) and `go generate -n` are compared with `gotags matrix` (every configuration's file
//! lists), `gotags check` (GT601: the files go lists as invalid, and go's error among the
//! messages), `gotags embed` (each platform's embedded files) and `gotags generate --format
//! go` (the steps). The test also asserts that go's answers differ between the vendor-mode
//! and module-mode runs, so the tree keeps exercising the difference.
#![cfg(unix)]

mod common;

use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

const PLATFORMS: &[(&str, &str)] = &[("linux", "amd64"), ("windows", "amd64")];

/// The packages of the module (the go.mod and vendor files come from [`Way`]).
const PACKAGES: &[(&str, &str)] = &[
    ("p/a.go", "package p\n\n//go:generate echo a\n"),
    ("p/b.go", "//go:build !(linux)é\n\npackage p\n"),
    (
        "p/c.go",
        "package p\n\nimport _ \"embed\"\n\n//go:generate echo c\n\n//go:embed x.txt\nvar e string\n",
    ),
    ("p/x.txt", "hi\n"),
    ("q/a.go", "package q\n\n//go:generate echo q\n"),
    (
        "q/bad.go",
        "//go:build !windows\n\npackage q\n\nimport \"fmt\n",
    ),
    (
        "r/a.go",
        "package r\n\nimport \"a b\"\n\n//go:generate echo r\n",
    ),
    ("r/b.go", "package r\n"),
    ("s/a.go", "package s\n\n//go:generate echo s\n"),
    ("s/a_test.go", "package s\n\nimport \"C\"\n"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Way {
    /// `vendor/modules.txt` beside go.mod, `$GOFLAGS` empty.
    Vendor,
    /// The same tree with `GOFLAGS=-mod=mod`.
    ModFlag,
    /// A go.work beside a `vendor/modules.txt` marked for a workspace.
    Workspace,
}

impl Way {
    fn name(self) -> &'static str {
        match self {
            Way::Vendor => "vendor",
            Way::ModFlag => "-mod=mod",
            Way::Workspace => "workspace",
        }
    }

    /// Writes the tree under `top`; returns the module directory the commands run in.
    fn write(self, top: &Path) -> std::path::PathBuf {
        let (module, vendor_parent, modules_txt) = match self {
            Way::Workspace => (top.join("m"), top.to_path_buf(), "## workspace\n"),
            _ => (top.to_path_buf(), top.to_path_buf(), ""),
        };
        let mut files: Vec<(std::path::PathBuf, &str)> = PACKAGES
            .iter()
            .map(|(rel, text)| (module.join(rel), *text))
            .collect();
        files.push((module.join("go.mod"), "module example.com/v\n\ngo 1.21\n"));
        files.push((vendor_parent.join("vendor/modules.txt"), modules_txt));
        if self == Way::Workspace {
            files.push((top.join("go.work"), "go 1.21\n\nuse ./m\n"));
        }
        for (path, text) in files {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).expect("mkdir");
            }
            std::fs::write(&path, text).expect("write");
        }
        // Older than two seconds, so that module mode uses the module index.
        backdate(top);
        module
    }

    fn vars(self, scratch: &Path, port: (&str, &str)) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = vec![
            (
                "GOCACHE".into(),
                scratch.join("gocache").to_string_lossy().into(),
            ),
            (
                "GOPATH".into(),
                scratch.join("gopath").to_string_lossy().into(),
            ),
            ("GOTOOLCHAIN".into(), "local".into()),
            ("GOPROXY".into(), "off".into()),
            ("GOOS".into(), port.0.into()),
            ("GOARCH".into(), port.1.into()),
            ("CGO_ENABLED".into(), "0".into()),
        ];
        v.push((
            "GOFLAGS".into(),
            if self == Way::ModFlag {
                "-mod=mod".into()
            } else {
                String::new()
            },
        ));
        if self != Way::Workspace {
            v.push(("GOWORK".into(), "off".into()));
        }
        v
    }
}

/// Per platform and package directory (relative to the module): the compared lists.
type Lists = BTreeMap<(String, String), BTreeMap<&'static str, Vec<String>>>;

/// The fields compared between `go list` and `gotags matrix`.
const LIST_FIELDS: &[&str] = &[
    "GoFiles",
    "IgnoredGoFiles",
    "InvalidGoFiles",
    "TestGoFiles",
    "EmbedFiles",
];

/// What go says for one way on one release.
#[derive(Default, PartialEq, Eq)]
struct GoAnswers {
    lists: Lists,
    /// Per platform: (package dir, error text) of each package with invalid files.
    errors: BTreeSet<(String, String, String)>,
    generate: Vec<String>,
}

fn rel_dir(dir: &str, module: &Path) -> String {
    let root = module.to_string_lossy();
    dir.strip_prefix(root.as_ref())
        .unwrap_or(dir)
        .trim_start_matches('/')
        .to_string()
}

fn run(cmd: &mut Command, what: &str) -> std::process::Output {
    match cmd.output() {
        Ok(o) => o,
        Err(e) => panic!("{what}: {e}"),
    }
}

fn go_answers(go: &Path, way: Way, module: &Path, scratch: &Path) -> Result<GoAnswers, String> {
    let mut a = GoAnswers::default();
    for &port in PLATFORMS {
        let label = format!("{}/{}", port.0, port.1);
        let mut cmd = Command::new(go);
        cmd.args(["list", "-e", "-json", "./..."])
            .current_dir(module);
        clean_go_env(&mut cmd, &way.vars(scratch, port));
        let out = cmd.output();
        for p in stream_or_error(&format!("go list {label}"), &out)? {
            let dir = rel_dir(p["Dir"].as_str().unwrap_or(""), module);
            let mut fields = BTreeMap::new();
            for f in LIST_FIELDS {
                fields.insert(*f, strs(&p[*f]));
            }
            if !fields["InvalidGoFiles"].is_empty() {
                if let Some(err) = p["Error"]["Err"].as_str() {
                    a.errors
                        .insert((label.clone(), dir.clone(), err.to_string()));
                }
            }
            a.lists.insert((label.clone(), dir), fields);
        }
    }
    let mut cmd = Command::new(go);
    cmd.args(["generate", "-n", "./..."]).current_dir(module);
    clean_go_env(&mut cmd, &way.vars(scratch, ("linux", "amd64")));
    let out = run(&mut cmd, "go generate -n");
    if !out.status.success() {
        return Err(format!(
            "go generate -n: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    a.generate = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect();
    Ok(a)
}

fn gotags_json(args: &[&str], module: &Path, vars: &[(String, String)]) -> Result<Value, String> {
    let out = run_gotags(args, module, vars).map_err(|e| e.to_string())?;
    serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "gotags {}: {e}; stderr: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

const PLATFORM_ARG: &str = "linux/amd64,windows/amd64";

/// `gotags COMMAND --format json --platforms PLATFORMS --cgo off --go RELEASE ./...`.
fn gotags_on(
    command: &[&str],
    platforms: &str,
    release: &str,
    module: &Path,
    vars: &[(String, String)],
) -> Result<Value, String> {
    let mut args = command.to_vec();
    args.extend([
        "--format",
        "json",
        "--platforms",
        platforms,
        "--cgo",
        "off",
        "--go",
        release,
        "./...",
    ]);
    gotags_json(&args, module, vars)
}

/// `gotags matrix`'s per-configuration lists, keyed as go list's.
fn matrix_lists(m: &Value) -> Lists {
    let labels: Vec<String> = m["configs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            format!(
                "{}/{}",
                c["platform"]["goos"].as_str().unwrap_or(""),
                c["platform"]["goarch"].as_str().unwrap_or("")
            )
        })
        .collect();
    let mut out = Lists::new();
    for d in m["dirs"].as_array().into_iter().flatten() {
        let dir = d["dir"].as_str().unwrap_or("").to_string();
        for class in d["classes"].as_array().into_iter().flatten() {
            let p = &class["package"];
            if p.is_null() {
                continue;
            }
            for c in class["configs"].as_array().into_iter().flatten() {
                let label = c.as_u64().and_then(|i| labels.get(i as usize));
                let Some(label) = label else { continue };
                let mut fields = BTreeMap::new();
                for f in LIST_FIELDS {
                    fields.insert(*f, strs(&p[*f]));
                }
                out.insert((label.clone(), dir.clone()), fields);
            }
        }
    }
    out
}

/// The embedded files per (platform, package dir), from go's lists or `gotags embed`.
type Embeds = BTreeSet<(String, String, String)>;

fn go_embeds(lists: &Lists) -> Embeds {
    let mut out = Embeds::new();
    for ((label, dir), fields) in lists {
        for f in &fields["EmbedFiles"] {
            out.insert((label.clone(), dir.clone(), f.clone()));
        }
    }
    out
}

fn gotags_embeds(e: &Value) -> Embeds {
    let mut out = Embeds::new();
    for v in e["variables"].as_array().into_iter().flatten() {
        if v["scope"].as_str() != Some("package") {
            continue;
        }
        let file = v["file"].as_str().unwrap_or("");
        let dir = file.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        for label in strs(&v["platforms"]) {
            for f in v["files"].as_array().into_iter().flatten() {
                let path = f["path"].as_str().unwrap_or("").to_string();
                out.insert((label.clone(), dir.clone(), path));
            }
        }
    }
    out
}

/// One release, one way: every command against go. Returns go's answers and the
/// differences.
fn compare_way(
    release: &str,
    go: &Path,
    way: Way,
    scratch: &Path,
) -> Result<(GoAnswers, Vec<String>, usize), String> {
    let top = scratch.join(format!("{}-{release}", way.name()));
    let module = way.write(&top);
    let want = go_answers(go, way, &module, scratch)?;
    let vars = way.vars(scratch, ("linux", "amd64"));
    let label = format!("go{release} {}", way.name());
    let mut diffs = Vec::new();
    let mut compared = 0;

    // matrix: every configuration's lists.
    let m = gotags_on(&["matrix"], PLATFORM_ARG, release, &module, &vars)?;
    let got = matrix_lists(&m);
    compared += 1;
    if got != want.lists {
        diffs.push(format!(
            "{label} matrix:\n  go     {:?}\n  gotags {:?}",
            want.lists, got
        ));
    }

    // check: GT601 per platform = the files go lists as invalid, go's error among them.
    for &(goos, goarch) in PLATFORMS {
        let plat = format!("{goos}/{goarch}");
        let c = gotags_on(&["check"], &plat, release, &module, &vars)?;
        let findings: Vec<(String, String)> = c
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["code"].as_str() == Some("GT601"))
            .map(|f| {
                (
                    f["file"].as_str().unwrap_or("").to_string(),
                    f["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let got_files: BTreeSet<String> = findings.iter().map(|(f, _)| f.clone()).collect();
        let want_files: BTreeSet<String> = want
            .lists
            .iter()
            .filter(|((l, _), _)| *l == plat)
            .flat_map(|((_, dir), fields)| {
                fields["InvalidGoFiles"]
                    .iter()
                    .map(move |f| format!("{dir}/{f}"))
            })
            .collect();
        compared += 1;
        if got_files != want_files {
            diffs.push(format!(
                "{label} check {plat}: GT601 files\n  go     {want_files:?}\n  gotags {got_files:?}"
            ));
        }
        for (l, dir, err) in &want.errors {
            if *l != plat {
                continue;
            }
            compared += 1;
            let found = findings
                .iter()
                .any(|(f, msg)| f.starts_with(&format!("{dir}/")) && msg == err);
            if !found {
                diffs.push(format!(
                    "{label} check {plat}: go's error {err:?} in {dir} is no GT601 message: {findings:?}"
                ));
            }
        }
    }

    // embed: each platform's embedded files.
    let e = gotags_on(&["embed"], PLATFORM_ARG, release, &module, &vars)?;
    let (want_embeds, got_embeds) = (go_embeds(&want.lists), gotags_embeds(&e));
    compared += 1;
    if want_embeds != got_embeds {
        diffs.push(format!(
            "{label} embed:\n  go     {want_embeds:?}\n  gotags {got_embeds:?}"
        ));
    }

    // generate: the steps, as `go generate -n` prints them.
    let out = run_gotags(
        &["generate", "--format", "go", "--go", release, "./..."],
        &module,
        &vars,
    )
    .map_err(|e| e.to_string())?;
    let got: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    compared += 1;
    if got != want.generate {
        diffs.push(format!(
            "{label} generate:\n  go     {:?}\n  gotags {got:?}",
            want.generate
        ));
    }
    let _ = std::fs::remove_dir_all(&top);
    Ok((want, diffs, compared))
}

#[test]
fn every_command_follows_the_build_mode() {
    let toolchains = toolchains_or_skip("vendor mode in every command");
    if toolchains.is_empty() {
        return;
    }
    let scratch = tempfile::tempdir().expect("tempdir");
    let jobs: Vec<(usize, Way)> = (0..toolchains.len())
        .flat_map(|t| [Way::Vendor, Way::ModFlag, Way::Workspace].map(|w| (t, w)))
        .collect();
    let outcomes = par_map(&jobs, worker_threads(), |&(t, way)| {
        let (release, go) = &toolchains[t];
        compare_way(release, go, way, scratch.path())
    });
    let mut diffs = Vec::new();
    let mut compared = 0;
    let mut answers: BTreeMap<(String, &str), GoAnswers> = BTreeMap::new();
    for (&(t, way), outcome) in jobs.iter().zip(outcomes) {
        match outcome {
            Ok((a, d, n)) => {
                diffs.extend(d);
                compared += n;
                answers.insert((toolchains[t].0.clone(), way.name()), a);
            }
            Err(e) => diffs.push(format!("go{} {}: {e}", toolchains[t].0, way.name())),
        }
    }
    // go itself answers differently in vendor and module mode, on every release, for the
    // lists, the embeds and the steps; in the workspace only Go 1.21 stays in module mode.
    let mut differing = 0;
    for (release, _) in &toolchains {
        let get = |w: Way| answers.get(&(release.clone(), w.name()));
        let (Some(v), Some(m), Some(w)) =
            (get(Way::Vendor), get(Way::ModFlag), get(Way::Workspace))
        else {
            continue;
        };
        for (what, differs) in [
            ("lists", v.lists != m.lists),
            ("embeds", go_embeds(&v.lists) != go_embeds(&m.lists)),
            ("generate", v.generate != m.generate),
        ] {
            if differs {
                differing += 1;
            } else {
                diffs.push(format!(
                    "go{release}: go's {what} are the same in vendor and module mode"
                ));
            }
        }
        let like = if release == "1.21" { m } else { v };
        if w.lists != like.lists || w.generate != like.generate {
            diffs.push(format!(
                "go{release}: the workspace is not in {} mode",
                if release == "1.21" {
                    "module"
                } else {
                    "vendor"
                }
            ));
        }
    }
    println!(
        "vendor mode in every command: {} releases × 3 ways, {compared} comparisons, {differing} vendor/module differences in go's answers, {} problems",
        toolchains.len(),
        diffs.len()
    );
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

/// A vendored workspace is in module mode under Go 1.21 and in vendor mode later, so one
/// matrix over both releases must give each release the lists its own matrix gives (the
/// build mode is part of what groups configurations). No Go needed.
#[test]
fn matrix_over_releases_in_different_build_modes() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let module = Way::Workspace.write(scratch.path());
    let vars = vec![("GOFLAGS".to_string(), String::new())];
    let matrix =
        |releases: &str| match gotags_on(&["matrix"], PLATFORM_ARG, releases, &module, &vars) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
    let both = matrix("1.21,1.23");
    let mut by_release: BTreeMap<String, Lists> = BTreeMap::new();
    for (i, c) in both["configs"].as_array().into_iter().flatten().enumerate() {
        let release = c["go"].as_str().unwrap_or("").to_string();
        let mut one = both.clone();
        // Keep only configuration i in every class, then read the lists as for one release.
        for d in one["dirs"].as_array_mut().into_iter().flatten() {
            for class in d["classes"].as_array_mut().into_iter().flatten() {
                let keep = class["configs"]
                    .as_array()
                    .is_some_and(|cs| cs.iter().any(|x| x.as_u64() == Some(i as u64)));
                class["configs"] = if keep {
                    serde_json::json!([i])
                } else {
                    serde_json::json!([])
                };
            }
        }
        by_release
            .entry(release)
            .or_default()
            .extend(matrix_lists(&one));
    }
    let apart_21 = matrix_lists(&matrix("1.21"));
    let apart_23 = matrix_lists(&matrix("1.23"));
    assert_ne!(
        apart_21, apart_23,
        "the two modes no longer differ on this tree"
    );
    assert_eq!(by_release.get("1.21"), Some(&apart_21));
    assert_eq!(by_release.get("1.23"), Some(&apart_23));
}

/// `-mod` values cmd/go refuses before it reads go.mod or go.work: in workspace mode all but
/// `readonly` (and `vendor` from Go 1.22), and anywhere a value it does not know. gotags
/// stops with go's message where go stops, and goes on where go goes on, per release.
#[test]
fn refused_mod_flags_stop_as_go_does() {
    let toolchains = toolchains_or_skip("-mod refusals");
    if toolchains.is_empty() {
        return;
    }
    let scratch = tempfile::tempdir().expect("tempdir");
    let top = scratch.path().join("tree");
    for (rel, text) in [
        ("go.work", "go 1.21\n\nuse ./m\n"),
        ("m/go.mod", "module example.com/m\n\ngo 1.21\n"),
        ("m/a.go", "package m\n"),
    ] {
        let path = top.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(&path, text).expect("write");
    }
    let mut compared = 0;
    let mut diffs = Vec::new();
    for (release, go) in &toolchains {
        for workspace in [true, false] {
            for flag in ["", "-mod=mod", "-mod=vendor", "-mod=readonly", "-mod=bogus"] {
                let mut vars: Vec<(String, String)> = vec![
                    ("GOTOOLCHAIN".into(), "local".into()),
                    ("GOPROXY".into(), "off".into()),
                    ("GOFLAGS".into(), flag.into()),
                ];
                if !workspace {
                    vars.push(("GOWORK".into(), "off".into()));
                }
                let dir = top.join("m");
                let mut cmd = Command::new(go);
                cmd.args(["list", "-e", "-json", "./..."]).current_dir(&dir);
                clean_go_env(&mut cmd, &vars);
                let want = run(&mut cmd, "go list");
                let got = match run_gotags(&["--go", release, "list", "--json"], &dir, &vars) {
                    Ok(o) => o,
                    Err(e) => panic!("gotags: {e}"),
                };
                let message = |o: &std::process::Output, prefix: &str| {
                    let text = String::from_utf8_lossy(&o.stderr).into_owned();
                    text.strip_prefix(prefix).unwrap_or(&text).to_string()
                };
                let label = format!("go{release} workspace={workspace} GOFLAGS={flag:?}");
                compared += 1;
                match (want.status.success(), got.status.success()) {
                    (true, true) => {}
                    (false, false) => {
                        let (w, g) = (message(&want, "go: "), message(&got, "gotags: "));
                        if w != g {
                            diffs.push(format!("{label}:\n  go     {w:?}\n  gotags {g:?}"));
                        }
                    }
                    (w, g) => diffs.push(format!(
                        "{label}: go succeeded={w}, gotags succeeded={g}; go: {}; gotags: {}",
                        message(&want, ""),
                        message(&got, "")
                    )),
                }
            }
        }
    }
    println!(
        "-mod refusals: {compared} comparisons, {} differences",
        diffs.len()
    );
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}
