//! Golden tests: `gotags list --go <release> --json --test <module>` against the
//! expectations that `corpus/generate-expected.sh` recorded from each release's real
//! `go list` (no Go needed here).
//!
//! For every recorded release (`corpus/expected/go1.N/`), every module with a directory
//! there and every configuration in `corpus/configs.tsv` that release recorded, gotags runs
//! with cwd = the module root (a backdated copy with the `go` line lowered when the line is
//! newer than the release, as the generator's `-modfile`) and an environment cleared of
//! GO*/CGO_* variables, then given
//! GO386=sse2, GOENV=off and the configuration's variables (the generator used the same).
//! Its output is shaped exactly like the generator's and compared field by field, including
//! package order. A configuration go rejected (`<config>.rejected`) must make gotags fail
//! with the same message (which gotags may follow with `; ` and a hint).

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

/// The recorded releases (`go1.21`, …), oldest first.
fn recorded_releases() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(corpus_dir().join("expected"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("go1."))
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|r| r[4..].parse::<u32>().unwrap_or(0));
    out
}

fn expected_dir(release: &str, module: &str) -> std::path::PathBuf {
    corpus_dir().join("expected").join(release).join(module)
}

fn expected_modules(release: &str) -> Vec<String> {
    corpus_modules()
        .into_iter()
        .filter(|m| expected_dir(release, m).is_dir())
        .collect()
}

/// The configurations `release` recorded for `module` (a `.json` or a `.rejected` file).
fn recorded_configs(release: &str, module: &str, configs: &[Config]) -> Vec<Config> {
    let dir = expected_dir(release, module);
    configs
        .iter()
        .filter(|c| {
            dir.join(format!("{}.json", c.name)).is_file()
                || dir.join(format!("{}.rejected", c.name)).is_file()
        })
        .cloned()
        .collect()
}

fn read_expected(release: &str, module: &str, config: &str) -> Result<Vec<Value>, String> {
    let path = expected_dir(release, module).join(format!("{config}.json"));
    let text =
        std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let v: Value =
        serde_json::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))?;
    match v {
        Value::Array(a) => Ok(a),
        _ => Err(format!("{} is not a JSON array", path.display())),
    }
}

struct Outcome {
    packages: usize,
    diffs: Vec<String>,
}

/// The minor number of a module's `go 1.N` line.
fn go_line_minor(module: &str) -> Option<u32> {
    let text = std::fs::read_to_string(corpus_dir().join(module).join("go.mod")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("go 1."))
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|d| d.parse().ok())
}

/// Module roots to list per (release, module). A module whose `go` line is newer than the
/// release is refused by that go (GOTOOLCHAIN=local); the generator let it read a copy of
/// go.mod with the line lowered, so gotags lists a backdated copy of the module with the
/// line lowered the same way. The returned temp dirs hold those copies.
fn module_roots(
    releases: &[String],
) -> (
    std::collections::HashMap<(String, String), std::path::PathBuf>,
    Vec<tempfile::TempDir>,
) {
    let mut roots = std::collections::HashMap::new();
    let mut keep = Vec::new();
    for r in releases {
        let minor: u32 = r[4..].parse().unwrap_or(0);
        let mut copy: Option<std::path::PathBuf> = None;
        for m in expected_modules(r) {
            let root = if go_line_minor(&m).is_some_and(|g| g > minor) {
                let base = match &copy {
                    Some(b) => b.clone(),
                    None => {
                        let t = tempfile::tempdir().expect("temp dir");
                        let b = t.path().canonicalize().expect("canonical temp dir");
                        keep.push(t);
                        copy = Some(b.clone());
                        b
                    }
                };
                copy_tree(&corpus_dir().join(&m), &base.join(&m));
                lower_go_line(&base.join(&m), minor);
                base.join(&m)
            } else {
                let d = corpus_dir().join(&m);
                d.canonicalize().unwrap_or(d)
            };
            roots.insert((r.clone(), m), root);
        }
        if let Some(b) = &copy {
            ensure_empty_dirs(b);
            backdate(b);
        }
    }
    (roots, keep)
}

fn check_one(release: &str, module: &str, config: &Config, modroot: &Path) -> Outcome {
    let label = format!("{release}/{module}/{}", config.name);
    let modroot = modroot.to_path_buf();
    let arg = modroot.to_string_lossy().into_owned();
    let version = &release[2..];
    let rejected = expected_dir(release, module).join(format!("{}.rejected", config.name));
    if let Ok(text) = std::fs::read_to_string(&rejected) {
        let want = text.trim().trim_start_matches("go: ");
        let out = run_gotags(
            &["list", "--json", "--test", "--go", version, &arg],
            &modroot,
            &config.vars,
        );
        let diffs = match out {
            Ok(o) if !o.status.success() => {
                let err = String::from_utf8_lossy(&o.stderr);
                let got = err.trim().trim_start_matches("gotags: ");
                // go's text exactly, or go's text and then gotags' hint (`unsupported
                // GOOS/GOARCH pair a/b; valid pairs (go tool dist list): …`).
                if got == want || got.starts_with(&format!("{want}; ")) {
                    vec![]
                } else {
                    vec![format!("{label}: go said {want:?}, gotags said {got:?}")]
                }
            }
            Ok(_) => vec![format!(
                "{label}: go rejected the configuration ({want}), gotags did not"
            )],
            Err(e) => vec![format!("{label}: could not run gotags: {e}")],
        };
        return Outcome { packages: 0, diffs };
    }
    let expected = match read_expected(release, module, &config.name) {
        Ok(e) => e,
        Err(e) => {
            return Outcome {
                packages: 0,
                diffs: vec![format!("{label}: {e}")],
            }
        }
    };
    let out = run_gotags(
        &["list", "--json", "--test", "--go", version, &arg],
        &modroot,
        &config.vars,
    );
    let got = match stream_or_error(&format!("{label}: gotags"), &out) {
        Ok(g) => g,
        Err(e) => {
            return Outcome {
                packages: expected.len(),
                diffs: vec![e],
            }
        }
    };
    let got = shape_all(&got, &root_spellings(&modroot));
    Outcome {
        packages: expected.len(),
        diffs: compare(&label, &expected, &got, true),
    }
}

#[test]
fn golden_corpus() {
    let configs = load_configs();
    let releases = recorded_releases();
    ensure_empty_dirs(&corpus_dir());
    let mut jobs: Vec<(String, String, Config)> = Vec::new();
    for r in &releases {
        for m in expected_modules(r) {
            for c in recorded_configs(r, &m, &configs) {
                jobs.push((r.clone(), m.clone(), c));
            }
        }
    }
    let (roots, _copies) = module_roots(&releases);
    let outcomes = par_map(&jobs, worker_threads(), |(r, m, c)| {
        match roots.get(&(r.clone(), m.clone())) {
            Some(root) => check_one(r, m, c, root),
            None => Outcome {
                packages: 0,
                diffs: vec![format!("{r}/{m}: no module root")],
            },
        }
    });
    let mut total = 0;
    for r in &releases {
        let mine: Vec<(&(String, String, Config), &Outcome)> = jobs
            .iter()
            .zip(&outcomes)
            .filter(|(j, _)| &j.0 == r)
            .collect();
        let packages: usize = mine.iter().map(|(_, o)| o.packages).sum();
        let diffs: Vec<&String> = mine.iter().flat_map(|(_, o)| o.diffs.iter()).collect();
        for d in &diffs {
            println!("{d}");
        }
        let modules = expected_modules(r).len();
        println!(
            "golden {r}: {modules} modules, {} runs, {packages} expected packages; {} differences",
            mine.len(),
            diffs.len()
        );
        total += diffs.len();
    }
    assert!(
        total == 0,
        "{total} differences between gotags and the go list expectations (listed above)"
    );
    assert!(
        !releases.is_empty(),
        "no recorded releases under corpus/expected/"
    );
}

// ---- tests of the harness itself --------------------------------------------------------

fn sample_expected() -> Vec<Value> {
    read_expected("go1.23", "embed", "linux-amd64-cgo1")
        .expect("corpus/expected/go1.23/embed/linux-amd64-cgo1.json")
}

#[test]
fn harness_finds_no_difference_in_identical_lists() {
    let e = sample_expected();
    assert!(compare("t", &e, &e, true).is_empty());
}

#[test]
fn harness_reports_field_change_missing_and_extra_packages() {
    let expected = sample_expected();
    assert!(expected.len() >= 3, "need a few packages to alter");
    let mut got = expected.clone();
    // 1. a field change
    let changed_path = got[0]["ImportPath"]
        .as_str()
        .expect("ImportPath")
        .to_string();
    got[0]["GoFiles"] = serde_json::json!(["not_what_go_said.go"]);
    // 2. a missing package
    let removed = got.remove(1);
    let removed_path = removed["ImportPath"]
        .as_str()
        .expect("ImportPath")
        .to_string();
    // 3. an extra package
    got.push(serde_json::json!({"Dir": "extra", "ImportPath": "example.com/embed/extra", "Name": "extra"}));
    // 4. a changed field on another package
    got[1]["Name"] = Value::String("renamed".into());
    let err_path = got[1]["ImportPath"]
        .as_str()
        .expect("ImportPath")
        .to_string();

    let diffs = compare("embed/linux-amd64-cgo1", &expected, &got, true);
    for d in &diffs {
        println!("{d}");
    }
    let has = |needle: &str| diffs.iter().any(|d| d.contains(needle));
    assert!(has(&format!(
        "embed/linux-amd64-cgo1: package {changed_path}: GoFiles: expected"
    )));
    assert!(has("got [\"not_what_go_said.go\"]"));
    assert!(has(&format!("package {removed_path}: missing")));
    assert!(has("package example.com/embed/extra: unexpected"));
    assert!(has(&format!("package {err_path}: Name: expected")));
    assert_eq!(diffs.len(), 4, "exactly the four alterations: {diffs:#?}");
}

#[test]
fn harness_reports_order_difference() {
    let expected = sample_expected();
    let mut got = expected.clone();
    got.swap(0, 1);
    let diffs = compare("t", &expected, &got, true);
    assert_eq!(diffs.len(), 1, "{diffs:#?}");
    assert!(diffs[0].contains("package order"));
    assert!(compare("t", &expected, &got, false).is_empty());
}

/// Turns a shaped expectation back into what go list prints (absolute Dir, absolute paths
/// in messages) so the normaliser can be checked on realistic input.
fn unshape(pkgs: &[Value], modroot: &Path) -> Vec<Value> {
    fn abs(v: &Value, root: &str) -> Value {
        match v {
            Value::String(s) => Value::String(s.replace("$MODROOT", root)),
            Value::Array(a) => Value::Array(a.iter().map(|x| abs(x, root)).collect()),
            Value::Object(o) => {
                Value::Object(o.iter().map(|(k, x)| (k.clone(), abs(x, root))).collect())
            }
            other => other.clone(),
        }
    }
    let root = modroot.to_string_lossy().into_owned();
    pkgs.iter()
        .map(|p| {
            let mut p = abs(p, &root);
            if let Some(d) = p.get("Dir").and_then(Value::as_str) {
                let d = if d == "." {
                    root.clone()
                } else {
                    modroot.join(d).to_string_lossy().into_owned()
                };
                p["Dir"] = Value::String(d);
            }
            // go list prints more than the compared fields, and more of Error.
            p["Module"] = serde_json::json!({"Path": "example.com/x"});
            if let Some(e) = p.get_mut("Error").and_then(Value::as_object_mut) {
                e.insert("ImportStack".into(), serde_json::json!(["x"]));
            }
            p
        })
        .collect()
}

#[test]
fn normaliser_is_idempotent_on_every_expected_file_and_inverts_unshape() {
    let configs = load_configs();
    let mut files = 0;
    for (r, m) in recorded_releases()
        .iter()
        .flat_map(|r| expected_modules(r).into_iter().map(move |m| (r.clone(), m)))
    {
        let modroot = corpus_dir().join(&m);
        let roots = root_spellings(&modroot);
        for c in &configs {
            if !expected_dir(&r, &m)
                .join(format!("{}.json", c.name))
                .is_file()
            {
                continue;
            }
            let mut e = read_expected(&r, &m, &c.name).unwrap_or_else(|e| panic!("{e}"));
            // Shaping keeps only the compared fields, which leave `Incomplete` out.
            for p in &mut e {
                if let Some(obj) = p.as_object_mut() {
                    obj.remove("Incomplete");
                }
            }
            let label = format!("{r}/{m}/{}", c.name);
            assert_eq!(
                shape_all(&e, &roots),
                e,
                "{label}: shaping an expected file changed it"
            );
            assert_eq!(
                shape_all(&unshape(&e, &modroot), &roots),
                e,
                "{label}: shaping go-list-like output did not give the expected file back"
            );
            files += 1;
        }
    }
    println!("normaliser: checked {files} expected files");
    assert!(files > 0);
}

#[test]
fn configs_are_well_formed_and_have_expectations() {
    let configs = load_configs();
    let mut names: Vec<&str> = configs.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), configs.len(), "duplicate config names");
    // Every module under corpus/ is recorded for every release on every configuration, ports
    // of other releases included: go list rejects those (`.rejected`), and lists the ports
    // it marks broken (`.json`), as the release's tables say.
    for r in recorded_releases() {
        let release = gotags::go::release::find(&r).expect("recorded release is known");
        for m in corpus_modules() {
            for c in &configs {
                let var = |k: &str| c.vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
                let listed = match (var("GOOS"), var("GOARCH")) {
                    (Some(os), Some(arch)) => release.find_port_or_broken(os, arch).is_some(),
                    _ => true,
                };
                let dir = expected_dir(&r, &m);
                let json = dir.join(format!("{}.json", c.name)).is_file();
                let rejected = dir.join(format!("{}.rejected", c.name)).is_file();
                assert!(
                    json || rejected,
                    "{r}/{m}/{}: not recorded (run corpus/generate-expected.sh --go …)",
                    c.name
                );
                if !listed {
                    assert!(rejected, "{r}/{m}/{}: not a {r} port, yet listed", c.name);
                }
            }
        }
    }
    let q = split_vars(r#"GOOS=linux GOFLAGS="-tags=a -tags=b" X="#).expect("split");
    assert_eq!(
        q,
        vec![
            ("GOOS".to_string(), "linux".to_string()),
            ("GOFLAGS".to_string(), "-tags=a -tags=b".to_string()),
            ("X".to_string(), String::new()),
        ]
    );
    assert!(split_vars(r#"A="x"#).is_err());
}

/// Every line `corpus/generate-tooltags.sh` recorded from a real toolchain: gotags' tool tags
/// (or its error) for that release and setting must be exactly go's.
#[test]
fn tool_tags_match_every_recorded_release() {
    use gotags::context::{BuildContext, ContextOverrides, HostInfo};
    let dir = corpus_dir().join("expected-tooltags");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    assert!(
        files.len() >= 5,
        "expected ≥5 recorded releases in {}",
        dir.display()
    );
    let mut diffs = Vec::new();
    let mut lines = 0;
    for file in &files {
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let release = gotags::go::release::find(&name).expect("recorded release is known");
        let text = std::fs::read_to_string(file).expect("readable");
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let Some((vars, want)) = line.split_once(" => ") else {
                diffs.push(format!("{name}: malformed line {line:?}"));
                continue;
            };
            lines += 1;
            let mut env: std::collections::HashMap<String, String> = [
                ("GOOS", "linux"),
                ("GOARCH", "amd64"),
                ("GO386", "sse2"),
                ("CGO_ENABLED", "0"),
            ]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
            for kv in vars.split(' ') {
                if let Some((k, v)) = kv.split_once('=') {
                    env.insert(k.to_string(), v.to_string());
                }
            }
            let overrides = ContextOverrides {
                release: Some(release),
                ..ContextOverrides::default()
            };
            let host = HostInfo {
                goos: "linux".into(),
                goarch: "amd64".into(),
            };
            let got =
                match BuildContext::from_env(&|k| env.get(k).cloned(), &overrides, &host, &|_| {
                    false
                }) {
                    Ok(c) => format!("[{}]", c.tool_tags.join(" ")),
                    Err(e) => format!("error: {e}"),
                };
            if got != want {
                diffs.push(format!("{name} {vars}:\n  go:     {want}\n  gotags: {got}"));
            }
        }
    }
    eprintln!(
        "tool tags: {lines} recorded settings over {} releases",
        files.len()
    );
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}
