//! Every command over the one package resolver: a directory reached through a symlink keeps
//! its package (list, matrix, embed with a budget, check), `check` mixes files, directories
//! and patterns, and `--all-modules` reports each module of a repository (a go.work's `use`
//! list, else every go.mod below) with its own path and go line, findings naming their
//! module; a module whose go.mod is broken is reported and the others still run.

mod common;

use common::gotags_bin;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn write(root: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let p = root.join(name);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(&p, text).expect("write");
    }
}

fn gotags(args: &[&str], cwd: &Path) -> Output {
    Command::new(gotags_bin())
        .args(args)
        .current_dir(cwd)
        .env_remove("GOWORK")
        .env_remove("GOFLAGS")
        .env("GOTOOLCHAIN", "local")
        .output()
        .expect("run gotags")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// A module whose package `pkg` embeds 4 KB, reached through `link -> pkg`.
fn linked_module() -> tempfile::TempDir {
    let t = tempfile::tempdir().expect("tempdir");
    write(
        t.path(),
        &[
            ("go.mod", "module example.com/l\n\ngo 1.21\n"),
            (
                "pkg/p.go",
                "package pkg\n\nimport _ \"embed\"\n\n//go:embed big.txt\nvar Big string\n",
            ),
            ("pkg/big.txt", &"x".repeat(4096)),
        ],
    );
    std::os::unix::fs::symlink("pkg", t.path().join("link")).expect("symlink");
    t
}

#[test]
fn a_directory_through_a_symlink_keeps_its_package() {
    let t = linked_module();
    let root = t.path();
    for args in [&["link"][..], &["-C", "link", "."][..], &["-C", "link"][..]] {
        let listed = gotags(&[&["list", "--json"][..], args].concat(), root);
        assert!(
            String::from_utf8_lossy(&listed.stdout)
                .contains("\"ImportPath\": \"example.com/l/pkg\""),
            "list {args:?}: {}",
            String::from_utf8_lossy(&listed.stderr)
        );
        let m = json(&gotags(
            &[
                &[
                    "matrix",
                    "--platforms",
                    "linux/amd64",
                    "--cgo",
                    "off",
                    "--format",
                    "json",
                ][..],
                args,
            ]
            .concat(),
            root,
        ));
        assert_eq!(
            m["dirs"].as_array().map(Vec::len),
            Some(1),
            "matrix {args:?}: {m}"
        );
        // The budget is exceeded by the package behind the link: exit 1, not a pass.
        let e = gotags(&[&["embed", "--budget", "1KB"][..], args].concat(), root);
        assert_eq!(
            e.status.code(),
            Some(1),
            "embed {args:?}: {}",
            String::from_utf8_lossy(&e.stdout)
        );
    }
    let e = gotags(&["embed", "--budget", "1MB", "link"], root);
    assert_eq!(e.status.code(), Some(0));
}

/// A repository of three modules without go.work: the root, a nested one and one under `_x`
/// (which `go work use -r` finds too); each has a finding (a malformed //go:build line).
fn repository() -> tempfile::TempDir {
    let t = tempfile::tempdir().expect("tempdir");
    let bad = |pkg: &str| format!("//go:build linux &&& amd64\n\npackage {pkg}\n");
    write(
        t.path(),
        &[
            ("go.mod", "module example.com/r\n\ngo 1.21\n"),
            ("a/a.go", &bad("a")),
            ("sub/go.mod", "module example.com/sub\n\ngo 1.22\n"),
            ("sub/s.go", &bad("sub")),
            ("_x/go.mod", "module example.com/x\n"),
            ("_x/x.go", &bad("x")),
        ],
    );
    t
}

#[test]
fn all_modules_reports_every_module_and_findings_name_theirs() {
    let t = repository();
    let root = t.path();
    let out = gotags(
        &[
            "check",
            "--all-modules",
            "--format",
            "json",
            "--platforms",
            "linux/amd64",
        ],
        root,
    );
    let diags = json(&out);
    let mut by_module: Vec<(String, String)> = diags
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["module"].as_str().unwrap_or("").to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    by_module.sort();
    by_module.dedup();
    assert_eq!(
        by_module,
        [
            ("example.com/r".to_string(), "a/a.go".to_string()),
            ("example.com/sub".to_string(), "sub/s.go".to_string()),
            ("example.com/x".to_string(), "_x/x.go".to_string()),
        ]
    );
    // Without --all-modules, ./... stays in the root module and findings carry no module.
    let one = json(&gotags(
        &["check", "--format", "json", "--platforms", "linux/amd64"],
        root,
    ));
    assert!(
        one.as_array()
            .expect("array")
            .iter()
            .all(|d| d.get("module").is_none() && d["file"] == "a/a.go"),
        "{one}"
    );

    let m = json(&gotags(
        &[
            "matrix",
            "--all-modules",
            "--platforms",
            "linux/amd64",
            "--cgo",
            "off",
            "--format",
            "json",
        ],
        root,
    ));
    let heads: Vec<(String, Value)> = m["modules"]
        .as_array()
        .expect("modules")
        .iter()
        .map(|x| {
            (
                x["module"].as_str().unwrap_or("").to_string(),
                x["go"].clone(),
            )
        })
        .collect();
    assert_eq!(
        heads,
        [
            ("example.com/r".to_string(), Value::from("1.21")),
            ("example.com/x".to_string(), Value::Null),
            ("example.com/sub".to_string(), Value::from("1.22")),
        ]
    );
    let listed = gotags(&["list", "--all-modules", "--json"], root);
    let text = String::from_utf8_lossy(&listed.stdout);
    for p in ["example.com/r/a", "example.com/sub", "example.com/x"] {
        assert!(
            text.contains(&format!("\"ImportPath\": \"{p}\"")),
            "{p}: {text}"
        );
    }
}

#[test]
fn a_broken_module_is_reported_and_the_others_run() {
    let t = repository();
    write(
        t.path(),
        &[(
            "sub/go.mod",
            "module example.com/sub\n\ngo 1.22\nrequire (\n",
        )],
    );
    let out = gotags(&["list", "--all-modules"], t.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("sub/go.mod:4"), "{err}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("example.com/r/a") && text.contains("example.com/x"),
        "{text}"
    );
}

#[test]
fn all_modules_in_a_workspace_follows_its_use_list() {
    let dir = common::corpus_dir().join("patterns/work");
    let m = json(&gotags(
        &[
            "matrix",
            "--all-modules",
            "--platforms",
            "linux/amd64",
            "--cgo",
            "off",
            "--format",
            "json",
        ],
        &dir,
    ));
    let names = common::field_strs(&m["modules"], "module");
    assert_eq!(
        names,
        ["example.com/a", "example.com/b", "example.com/u"],
        "{m}"
    );
}

#[test]
fn check_takes_files_directories_and_patterns_together() {
    let t = repository();
    let root = t.path();
    let out = gotags(
        &[
            "check",
            "--format",
            "json",
            "--platforms",
            "linux/amd64",
            "sub/s.go",
            "a",
            "./...",
        ],
        root,
    );
    let files: Vec<String> = json(&out)
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["file"].as_str().map(str::to_string))
        .collect();
    assert!(
        files.contains(&"sub/s.go".to_string()) && files.contains(&"a/a.go".to_string()),
        "{files:?}"
    );
    let missing = gotags(&["check", "./nope"], root);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("directory not found"));
}

/// A workspace whose modules `a` and `b` each hold a package and a `sub` package, each
/// with a `//go:generate` line and a `//go:embed`.
fn two_module_workspace() -> tempfile::TempDir {
    let t = tempfile::tempdir().expect("tempdir");
    let mut files: Vec<(String, String)> = vec![(
        "go.work".into(),
        "go 1.21\n\nuse (\n\t./a\n\t./b\n)\n".into(),
    )];
    for m in ["a", "b"] {
        files.push((
            format!("{m}/go.mod"),
            format!("module example.com/{m}\n\ngo 1.21\n"),
        ));
        for (dir, name) in [(m.to_string(), m), (format!("{m}/sub"), "sub")] {
            files.push((
                format!("{dir}/p.go"),
                format!(
                    "package {name}\n\nimport _ \"embed\"\n\n//go:generate echo gen-{dir}\n\n//go:embed f.txt\nvar F string\n"
                ),
            ));
            files.push((format!("{dir}/f.txt"), "hi\n".into()));
        }
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    write(t.path(), &refs);
    t
}

#[test]
fn workspace_packages_keep_list_order_in_every_command() {
    let t = two_module_workspace();
    let root = t.path();
    let pats = ["./b", "./a", "./b/sub"];
    let listed = gotags(&[&["list", "--json"][..], &pats].concat(), root);
    let order: Vec<String> = common::parse_stream(&String::from_utf8_lossy(&listed.stdout))
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p["ImportPath"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        order,
        ["example.com/b", "example.com/a", "example.com/b/sub"],
        "list: {}",
        String::from_utf8_lossy(&listed.stderr)
    );
    // matrix and embed report per module: modules in the order list prints their first
    // package, each module's packages in list's order.
    let m = json(&gotags(
        &[
            &[
                "matrix",
                "--format",
                "json",
                "--platforms",
                "linux/amd64",
                "--cgo",
                "off",
            ][..],
            &pats,
        ]
        .concat(),
        root,
    ));
    let modules = |v: &Value| -> Vec<String> {
        v["modules"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|m| m["module"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(modules(&m), ["example.com/b", "example.com/a"], "{m}");
    let dirs: Vec<&str> = m["modules"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|m| m["matrix"]["dirs"].as_array().into_iter().flatten())
        .filter_map(|d| d["import_path"].as_str())
        .collect();
    assert_eq!(
        dirs,
        ["example.com/b", "example.com/b/sub", "example.com/a"]
    );
    let e = json(&gotags(
        &[&["embed", "--format", "json"][..], &pats].concat(),
        root,
    ));
    assert_eq!(modules(&e), ["example.com/b", "example.com/a"], "{e}");
    // generate runs packages exactly in list's order, as go generate does.
    let g = gotags(&[&["generate"][..], &pats].concat(), root);
    let steps: Vec<String> = String::from_utf8_lossy(&g.stdout)
        .lines()
        .filter_map(|l| l.rsplit("echo ").next().map(str::to_string))
        .collect();
    assert_eq!(steps, ["gen-b", "gen-a", "gen-b/sub"], "generate");
}

#[test]
fn outside_every_module_each_command_reports_gos_pattern_errors() {
    let t = tempfile::tempdir().expect("tempdir");
    write(t.path(), &[("p/p.go", "package p\n")]);
    let root = t.path().canonicalize().expect("tempdir path");
    assert!(
        !root.ancestors().any(|a| a.join("go.mod").is_file()),
        "the temporary directory is inside a module"
    );
    for cmd in ["list", "matrix", "embed", "check", "generate"] {
        // A wildcard fails on its own, as go's does...
        let out = gotags(&[cmd, "./..."], &root);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            text.contains(
                "pattern ./...: directory prefix . does not contain main module or its selected dependencies"
            ),
            "{cmd} ./...: {text}"
        );
        assert_eq!(out.status.success(), cmd == "list", "{cmd} ./...: {text}");
        // ...a literal directory stops the run with go's go.mod message...
        let out = gotags(&[cmd, "./p"], &root);
        assert_eq!(out.status.code(), Some(2), "{cmd} ./p");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(
                "go.mod file not found in current directory or any parent directory; see 'go help modules'"
            ),
            "{cmd} ./p: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // ...and -C to a missing directory says chdir, as go does.
        let out = gotags(&[cmd, "-C", "nowhere", "./..."], &root);
        assert_eq!(out.status.code(), Some(2), "{cmd} -C nowhere");
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("chdir nowhere: no such file or directory"),
            "{cmd} -C nowhere: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
