//! The rough edges of daily use (issue 12), each pinned: check takes files, unreadable
//! directories are reported once and the run goes on, GT205 is opt-in, the summary counts
//! infos, check reports package load errors, one vocabulary of names and flags, colour,
//! "did you mean", eval's unknown-tag note, the man page, terminal width and `list --ignored`.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn gotags(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Output {
    gotags_as(None, args, cwd, env)
}

/// Runs gotags, optionally through a wrapper such as `setpriv` (to drop root).
fn gotags_as(wrapper: Option<&[&str]>, args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = match wrapper {
        Some(w) => {
            let mut c = Command::new(w[0]);
            c.args(&w[1..]).arg(env!("CARGO_BIN_EXE_gotags"));
            c
        }
        None => Command::new(env!("CARGO_BIN_EXE_gotags")),
    };
    cmd.args(args).current_dir(cwd);
    for (k, _) in std::env::vars() {
        if k.starts_with("GO")
            || k.starts_with("CGO_")
            || k == "NO_COLOR"
            || k == "CLICOLOR_FORCE"
            || k == "FORCE_COLOR"
            || k == "COLUMNS"
        {
            cmd.env_remove(k);
        }
    }
    cmd.env("GOOS", "linux")
        .env("GOARCH", "amd64")
        .env("CGO_ENABLED", "0");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run gotags")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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

fn codes(o: &Output) -> Vec<(String, String)> {
    stdout(o)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

const TWO_FINDINGS: &[(&str, &[u8])] = &[
    ("a/x.go", b"//go:build linux &&& amd64\n\npackage a\n"),
    ("a/y.go", b"//go:build linux &&& arm64\n\npackage a\n"),
    ("b/z.go", b"//go:build linux &&& 386\n\npackage b\n"),
];

#[test]
fn check_takes_files_and_reports_only_theirs() {
    let m = module(TWO_FINDINGS);
    let all = gotags(
        &["check", "--format", "json-lines", "--exit-zero"],
        m.path(),
        &[],
    );
    let files: Vec<String> = codes(&all).into_iter().map(|c| c.1).collect();
    assert!(
        files.contains(&"a/x.go".to_string()) && files.contains(&"b/z.go".to_string()),
        "{files:?}"
    );
    let one = gotags(
        &[
            "check",
            "--format",
            "json-lines",
            "--exit-zero",
            "a/x.go",
            "b/z.go",
        ],
        m.path(),
        &[],
    );
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    let files: Vec<String> = codes(&one).into_iter().map(|c| c.1).collect();
    assert!(!files.is_empty());
    assert!(
        files.iter().all(|f| f == "a/x.go" || f == "b/z.go"),
        "{files:?}"
    );
    // Directories and files together.
    let mixed = gotags(
        &[
            "check",
            "--format",
            "json-lines",
            "--exit-zero",
            "b",
            "a/y.go",
        ],
        m.path(),
        &[],
    );
    let files: Vec<String> = codes(&mixed).into_iter().map(|c| c.1).collect();
    assert!(
        files.iter().any(|f| f == "a/y.go") && files.iter().any(|f| f == "b/z.go"),
        "{files:?}"
    );
    assert!(!files.iter().any(|f| f == "a/x.go"), "{files:?}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_is_reported_once_in_one_wording_and_every_command_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    // Root reads mode-000 directories; drop to nobody for the runs when that is possible.
    const DROP: &[&str] = &[
        "setpriv",
        "--reuid",
        "65534",
        "--regid",
        "65534",
        "--clear-groups",
    ];
    let wrapper = if is_root() {
        let works = Command::new(DROP[0])
            .args(&DROP[1..])
            .arg("true")
            .status()
            .is_ok_and(|s| s.success());
        if !works {
            println!("skipped: running as root without setpriv to drop privileges");
            return;
        }
        Some(DROP)
    } else {
        None
    };
    let m = module(&[
        ("a/a.go", b"//go:build linux &&& amd64\n\npackage a\n"),
        ("locked/l.go", b"package locked\n"),
    ]);
    let locked = m.path().join("locked");
    for d in [m.path().to_path_buf(), m.path().join("a")] {
        fs::set_permissions(&d, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    let mut wordings = Vec::new();
    for args in [
        &["list"][..],
        &["matrix"][..],
        &["embed"][..],
        &["generate"][..],
        &["check", "--exit-zero", "--format", "concise"][..],
    ] {
        let out = gotags_as(wrapper, args, m.path(), &[]);
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().filter(|l| l.contains("locked")).collect();
        assert_eq!(lines.len(), 1, "gotags {args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "gotags {args:?}: {err}");
        wordings.push(lines[0].to_string());
        if args[0] == "check" {
            assert!(
                stdout(&out).contains("a/a.go"),
                "check went on: {}",
                stdout(&out)
            );
        }
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert!(wordings.windows(2).all(|w| w[0] == w[1]), "{wordings:#?}");
}

#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn gt205_is_opt_in_and_follows_gt207s_advice() {
    let m = module(&[
        ("p/x_linux.go", b"//go:build linux\n\npackage p\n"),
        ("p/x_windows.go", b"package p\n"),
        ("q/only_linux.go", b"//go:build linux\n\npackage q\n"),
        ("q/q.go", b"package q\n"),
    ]);
    let plain = gotags(&["check", "--format", "json-lines"], m.path(), &[]);
    assert!(
        !codes(&plain).iter().any(|c| c.0 == "GT205"),
        "{}",
        stdout(&plain)
    );
    for enable in [
        &["--enable", "GT205"][..],
        &["--enable", "constraint-repeats-filename"][..],
        &["--select", "GT205"][..],
    ] {
        let mut args = vec!["check", "--format", "json-lines"];
        args.extend_from_slice(enable);
        let on = gotags(&args, m.path(), &[]);
        let found = codes(&on);
        // Reported where a sibling is platform-specific, not on the package's only one.
        assert!(
            found.contains(&("GT205".into(), "p/x_linux.go".into())),
            "{enable:?}: {found:?}"
        );
        assert!(
            !found.iter().any(|c| c.1 == "q/only_linux.go"),
            "{enable:?}: {found:?}"
        );
    }
    let toml = module(&[
        ("gotags.toml", b"[check]\nenable = [\"GT205\"]\n"),
        ("p/x_linux.go", b"//go:build linux\n\npackage p\n"),
        ("p/x_windows.go", b"package p\n"),
    ]);
    let on = gotags(&["check", "--format", "json-lines"], toml.path(), &[]);
    assert!(codes(&on).iter().any(|c| c.0 == "GT205"), "{}", stdout(&on));
    let list = gotags(&["check", "--explain"], m.path(), &[]);
    assert!(
        stdout(&list)
            .lines()
            .any(|l| l.starts_with("GT205") && l.contains("off by default")),
        "{}",
        stdout(&list)
    );
}

#[test]
fn the_summary_line_counts_infos_and_severity_is_info_everywhere() {
    let m = module(&[
        ("p/x_linux.go", b"//go:build linux\n\npackage p\n"),
        ("p/x_windows.go", b"package p\n"),
    ]);
    let full = gotags(
        &["check", "--enable", "GT205", "--color", "never"],
        m.path(),
        &[],
    );
    let text = stdout(&full);
    assert!(text.contains("info[GT205]"), "{text}");
    assert!(!text.contains("note[GT205]"), "{text}");
    assert!(text.contains("1 info)"), "{text}");
    let concise = gotags(
        &["check", "--enable", "GT205", "--format", "concise"],
        m.path(),
        &[],
    );
    assert!(
        stdout(&concise).contains(": info[GT205]"),
        "{}",
        stdout(&concise)
    );
    let github = gotags(
        &["check", "--enable", "GT205", "--format", "github"],
        m.path(),
        &[],
    );
    assert!(stdout(&github).contains("(info)"), "{}", stdout(&github));
    let sarif = gotags(
        &["check", "--enable", "GT205", "--format", "sarif"],
        m.path(),
        &[],
    );
    let doc: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("SARIF JSON");
    assert_eq!(
        doc["runs"][0]["results"][0]["properties"]["severity"],
        "info"
    );
}

#[test]
fn check_reports_the_load_errors_list_shows() {
    let m = module(&[
        ("bin/a.go", b"package bin\n"),
        ("bin/x.go", b"\x7fELF\x00\x01\x02binary"),
        ("two/a.go", b"package a\n"),
        ("two/b.go", b"package b\n"),
    ]);
    let out = gotags(&["check", "--format", "json-lines"], m.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let found = codes(&out);
    assert!(
        found.contains(&("GT601".into(), "bin/x.go".into())),
        "{text}"
    );
    assert!(
        found.contains(&("GT601".into(), "two/b.go".into())),
        "{text}"
    );
    assert!(text.contains("unexpected NUL in input"), "{text}");
    assert!(
        text.contains("found packages a (a.go) and b (b.go)"),
        "{text}"
    );
}

#[test]
fn rule_names_work_wherever_codes_do() {
    let m = module(TWO_FINDINGS);
    let by_code = gotags(&["check", "--explain", "GT101"], m.path(), &[]);
    let by_name = gotags(
        &["check", "--explain", "build-constraint-syntax"],
        m.path(),
        &[],
    );
    assert_eq!(by_name.status.code(), Some(0), "{}", stderr(&by_name));
    assert_eq!(stdout(&by_code), stdout(&by_name));
    let sel = gotags(
        &[
            "check",
            "--format",
            "json-lines",
            "--exit-zero",
            "--select",
            "build-constraint-syntax",
        ],
        m.path(),
        &[],
    );
    let found = codes(&sel);
    assert!(
        !found.is_empty() && found.iter().all(|c| c.0 == "GT101"),
        "{found:?}"
    );
}

#[test]
fn tag_flags_mean_the_same_in_check_and_matrix() {
    let m = module(&[
        ("a/a.go", b"package a\n"),
        (
            "a/i.go",
            b"//go:build integration\n\npackage a\n\nfunc F() { G() }\n",
        ),
    ]);
    let check = gotags(
        &[
            "check",
            "--platforms",
            "linux/amd64",
            "--tags-sets",
            ";integration",
            "--format",
            "json",
            "--exit-zero",
        ],
        m.path(),
        &[],
    );
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let one = gotags(
        &[
            "matrix",
            "--platforms",
            "linux/amd64",
            "--tags",
            "integration",
            "--format",
            "json",
        ],
        m.path(),
        &[],
    );
    let sets = gotags(
        &[
            "matrix",
            "--platforms",
            "linux/amd64",
            "--tags-sets",
            "integration",
            "--format",
            "json",
        ],
        m.path(),
        &[],
    );
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(stdout(&one), stdout(&sets));
    let both = gotags(
        &["matrix", "--tags", "x", "--tags-sets", "y"],
        m.path(),
        &[],
    );
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn matrix_explain_speaks_json_when_asked() {
    let m = module(&[
        ("a/a.go", b"package a\n"),
        ("a/w_windows.go", b"package a\n"),
    ]);
    let out = gotags(
        &[
            "matrix",
            "--platforms",
            "linux/amd64,windows/amd64",
            "--cgo",
            "off",
            "--explain",
            "a/w_windows.go",
            "--format",
            "json",
        ],
        m.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["file"], "a/w_windows.go");
    let groups = doc["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), 2, "{doc:#}");
    assert_eq!(groups[0]["compiled"], true);
    assert_eq!(groups[0]["labels"][0], "windows/amd64");
    assert_eq!(groups[1]["reason"]["kind"], "file-name");
}

#[test]
fn embed_takes_platforms_like_the_others() {
    let m = module(&[
        (
            "a/a.go",
            b"package a\n\nimport _ \"embed\"\n\n//go:embed x.txt\nvar s string\n",
        ),
        ("a/x.txt", b"hello"),
    ]);
    let new = gotags(
        &["embed", "--platforms", "all", "--format", "json"],
        m.path(),
        &[],
    );
    let old = gotags(
        &["embed", "--all-platforms", "--format", "json"],
        m.path(),
        &[],
    );
    assert_eq!(new.status.code(), Some(0), "{}", stderr(&new));
    assert_eq!(stdout(&new), stdout(&old));
    let two = gotags(
        &[
            "embed",
            "--platforms",
            "linux/amd64,windows/arm64",
            "--format",
            "json",
        ],
        m.path(),
        &[],
    );
    assert_eq!(two.status.code(), Some(0), "{}", stderr(&two));
    let bad = gotags(&["embed", "--platforms", "linx/amd64"], m.path(), &[]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("did you mean linux?"),
        "{}",
        stderr(&bad)
    );
    let help = gotags(&["embed", "--help"], m.path(), &[]);
    assert!(
        !stdout(&help).contains("all-platforms"),
        "hidden alias shown"
    );
}

#[test]
fn colour_follows_the_flag_and_the_conventions() {
    let m = module(TWO_FINDINGS);
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut a = vec!["check", "--exit-zero"];
        a.extend_from_slice(args);
        gotags(&a, m.path(), env)
    };
    assert!(!esc(&run(&[], &[])), "not a terminal: no colour");
    assert!(esc(&run(&["--color", "always"], &[])));
    assert!(!esc(&run(&["--color", "never"], &[("FORCE_COLOR", "1")])));
    assert!(esc(&run(&[], &[("CLICOLOR_FORCE", "1")])));
    assert!(esc(&run(&[], &[("FORCE_COLOR", "1")])));
    assert!(!esc(&run(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")])));
    assert!(
        esc(&run(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "")])),
        "empty NO_COLOR is unset"
    );
    // The flag is global: before the subcommand too, and on matrix.
    let m2 = gotags(&["--color", "always", "matrix"], m.path(), &[]);
    assert!(esc(&m2), "{}", stderr(&m2));
}

#[test]
fn misspelt_platforms_get_a_suggestion_and_eval_notes_unknown_tags() {
    let m = module(&[("a.go", b"package a\n")]);
    let out = gotags(&["list", "--goos", "linx"], m.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean linux?"),
        "{}",
        stderr(&out)
    );
    let out = gotags(&["list", "--goarch", "amd46"], m.path(), &[]);
    assert!(
        stderr(&out).contains("did you mean amd64?"),
        "{}",
        stderr(&out)
    );
    let out = gotags(&["eval", "linx"], m.path(), &[]);
    assert_eq!(stdout(&out), "false\n", "the answer stays Go's");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("`linx` is no known"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("did you mean linux?"),
        "{}",
        stderr(&out)
    );
    let out = gotags(
        &[
            "eval",
            "--tags",
            "integration",
            "linux && integration && go1.21",
        ],
        m.path(),
        &[],
    );
    assert_eq!(stdout(&out), "true\n");
    assert_eq!(stderr(&out), "", "known tags are quiet");
}

#[test]
fn the_man_page_documents_every_subcommand_its_options_and_exit_codes() {
    let m = module(&[]);
    let page = stdout(&gotags(&["man"], m.path(), &[]));
    for sub in [
        "list",
        "eval",
        "matrix",
        "embed",
        "generate",
        "check",
        "init",
        "completions",
        "man",
    ] {
        assert!(
            page.contains(&format!(".SS \"gotags {sub}\"")),
            "{sub} missing"
        );
    }
    for option in [
        "\\-\\-platforms",
        "\\-\\-tags\\-sets",
        "\\-\\-exit\\-zero",
        "\\-\\-budget",
        "\\-\\-goos",
        "\\-\\-summary",
    ] {
        assert!(page.contains(option), "{option} missing");
    }
    assert!(page.contains(".SH \"EXIT STATUS\""));
    for code in ["\n0\n", "\n1\n", "\n2\n"] {
        assert!(page.contains(code), "exit status {code:?} missing");
    }
}

#[test]
fn widths_come_from_the_terminal_and_ignored_files_are_behind_a_flag() {
    let files: Vec<(String, Vec<u8>)> = (0..30)
        .map(|i| (format!("p/file_number_{i:02}.go"), b"package p\n".to_vec()))
        .chain([("p/z_windows.go".to_string(), b"package p\n".to_vec())])
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let m = module(&refs);
    let narrow = gotags(&["list"], m.path(), &[("COLUMNS", "60")]);
    let text = stdout(&narrow);
    assert!(text.lines().count() > 4, "{text}");
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 60 || !l.contains(' ')),
        "{text}"
    );
    let piped = gotags(&["list"], m.path(), &[]);
    assert!(
        stdout(&piped).lines().any(|l| l.chars().count() > 200),
        "scripts get one line"
    );
    assert!(stdout(&piped).contains("ignored        z_windows.go: file name requires windows"));
    let count = gotags(&["list", "--ignored", "count"], m.path(), &[]);
    assert!(
        stdout(&count).contains("ignored        1 file (--ignored list shows why)"),
        "{}",
        stdout(&count)
    );
    let hide = gotags(&["list", "--ignored", "hide"], m.path(), &[]);
    assert!(!stdout(&hide).contains("ignored"), "{}", stdout(&hide));
    let table = gotags(&["matrix"], m.path(), &[("COLUMNS", "50")]);
    assert!(
        stdout(&table)
            .lines()
            .all(|l| l.chars().count() <= 50 || !l.trim().contains(' ')),
        "{}",
        stdout(&table)
    );
    let wide = gotags(&["matrix"], m.path(), &[("COLUMNS", "300")]);
    assert!(
        stdout(&wide).lines().any(|l| l.chars().count() > 100),
        "{}",
        stdout(&wide)
    );
}

#[test]
fn matrix_summary_has_groups_and_gaps_but_no_file_lists() {
    let m = module(&[
        ("a/a.go", b"package a\n"),
        ("a/w_windows.go", b"package a\n"),
        ("b/b.go", b"package b\n"),
    ]);
    let full = stdout(&gotags(&["matrix"], m.path(), &[]));
    let summary = stdout(&gotags(&["matrix", "--summary"], m.path(), &[]));
    assert!(full.contains("w_windows.go"), "{full}");
    assert!(!summary.contains("w_windows.go"), "{summary}");
    assert!(summary.contains("Gaps ("), "{summary}");
    assert!(summary.contains("configurations"), "{summary}");
    let only_b = stdout(&gotags(&["matrix", "--package", "m/b"], m.path(), &[]));
    assert!(
        only_b.contains("example.com/m/b") && !only_b.contains("example.com/m/a\n"),
        "{only_b}"
    );
}
