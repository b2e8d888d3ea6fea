//! Hostile trees: what a repository can throw at gotags besides bad Go. 100,000 files in one
//! directory, directories nested 1,500 deep, names with newlines, tabs, invalid UTF-8, a
//! leading `-` or 255 bytes, dangling and looping symlinks, a FIFO and a socket named `x.go`,
//! entries deleted while the walk runs, unreadable entries and a sparse 1 GiB `.go` file.
//!
//! Every command (list, matrix, embed, check, generate) must finish with its usual exit status,
//! print valid JSON in its JSON format, say what went wrong with a path (never a panic), keep
//! its peak RSS under 1 GiB (measured with `/usr/bin/time` when present) and leave the tree
//! exactly as it was. Timings are measured outside the tests, never asserted.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ONE_GIB_KB: u64 = 1024 * 1024;

/// A run that took longer than this is a hang (not a timing assertion: the slowest healthy
/// run here is well under a tenth of it, even on a loaded machine).
const HANG: Duration = Duration::from_secs(600);

struct Run {
    status: i32,
    stdout: Vec<u8>,
    stderr: String,
    /// Peak resident set in KiB, when `/usr/bin/time` is available.
    max_rss_kb: Option<u64>,
}

fn time_bin() -> Option<&'static Path> {
    let p = Path::new("/usr/bin/time");
    p.exists().then_some(p)
}

/// Runs gotags in `cwd` with a clean Go environment, killing it (and failing) if it hangs.
fn gotags(args: &[&str], cwd: &Path) -> Run {
    let rss_file = tempfile::NamedTempFile::new().expect("rss file");
    let mut cmd = match time_bin() {
        Some(t) => {
            let mut c = Command::new(t);
            c.arg("-f")
                .arg("%M")
                .arg("-o")
                .arg(rss_file.path())
                .arg(env!("CARGO_BIN_EXE_gotags"));
            c
        }
        None => Command::new(env!("CARGO_BIN_EXE_gotags")),
    };
    cmd.args(args).current_dir(cwd);
    for (k, _) in std::env::vars() {
        if k.starts_with("GO") || k.starts_with("CGO_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("GOOS", "linux")
        .env("GOARCH", "amd64")
        .env("CGO_ENABLED", "1")
        .env("GOFLAGS", "")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn gotags");
    // Drain both pipes on threads so a large output cannot block the child.
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out_pipe, &mut v).map(|_| v)
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err_pipe, &mut v).map(|_| v)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("gotags {args:?} hung in {}", cwd.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = out_t.join().expect("join").expect("read stdout");
    let stderr = err_t.join().expect("join").expect("read stderr");
    let mut stderr = String::from_utf8_lossy(&stderr).into_owned();
    let max_rss_kb = time_bin().and_then(|_| {
        let text = fs::read_to_string(rss_file.path()).ok()?;
        // `time` prefixes "Command exited with non-zero status N" when the child fails.
        text.lines().last()?.trim().parse().ok()
    });
    if time_bin().is_some() {
        // `time` passes the child's status through.
        stderr = stderr
            .lines()
            .filter(|l| !l.starts_with("Command exited with non-zero status"))
            .collect::<Vec<_>>()
            .join("\n");
    }
    Run {
        status: status.code().unwrap_or(-1),
        stdout,
        stderr,
        max_rss_kb,
    }
}

/// One entry of a tree snapshot: type, size, permissions, modification time and link target.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    kind: &'static str,
    size: u64,
    mode: u32,
    mtime_ns: i128,
    link: Option<PathBuf>,
}

/// Everything under `root`, without following symlinks.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let path = e.path();
            let Ok(m) = fs::symlink_metadata(&path) else {
                continue;
            };
            let ft = m.file_type();
            let kind = if ft.is_symlink() {
                "symlink"
            } else if ft.is_dir() {
                "dir"
            } else if ft.is_file() {
                "file"
            } else {
                "special"
            };
            if ft.is_dir() {
                stack.push(path.clone());
            }
            out.insert(
                path.clone(),
                Entry {
                    kind,
                    size: if ft.is_dir() { 0 } else { m.len() },
                    mode: m.mode(),
                    mtime_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
                    link: ft
                        .is_symlink()
                        .then(|| fs::read_link(&path).unwrap_or_default()),
                },
            );
        }
    }
    out
}

fn module_at(root: &Path) {
    fs::write(root.join("go.mod"), "module example.com/m\n\ngo 1.23\n").expect("go.mod");
}

/// Every JSON value in a stream (`list --json`) or document (the other commands).
fn json_values(run: &Run, what: &str) -> Vec<serde_json::Value> {
    let text = std::str::from_utf8(&run.stdout)
        .unwrap_or_else(|e| panic!("{what}: stdout is not UTF-8: {e}"));
    serde_json::Deserializer::from_str(text)
        .into_iter::<serde_json::Value>()
        .map(|v| v.unwrap_or_else(|e| panic!("{what}: invalid JSON: {e}\n{text:.2000}")))
        .collect()
}

/// The commands and the exit statuses their rules allow on a tree with no budgets and no
/// generate directive errors: list/matrix/embed exit 0 (problems live in the output), check
/// exits 0 or 1 (1 exactly when it reports an error-level finding), generate exits 0 or 1
/// (1 exactly when a directive error is reported).
const COMMANDS: &[(&str, &[&str])] = &[
    ("list", &["list", "--json"]),
    ("list-test", &["list", "--json", "--test"]),
    ("list-text", &["list"]),
    ("matrix", &["matrix", "--format", "json"]),
    ("embed", &["embed", "--format", "json"]),
    ("check", &["check", "--format", "json"]),
    ("check-text", &["check"]),
    ("generate", &["generate", "--format", "json"]),
];

struct Expect {
    /// Commands to run (names from `COMMANDS`); empty means all.
    only: &'static [&'static str],
}

const ALL: Expect = Expect { only: &[] };

/// Runs the commands over the module at `root`, checking the promises common to every tree.
/// Returns the runs by name for tree-specific checks.
fn run_all(root: &Path, expect: Expect) -> BTreeMap<&'static str, Run> {
    let before = snapshot(root);
    let mut runs = BTreeMap::new();
    for (name, args) in COMMANDS {
        if !expect.only.is_empty() && !expect.only.contains(name) {
            continue;
        }
        let run = gotags(args, root);
        let what = format!("gotags {}", args.join(" "));
        assert!(
            !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
            "{what} panicked:\n{}",
            run.stderr
        );
        if let Some(kb) = run.max_rss_kb {
            assert!(kb < ONE_GIB_KB, "{what}: peak RSS {kb} KiB");
            eprintln!("{what}: peak RSS {kb} KiB");
        }
        // `check` treats a walk problem (an unreadable or vanished directory) as an I/O
        // failure: exit 2 with the path on stderr, and no report.
        if name.starts_with("check") && run.status == 2 {
            assert!(run.stderr.contains('/'), "{what}: exit 2 without a path");
            runs.insert(*name, run);
            continue;
        }
        let json = args.contains(&"json") || args.contains(&"--json");
        if json {
            let values = json_values(&run, &what);
            assert!(!values.is_empty(), "{what}: no JSON on stdout");
        }
        match *name {
            "list" | "list-test" | "list-text" | "matrix" | "embed" => {
                assert_eq!(run.status, 0, "{what}: exit status\n{}", run.stderr);
            }
            "check" => {
                let values = json_values(&run, &what);
                let errors = count_key_value(&values, "severity", "error");
                assert_eq!(
                    run.status,
                    i32::from(errors > 0),
                    "{what}: exit status with {errors} error-level findings\n{}",
                    run.stderr
                );
            }
            "check-text" => assert!(
                run.status == 0 || run.status == 1,
                "{what}: exit status {}\n{}",
                run.status,
                run.stderr
            ),
            "generate" => {
                let values = json_values(&run, &what);
                let errors = count_key(&values, "error");
                assert_eq!(
                    run.status,
                    i32::from(errors > 0),
                    "{what}: exit status with {errors} directive errors\n{}",
                    run.stderr
                );
            }
            _ => {}
        }
        // Every problem line on stderr says which path it is about.
        for line in run.stderr.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                line.contains('/') || line.contains(".go"),
                "{what}: a problem without a path: {line:?}"
            );
        }
        runs.insert(*name, run);
    }
    let after = snapshot(root);
    assert!(
        before == after,
        "gotags changed the tree under {}",
        root.display()
    );
    runs
}

/// How many objects anywhere in `values` have `key`.
fn count_key(values: &[serde_json::Value], key: &str) -> usize {
    let mut n = 0;
    let mut stack: Vec<&serde_json::Value> = values.iter().collect();
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                n += usize::from(m.contains_key(key));
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    n
}

/// How many objects anywhere in `values` have `key` set to the string `want`.
fn count_key_value(values: &[serde_json::Value], key: &str, want: &str) -> usize {
    let mut n = 0;
    let mut stack: Vec<&serde_json::Value> = values.iter().collect();
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if m.get(key).and_then(|x| x.as_str()) == Some(want) {
                    n += 1;
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    n
}

fn go_file(pkg: &str, body: &str) -> Vec<u8> {
    format!("package {pkg}\n\n{body}\n").into_bytes()
}

/// Writes `n` files into `dir`: a mix of plain files, `//go:build` headers, GOOS/GOARCH
/// suffixes, tests, `//go:generate` lines, an embed, and declarations that differ by platform.
fn many_files(dir: &Path, n: usize) {
    fs::create_dir_all(dir).expect("mkdir");
    fs::write(dir.join("asset.txt"), "x").expect("asset");
    fs::write(
        dir.join("embed.go"),
        "package p\n\nimport _ \"embed\"\n\n//go:embed asset.txt\nvar asset string\n",
    )
    .expect("embed.go");
    for i in 0..n {
        let (name, header) = match i % 10 {
            1 => (format!("f{i:06}.go"), "//go:build linux\n\n"),
            2 => (format!("f{i:06}_windows.go"), ""),
            3 => (
                format!("f{i:06}.go"),
                "//go:build !cgo || (darwin && arm64)\n\n",
            ),
            4 => (format!("f{i:06}_test.go"), ""),
            6 => (format!("f{i:06}_arm64.go"), ""),
            _ => (format!("f{i:06}.go"), ""),
        };
        let generate = if i % 10 == 5 {
            format!("//go:generate echo gen{i}\n\n")
        } else {
            String::new()
        };
        let body = format!(
            "{header}package p\n\n{generate}func F{i:06}() int {{ return {i} }}\n\nvar V{i:06} = F{i:06}()\n"
        );
        fs::write(dir.join(name), body).expect("write");
    }
}

#[test]
fn one_hundred_thousand_files_in_one_directory() {
    let tmp = tempfile::tempdir().expect("tempdir");
    module_at(tmp.path());
    let n = std::env::var("GOTAGS_HOSTILE_FILES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map_or(100_000, |n| n / 10 * 10);
    let started = Instant::now();
    many_files(&tmp.path().join("p"), n);
    eprintln!("wrote {n} files in {:?}", started.elapsed());
    let runs = run_all(tmp.path(), ALL);
    let list = json_values(&runs["list"], "list");
    let p = list
        .iter()
        .find(|v| v["ImportPath"] == "example.com/m/p")
        .expect("package p listed");
    let go_files = p["GoFiles"].as_array().map_or(0, Vec::len);
    // linux/amd64 with cgo: embed.go and every file but the _windows, _arm64, _test and
    // `!cgo` ones, six in ten.
    assert_eq!(go_files, 1 + n / 10 * 6);
    let generate = json_values(&runs["generate"], "generate");
    assert_eq!(count_key(&generate, "args"), n / 10);
}

/// One file with 20,000 `//go:embed` directives: each directive's variable is looked up in
/// one token scan of the file (it was one scan per directive: `list` took 76 s on this file,
/// measured outside the test, now well under a second).
#[test]
fn twenty_thousand_embed_directives_in_one_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    module_at(tmp.path());
    let n = 20_000;
    let mut body = String::from("import _ \"embed\"\n");
    for i in 0..n {
        body.push_str(&format!("\n//go:embed a.txt\nvar v{i} string\n"));
    }
    fs::write(tmp.path().join("p.go"), go_file("p", &body)).expect("p.go");
    fs::write(tmp.path().join("a.txt"), "a").expect("a.txt");
    let runs = run_all(tmp.path(), ALL);
    let list = json_values(&runs["list"], "list");
    assert_eq!(list.len(), 1, "one package");
    assert_eq!(list[0]["EmbedFiles"], serde_json::json!(["a.txt"]));
    assert_eq!(
        list[0]["EmbedPatterns"],
        serde_json::json!(["a.txt"]),
        "patterns de-duplicated"
    );
    let embed = json_values(&runs["embed"], "embed");
    let vars = embed[0]["variables"].as_array().map_or(0, Vec::len);
    assert_eq!(vars, n, "every directive's variable is reported");
    assert_eq!(embed[0]["variables"][n - 1]["name"], format!("v{}", n - 1));
}

#[test]
fn directories_nested_1500_deep() {
    let tmp = tempfile::tempdir().expect("tempdir");
    module_at(tmp.path());
    let mut dir = tmp.path().to_path_buf();
    for depth in 0..1500 {
        dir.push("d");
        fs::create_dir(&dir).expect("mkdir");
        if depth % 100 == 99 || depth == 1499 {
            fs::write(dir.join("a.go"), go_file("d", "func A() {}")).expect("write");
        }
    }
    let runs = run_all(tmp.path(), ALL);
    let list = json_values(&runs["list"], "list");
    let deepest = format!("example.com/m{}", "/d".repeat(1500));
    assert!(
        list.iter().any(|v| v["ImportPath"] == deepest.as_str()),
        "the deepest package is listed"
    );
    assert_eq!(list.len(), 15);
}

fn write_name(dir: &Path, name: &[u8], body: &[u8]) {
    fs::write(dir.join(OsStr::from_bytes(name)), body).expect("write odd name");
}

#[test]
fn names_with_newlines_tabs_invalid_utf8_dashes_and_255_bytes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    module_at(tmp.path());
    let p = tmp.path().join("p");
    fs::create_dir(&p).expect("mkdir");
    let long = format!("{}.go", "a".repeat(252));
    assert_eq!(long.len(), 255);
    let names: Vec<&[u8]> = vec![
        b"new\nline.go",
        b"tab\there.go",
        b"inv\xffalid.go",
        b"inv\xfealid.go",
        b"-leading.go",
        b"--json.go",
        long.as_bytes(),
        b"ok.go",
    ];
    for n in &names {
        write_name(&p, n, &go_file("p", ""));
    }
    // The same names as directories holding a package each.
    for (i, n) in names.iter().enumerate() {
        let mut dn = n[..n.len().min(240)].to_vec();
        dn.extend_from_slice(format!(".dir{i}").as_bytes());
        let d = p.join(OsStr::from_bytes(&dn));
        fs::create_dir(&d).expect("mkdir odd dir");
        fs::write(d.join("x.go"), go_file("q", "")).expect("write");
    }
    let runs = run_all(tmp.path(), ALL);
    let list = json_values(&runs["list"], "list");
    let pkg = list
        .iter()
        .find(|v| v["ImportPath"] == "example.com/m/p")
        .expect("package p");
    let mut listed: Vec<String> = ["GoFiles", "InvalidGoFiles", "IgnoredGoFiles"]
        .iter()
        .flat_map(|k| pkg[k].as_array().cloned().unwrap_or_default())
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    listed.sort();
    // Every file is seen once (JSON has no invalid UTF-8: both such names print with U+FFFD).
    assert_eq!(listed.len(), names.len(), "{listed:?}");
    // A file that can be read is never reported as unreadable: both invalid-UTF-8 names are
    // opened by their real bytes.
    let gofiles = pkg["GoFiles"].as_array().map_or(0, Vec::len);
    assert_eq!(gofiles, names.len(), "{pkg:#}");
}

#[cfg(unix)]
#[test]
fn dangling_and_looping_symlinks() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("tempdir");
    module_at(tmp.path());
    let p = tmp.path().join("p");
    fs::create_dir(&p).expect("mkdir");
    fs::write(p.join("ok.go"), go_file("p", "")).expect("write");
    symlink("nowhere.go", p.join("dangling.go")).expect("symlink");
    symlink("self.go", p.join("self.go")).expect("symlink");
    symlink("b.go", p.join("a.go")).expect("symlink");
    symlink("a.go", p.join("b.go")).expect("symlink");
    symlink("..", p.join("up")).expect("symlink");
    symlink(".", p.join("here")).expect("symlink");
    symlink("/proc/self/root", p.join("root")).expect("symlink");
    let runs = run_all(tmp.path(), ALL);
    let list = json_values(&runs["list"], "list");
    let pkg = list
        .iter()
        .find(|v| v["ImportPath"] == "example.com/m/p")
        .expect("package p");
    let text = pkg.to_string();
    // go list reports the first error only; every broken link is among the invalid files.
    let invalid: Vec<&str> = pkg["InvalidGoFiles"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    for name in ["a.go", "b.go", "dangling.go", "self.go"] {
        assert!(invalid.contains(&name), "{name} not invalid: {pkg:#}");
    }
    assert!(
        text.contains("too many levels of symbolic links"),
        "{pkg:#}"
    );
    // Directory symlinks are not walked: no package appears through `up`, `here` or `root`.
    assert!(
        list.iter().all(|v| {
            let ip = v["ImportPath"].as_str().unwrap_or("");
            !ip.contains("/up") && !ip.contains("/here") && !ip.contains("/root")
        }),
        "a directory symlink was followed"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_and_a_socket_named_x_go() {
    let tmp = tempfile::tempdir().expect("tempdir");
    module_at(tmp.path());
    let fifo_dir = tmp.path().join("fifo");
    let sock_dir = tmp.path().join("sock");
    fs::create_dir(&fifo_dir).expect("mkdir");
    fs::create_dir(&sock_dir).expect("mkdir");
    fs::write(fifo_dir.join("ok.go"), go_file("fifo", "")).expect("write");
    fs::write(sock_dir.join("ok.go"), go_file("sock", "")).expect("write");
    let made = Command::new("mkfifo")
        .arg(fifo_dir.join("x.go"))
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !made {
        eprintln!("skipping the FIFO: mkfifo failed");
        fs::remove_dir_all(&fifo_dir).expect("rm");
    }
    // The listener is dropped at once; the socket file stays.
    drop(std::os::unix::net::UnixListener::bind(sock_dir.join("x.go")).expect("bind socket"));
    let runs = run_all(tmp.path(), ALL);
    let list = json_values(&runs["list"], "list");
    for d in ["fifo", "sock"] {
        if d == "fifo" && !made {
            continue;
        }
        let ip = format!("example.com/m/{d}");
        let pkg = list
            .iter()
            .find(|v| v["ImportPath"] == ip.as_str())
            .expect("package listed");
        assert!(
            pkg.to_string().contains("x.go"),
            "{d}/x.go is not mentioned: {pkg:#}"
        );
    }
}

#[test]
fn a_sparse_one_gib_go_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    module_at(tmp.path());
    let p = tmp.path().join("p");
    fs::create_dir(&p).expect("mkdir");
    fs::write(p.join("ok.go"), go_file("p", "//go:generate echo ok")).expect("write");
    // A valid header, then a hole of NUL bytes up to 1 GiB.
    let big = p.join("big.go");
    fs::write(
        &big,
        go_file("p", "//go:generate echo big\n\nfunc Big() {}"),
    )
    .expect("write");
    let f = fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .expect("open big");
    f.set_len(1 << 30).expect("set_len");
    drop(f);
    // And one whose header itself runs into the hole.
    let holey = p.join("holey.go");
    fs::write(&holey, b"package p\n\n// a comment without end").expect("write");
    let f = fs::OpenOptions::new()
        .write(true)
        .open(&holey)
        .expect("open holey");
    f.set_len(1 << 30).expect("set_len");
    drop(f);
    let runs = run_all(tmp.path(), ALL);
    let list = json_values(&runs["list"], "list");
    assert!(list.iter().any(|v| v["ImportPath"] == "example.com/m/p"));
}

/// `chmod 000` means nothing to root; the unreadable cases need an ordinary user.
fn permissions_apply(dir: &Path) -> bool {
    let probe = dir.join("probe");
    if fs::write(&probe, "x").is_err() {
        return false;
    }
    let _ = fs::set_permissions(&probe, fs::Permissions::from_mode(0o0));
    let denied = fs::read(&probe).is_err();
    let _ = fs::set_permissions(&probe, fs::Permissions::from_mode(0o644));
    let _ = fs::remove_file(&probe);
    denied
}

#[test]
fn unreadable_files_and_directories() {
    let tmp = tempfile::tempdir().expect("tempdir");
    if !permissions_apply(tmp.path()) {
        eprintln!("skipping: permission bits are not enforced for this user (root?)");
        return;
    }
    module_at(tmp.path());
    let p = tmp.path().join("p");
    let closed = tmp.path().join("closed");
    fs::create_dir(&p).expect("mkdir");
    fs::create_dir(&closed).expect("mkdir");
    fs::write(p.join("ok.go"), go_file("p", "")).expect("write");
    fs::write(p.join("secret.go"), go_file("p", "")).expect("write");
    fs::write(closed.join("c.go"), go_file("c", "")).expect("write");
    fs::set_permissions(p.join("secret.go"), fs::Permissions::from_mode(0o0)).expect("chmod");
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o0)).expect("chmod");
    let runs = run_all(tmp.path(), ALL);
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).expect("chmod back");
    let list = json_values(&runs["list"], "list");
    assert!(list
        .to_vec()
        .iter()
        .any(|v| v.to_string().contains("permission denied")));
    assert!(
        runs["list"].stderr.contains("closed"),
        "{}",
        runs["list"].stderr
    );
}

/// A thread deletes packages, files and directories (and makes some unreadable) while gotags
/// walks them. Which entries vanish before gotags reaches them depends on timing, so only what
/// holds either way is asserted: every command finishes, prints valid JSON, follows its exit
/// status rules, never panics and never reports an entry without its path.
#[test]
fn entries_deleted_while_the_walk_runs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    module_at(tmp.path());
    for (name, args) in COMMANDS {
        if name.ends_with("-text") || *name == "list-test" {
            continue;
        }
        for d in 0..300 {
            let dir = tmp.path().join(format!("d{d:03}"));
            fs::create_dir_all(dir.join("sub")).expect("mkdir");
            for f in 0..20 {
                fs::write(
                    dir.join(format!("f{f:02}.go")),
                    go_file("p", &format!("//go:generate echo {f}\nfunc F{f}() {{}}")),
                )
                .expect("write");
            }
            fs::write(dir.join("sub/s.go"), go_file("sub", "")).expect("write");
        }
        let root = tmp.path().to_path_buf();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop2 = stop.clone();
        let deleter = std::thread::spawn(move || {
            // Walk the packages from the end (gotags walks from the start) so both meet
            // in the middle whatever the speed of either.
            for d in (0..300).rev() {
                if stop2.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let dir = root.join(format!("d{d:03}"));
                match d % 3 {
                    0 => {
                        let _ = fs::remove_dir_all(&dir);
                    }
                    1 => {
                        for f in (0..20).step_by(2) {
                            let _ = fs::remove_file(dir.join(format!("f{f:02}.go")));
                        }
                        let _ = fs::remove_dir_all(dir.join("sub"));
                    }
                    _ => {
                        let _ = fs::set_permissions(
                            dir.join("f01.go"),
                            fs::Permissions::from_mode(0o0),
                        );
                    }
                }
                std::thread::sleep(Duration::from_micros(200));
            }
        });
        let run = gotags(args, tmp.path());
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        deleter.join().expect("deleter");
        let what = format!("gotags {}", args.join(" "));
        assert!(!run.stderr.contains("panicked"), "{what}:\n{}", run.stderr);
        assert!(
            (0..=2).contains(&run.status),
            "{what}: exit {}\n{}",
            run.status,
            run.stderr
        );
        if *name == "check" && run.status == 2 {
            // A directory vanished under the walk: check's documented I/O failure.
            assert!(run.stderr.contains('/'), "{what}: exit 2 without a path");
            continue;
        }
        let values = json_values(&run, &what);
        assert!(!values.is_empty(), "{what}: no JSON");
        if let Some(kb) = run.max_rss_kb {
            assert!(kb < ONE_GIB_KB, "{what}: peak RSS {kb} KiB");
        }
        for line in run.stderr.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                line.contains('/'),
                "{what}: a problem without a path: {line:?}"
            );
        }
        // Start the next command from a fresh tree.
        for e in fs::read_dir(tmp.path()).expect("read").flatten() {
            if e.path().is_dir() {
                let _ = fs::set_permissions(e.path(), fs::Permissions::from_mode(0o755));
                fs::remove_dir_all(e.path()).expect("clean");
            }
        }
    }
}
