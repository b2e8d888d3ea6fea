//! CI integration end to end: the composite action's shell steps run locally with a fake
//! `GITHUB_OUTPUT`/`GITHUB_STEP_SUMMARY`/`RUNNER_TEMP` (its YAML parsed, so inputs, env and
//! scripts are checked to agree), the pre-commit hooks run as pre-commit runs them, baselines
//! and coverage locks through the binary, SARIF with one run per module validated against the
//! 2.1.0 schema, fingerprints stable across line moves, and `docs/rules.md` kept current.

mod common;

use common::{corpus_copies, repo_root};
use serde_json::Value;
use serde_yaml::Value as Yaml;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_gotags"))
}

/// `cmd` without the caller's Go environment.
fn without_go_env(cmd: &mut Command) -> &mut Command {
    for v in [
        "GOOS",
        "GOARCH",
        "GOFLAGS",
        "CGO_ENABLED",
        "GOTOOLCHAIN",
        "GOROOT",
    ] {
        cmd.env_remove(v);
    }
    cmd
}

/// Runs gotags in `cwd` without the Go environment of the caller.
fn gotags(cwd: &Path, args: &[&str]) -> Output {
    without_go_env(Command::new(bin()).args(args).current_dir(cwd))
        .output()
        .expect("running gotags")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Asserts that `out` is a usage error (exit 2) whose stderr says `says`.
fn assert_refused(out: &Output, says: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
}

/// Every file under `root` with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let e = e.expect("entry");
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The action

fn action() -> Yaml {
    let t = std::fs::read_to_string(repo_root().join("action.yml")).expect("action.yml");
    serde_yaml::from_str(&t).expect("action.yml is YAML")
}

fn steps(a: &Yaml) -> Vec<Yaml> {
    a["runs"]["steps"]
        .as_sequence()
        .cloned()
        .unwrap_or_default()
}

fn step(a: &Yaml, id_or_name: &str) -> Yaml {
    steps(a)
        .into_iter()
        .find(|s| s["id"].as_str() == Some(id_or_name) || s["name"].as_str() == Some(id_or_name))
        .unwrap_or_else(|| panic!("no step {id_or_name}"))
}

fn inputs(a: &Yaml) -> BTreeMap<String, Yaml> {
    a["inputs"]
        .as_mapping()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.clone())))
                .collect()
        })
        .unwrap_or_default()
}

/// `${{ expr }}` occurrences of a string.
fn expressions(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("${{") {
        let after = &rest[i + 3..];
        let Some(j) = after.find("}}") else { break };
        out.push(after[..j].trim().to_string());
        rest = &after[j + 2..];
    }
    out
}

/// Every string in a YAML tree.
fn strings(y: &Yaml, out: &mut Vec<String>) {
    match y {
        Yaml::String(s) => out.push(s.clone()),
        Yaml::Sequence(v) => v.iter().for_each(|x| strings(x, out)),
        Yaml::Mapping(m) => m.iter().for_each(|(k, v)| {
            strings(k, out);
            strings(v, out);
        }),
        _ => {}
    }
}

/// `$NAME`/`${NAME...}` variables a script reads.
fn script_vars(script: &str) -> BTreeSet<String> {
    let re = regex::Regex::new(r"\$\{?([A-Z][A-Z0-9_]*)").expect("regex");
    re.captures_iter(script).map(|c| c[1].to_string()).collect()
}

#[test]
fn action_inputs_env_and_scripts_agree() {
    let a = action();
    let ins = inputs(&a);
    assert!(ins.len() >= 10, "{ins:?}");
    for (name, i) in &ins {
        assert!(
            i["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{name}"
        );
        assert!(
            i["default"].as_str().is_some(),
            "{name} has a string default"
        );
    }
    for want in [
        "command",
        "platforms",
        "budget",
        "formats",
        "baseline",
        "lock",
    ] {
        assert!(ins.contains_key(want), "input {want}");
    }
    let mut all = Vec::new();
    strings(&a, &mut all);
    let used: BTreeSet<String> = all
        .iter()
        .flat_map(|s| expressions(s))
        .filter_map(|e| e.strip_prefix("inputs.").map(str::to_string))
        .collect();
    let declared: BTreeSet<String> = ins.keys().cloned().collect();
    assert_eq!(
        used, declared,
        "every input is used and every use is declared"
    );
    let run_writes = step(&a, "run")["run"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    for (name, o) in a["outputs"].as_mapping().cloned().unwrap_or_default() {
        let v = o["value"].as_str().unwrap_or_default().to_string();
        let key = expressions(&v)
            .first()
            .and_then(|e| e.strip_prefix("steps.run.outputs.").map(str::to_string))
            .unwrap_or_else(|| panic!("output {name:?} comes from the run step"));
        assert!(
            run_writes.contains(&format!("echo \"{key}=")),
            "run step writes {key}"
        );
    }
    let mut shell_steps = 0;
    for s in steps(&a) {
        if let Some(uses) = s["uses"].as_str() {
            assert!(
                uses.starts_with("github/codeql-action/upload-sarif@"),
                "{uses}"
            );
            continue;
        }
        shell_steps += 1;
        assert_eq!(s["shell"].as_str(), Some("bash"));
        let script = s["run"].as_str().unwrap_or_default();
        assert!(
            !script.contains("${{"),
            "scripts read inputs from env only:\n{script}"
        );
        let env: BTreeSet<String> = s["env"]
            .as_mapping()
            .map(|m| {
                m.keys()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let read = script_vars(script);
        for v in &env {
            assert!(read.contains(v), "env {v} is read by its script");
        }
        for v in read.iter().filter(|v| v.starts_with("INPUT_")) {
            assert!(env.contains(v), "{v} is set in the step's env");
        }
    }
    assert_eq!(shell_steps, 3);
}

/// A shell step run as the runner runs it, with inputs (defaults unless given) and the
/// outputs of earlier steps substituted into its `env:`.
struct Step {
    out: Output,
    outputs: BTreeMap<String, String>,
    summary: String,
}

fn run_step(
    a: &Yaml,
    name: &str,
    cwd: &Path,
    given: &[(&str, &str)],
    earlier: &BTreeMap<String, String>,
) -> Step {
    let s = step(a, name);
    let ins = inputs(a);
    let tmp = tempfile::tempdir().expect("runner temp");
    let output_file = tmp.path().join("output");
    let summary_file = tmp.path().join("summary");
    std::fs::write(&output_file, "").expect("output file");
    std::fs::write(&summary_file, "").expect("summary file");
    let script = tmp.path().join("step.sh");
    std::fs::write(&script, s["run"].as_str().unwrap_or_default()).expect("script");
    let mut cmd = Command::new("bash");
    cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
        .arg(&script)
        .current_dir(cwd)
        .env("GITHUB_OUTPUT", &output_file)
        .env("GITHUB_STEP_SUMMARY", &summary_file)
        .env("RUNNER_TEMP", tmp.path());
    without_go_env(&mut cmd);
    for (k, v) in s["env"].as_mapping().cloned().unwrap_or_default() {
        let k = k.as_str().unwrap_or_default().to_string();
        let mut v = v.as_str().unwrap_or_default().to_string();
        for e in expressions(&v) {
            let value = if let Some(i) = e.strip_prefix("inputs.") {
                given
                    .iter()
                    .find(|(n, _)| *n == i)
                    .map(|(_, v)| v.to_string())
                    .or_else(|| {
                        ins.get(i)
                            .and_then(|x| x["default"].as_str())
                            .map(str::to_string)
                    })
                    .unwrap_or_else(|| panic!("unknown input {i}"))
            } else if e == "github.action_path" {
                repo_root().display().to_string()
            } else if let Some(o) = e
                .strip_prefix("steps.install.outputs.")
                .or(e.strip_prefix("steps.run.outputs."))
            {
                earlier.get(o).cloned().unwrap_or_default()
            } else {
                panic!("the test does not know the expression {e}")
            };
            v = v.replace(&format!("${{{{ {e} }}}}"), &value);
        }
        cmd.env(k, v);
    }
    let out = cmd.output().expect("running bash");
    let outputs = std::fs::read_to_string(&output_file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            l.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    let summary = std::fs::read_to_string(&summary_file).unwrap_or_default();
    // The SARIF file lives in RUNNER_TEMP; keep what the test reads before it goes.
    let mut outputs: BTreeMap<String, String> = outputs;
    for key in ["sarif-file", "rdjson-file"] {
        if let Some(p) = outputs.get(key).filter(|p| !p.is_empty()).cloned() {
            let body = std::fs::read_to_string(&p).unwrap_or_default();
            outputs.insert(format!("{key}:body"), body);
        }
    }
    Step {
        out,
        outputs,
        summary,
    }
}

fn installed(a: &Yaml, cwd: &Path) -> BTreeMap<String, String> {
    let bin = bin().display().to_string();
    let s = run_step(a, "install", cwd, &[("gotags", &bin)], &BTreeMap::new());
    assert!(s.out.status.success(), "{}", text(&s.out.stderr));
    assert_eq!(s.outputs.get("bin"), Some(&bin));
    assert!(
        text(&s.out.stdout).starts_with("gotags "),
        "{}",
        text(&s.out.stdout)
    );
    s.outputs
}

/// The action installed into a workspace of corpus copies, ready to run its steps; `before`
/// is the workspace as copied, before the install step ran.
struct Runner {
    a: Yaml,
    ws: tempfile::TempDir,
    before: BTreeMap<PathBuf, Vec<u8>>,
    earlier: BTreeMap<String, String>,
}

impl Runner {
    fn new(modules: &[&str]) -> Runner {
        let a = action();
        let ws = corpus_copies(modules);
        let before = snapshot(ws.path());
        let earlier = installed(&a, ws.path());
        Runner {
            a,
            ws,
            before,
            earlier,
        }
    }

    fn path(&self) -> &Path {
        self.ws.path()
    }

    /// The step `name` with inputs `given` after steps that output `earlier`.
    fn step(&self, name: &str, given: &[(&str, &str)], earlier: &BTreeMap<String, String>) -> Step {
        run_step(&self.a, name, self.path(), given, earlier)
    }

    /// The `run` step with inputs `given`, after the install step.
    fn run(&self, given: &[(&str, &str)]) -> Step {
        self.step("run", given, &self.earlier)
    }
}

fn sarif_schema() -> jsonschema::JSONSchema {
    let t = std::fs::read_to_string(repo_root().join("tests/data/sarif-schema-2.1.0.json"))
        .expect("the vendored schema");
    let schema: Value = serde_json::from_str(&t).expect("schema JSON");
    jsonschema::JSONSchema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .compile(&schema)
        .expect("schema compiles")
}

fn assert_valid_sarif(doc: &Value) {
    let schema = sarif_schema();
    let msgs: Vec<String> = match schema.validate(doc) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect(),
    };
    assert!(
        msgs.is_empty(),
        "SARIF does not validate:\n{}",
        msgs.join("\n")
    );
}

#[test]
fn action_check_annotates_summarises_and_writes_sarif_and_rdjson() {
    let r = Runner::new(&["mistakes"]);
    let direct = gotags(r.path(), &["check", "mistakes", "--format", "json-lines"]);
    let expected: Vec<Value> = text(&direct.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let errors = expected.iter().filter(|d| d["severity"] == "error").count();
    let warnings = expected
        .iter()
        .filter(|d| d["severity"] == "warning")
        .count();
    assert!(
        expected.len() > 20 && errors > 0 && warnings > 10,
        "{}",
        expected.len()
    );
    let s = r.run(&[
        ("path", "mistakes"),
        ("formats", "annotations, summary,sarif,rdjson"),
    ]);
    assert!(
        s.out.status.success(),
        "findings do not fail this step: {}",
        text(&s.out.stderr)
    );
    assert_eq!(s.outputs["exit-code"], "1");
    assert_eq!(s.outputs["findings"], expected.len().to_string());
    assert_eq!(s.outputs["errors"], errors.to_string());
    let log = text(&s.out.stdout);
    assert_eq!(
        log.lines()
            .filter(|l| l.starts_with("::error file="))
            .count(),
        errors
    );
    assert_eq!(
        log.lines()
            .filter(|l| l.starts_with("::warning file="))
            .count(),
        warnings
    );
    // More warnings than GitHub shows as annotations: the summary carries every one.
    assert!(s.summary.starts_with("## gotags check"), "{}", s.summary);
    let rows = s
        .summary
        .lines()
        .filter(|l| {
            l.starts_with("| error") || l.starts_with("| warning") || l.starts_with("| info")
        })
        .count();
    assert_eq!(rows, expected.len(), "{}", s.summary);
    let sarif: Value = serde_json::from_str(&s.outputs["sarif-file:body"]).expect("SARIF");
    assert_valid_sarif(&sarif);
    assert_eq!(
        sarif["runs"][0]["automationDetails"]["id"],
        "gotags/check/example.com/mistakes/"
    );
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(expected.len())
    );
    let rd: Value = serde_json::from_str(&s.outputs["rdjson-file:body"]).expect("rdjson");
    assert_eq!(
        rd["diagnostics"].as_array().map(Vec::len),
        Some(expected.len())
    );
    // The last step fails on findings unless told not to.
    let fail = r.step("Fail on findings", &[], &s.outputs);
    assert_eq!(fail.out.status.code(), Some(1));
    let report_only = r.step(
        "Fail on findings",
        &[("fail-on-findings", "false")],
        &s.outputs,
    );
    assert!(report_only.out.status.success());
    // Without `annotations`, the log has the concise format and no workflow commands.
    let plain = r.run(&[("path", "mistakes"), ("formats", "summary")]);
    assert!(
        !text(&plain.out.stdout).contains("::error"),
        "{}",
        text(&plain.out.stdout)
    );
    assert_eq!(plain.outputs["sarif-file"], "");
    assert_eq!(
        snapshot(r.path()),
        r.before,
        "the action writes nothing into the tree"
    );
}

#[test]
fn action_check_with_a_baseline_reports_only_new_findings() {
    let r = Runner::new(&["mistakes"]);
    let w = gotags(
        r.path(),
        &["check", "mistakes", "--write-baseline", "base.txt"],
    );
    assert!(w.status.success(), "{}", text(&w.stderr));
    assert!(w.stdout.is_empty());
    let clean = r.run(&[("path", "mistakes"), ("baseline", "base.txt")]);
    assert_eq!(
        clean.outputs["exit-code"],
        "0",
        "{}",
        text(&clean.out.stdout)
    );
    assert_eq!(clean.outputs["findings"], "0");
    assert!(clean.summary.contains("No findings ("), "{}", clean.summary);
    assert!(
        clean.summary.contains("recorded in the baseline not shown"),
        "{}",
        clean.summary
    );
    std::fs::write(
        r.path().join("mistakes/constraints/added_gt201.go"),
        "//go:build linx\n\npackage constraints\n",
    )
    .expect("new mistake");
    let new = r.run(&[("path", "mistakes"), ("baseline", "base.txt")]);
    assert_eq!(new.outputs["findings"], "1", "{}", text(&new.out.stdout));
    assert!(text(&new.out.stdout).contains("added_gt201.go"));
    // A baseline that is not there is a usage error: the step fails at once.
    let missing = r.run(&[("path", "mistakes"), ("baseline", "nope.txt")]);
    assert_refused(&missing.out, "nope.txt: baseline file not found");
}

#[test]
fn action_matrix_checks_the_coverage_lock() {
    let r = Runner::new(&["sample"]);
    let w = gotags(
        r.path(),
        &[
            "matrix",
            "sample",
            "--platforms",
            "first-class",
            "--write",
            "cov.lock",
        ],
    );
    assert!(w.status.success(), "{}", text(&w.stderr));
    let given = [
        ("command", "matrix"),
        ("path", "sample"),
        ("platforms", "first-class"),
        ("lock", "cov.lock"),
    ];
    let same = r.run(&given);
    assert_eq!(same.outputs["exit-code"], "0", "{}", text(&same.out.stderr));
    assert!(
        same.summary.contains("The coverage lock matches."),
        "{}",
        same.summary
    );
    let before = snapshot(r.path());
    let f = r.path().join("sample/internal/platform/platform_darwin.go");
    let body = std::fs::read_to_string(&f).expect("read");
    std::fs::write(
        r.path().join("sample/internal/platform/extra_windows.go"),
        body,
    )
    .expect("a file for windows");
    let moved = r.run(&given);
    assert_eq!(moved.outputs["exit-code"], "1");
    assert_eq!(moved.outputs["findings"], "1");
    assert!(
        moved
            .summary
            .contains("+ internal/platform/extra_windows.go: new file, compiled on windows/*"),
        "{}",
        moved.summary
    );
    let mut after = snapshot(r.path());
    after.remove(&r.path().join("sample/internal/platform/extra_windows.go"));
    assert_eq!(after, before, "checking the lock writes nothing");
    // Without a lock: the markdown matrix in the summary.
    let plain = r.run(&[
        ("command", "matrix"),
        ("path", "sample"),
        ("platforms", "first-class"),
    ]);
    assert_eq!(
        plain.outputs["exit-code"],
        "0",
        "{}",
        text(&plain.out.stderr)
    );
    assert!(
        plain
            .summary
            .starts_with("## gotags matrix: `example.com/sample`"),
        "{}",
        plain.summary
    );
}

#[test]
fn action_embed_budget_and_unknown_command() {
    let r = Runner::new(&["embed"]);
    let over = r.run(&[("command", "embed"), ("path", "embed"), ("budget", "1B")]);
    assert_eq!(over.outputs["exit-code"], "1", "{}", text(&over.out.stderr));
    assert!(over.summary.contains("BUDGET EXCEEDED"), "{}", over.summary);
    let fine = r.run(&[("command", "embed"), ("path", "embed"), ("budget", "10MB")]);
    assert_eq!(fine.outputs["exit-code"], "0", "{}", text(&fine.out.stderr));
    let bad = r.run(&[("command", "lint")]);
    assert_eq!(bad.out.status.code(), Some(2));
    assert!(text(&bad.out.stdout).contains("unknown command 'lint'"));
}

// ---------------------------------------------------------------------------------------
// pre-commit

fn hooks() -> Vec<Yaml> {
    let t = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml");
    let y: Yaml = serde_yaml::from_str(&t).expect("hooks YAML");
    y.as_sequence().cloned().unwrap_or_default()
}

fn hook(id: &str) -> Yaml {
    hooks()
        .into_iter()
        .find(|h| h["id"].as_str() == Some(id))
        .unwrap_or_else(|| panic!("no hook {id}"))
}

/// Runs a hook's entry as pre-commit does: the entry split on spaces, then `args`, then
/// (with `pass_filenames`) the staged files, from the repository root.
fn run_hook(h: &Yaml, root: &Path, files: &[&str]) -> Output {
    let entry: Vec<String> = h["entry"]
        .as_str()
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    assert_eq!(entry.first().map(String::as_str), Some("gotags"));
    let mut args: Vec<String> = entry[1..].to_vec();
    for a in h["args"].as_sequence().cloned().unwrap_or_default() {
        args.push(a.as_str().unwrap_or_default().to_string());
    }
    if h["pass_filenames"].as_bool().unwrap_or(true) {
        args.extend(files.iter().map(|f| f.to_string()));
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    gotags(root, &refs)
}

#[test]
fn pre_commit_check_hook_reports_only_the_named_files() {
    let h = hook("gotags-check");
    assert_eq!(h["language"].as_str(), Some("rust"));
    assert!(h["types"]
        .as_sequence()
        .is_some_and(|t| t.iter().any(|x| x.as_str() == Some("go"))));
    let ws = corpus_copies(&["mistakes", "clean"]);
    let all = gotags(ws.path(), &["check", "mistakes", "--format", "json-lines"]);
    let by_file: BTreeMap<String, usize> =
        text(&all.stdout).lines().fold(BTreeMap::new(), |mut m, l| {
            let d: Value = serde_json::from_str(l).expect("json line");
            *m.entry(d["file"].as_str().unwrap_or_default().to_string())
                .or_default() += 1;
            m
        });
    let (file, n) = by_file
        .iter()
        .find(|(f, _)| f.ends_with(".go") && f.contains("/constraints/"))
        .map(|(f, n)| (f.clone(), *n))
        .expect("a constraints finding");
    let clean_file = "clean/constraints/a.go";
    assert!(ws.path().join(clean_file).is_file());
    let out = run_hook(&h, ws.path(), &[&file, clean_file]);
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), n, "{lines:?}");
    assert!(
        lines.iter().all(|l| l.starts_with(&format!("{file}:"))),
        "{lines:?}"
    );
    assert_ne!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let none = run_hook(&h, ws.path(), &[clean_file]);
    assert!(
        none.status.success() && none.stdout.is_empty(),
        "{}",
        text(&none.stdout)
    );
}

#[test]
fn pre_commit_lock_hook_fails_when_a_file_moves() {
    let h = hook("gotags-matrix-lock");
    assert_eq!(h["pass_filenames"].as_bool(), Some(false));
    let files = regex::Regex::new(h["files"].as_str().unwrap_or_default()).expect("files regex");
    assert!(files.is_match("a/b_linux.go") && files.is_match("x.s") && files.is_match("go.mod"));
    assert!(!files.is_match("README.md"));
    let ws = corpus_copies(&["sample"]);
    let root = ws.path().join("sample");
    assert!(gotags(&root, &["matrix", "--write", "gotags.lock"])
        .status
        .success());
    let ok = run_hook(&h, &root, &["cmd/sampled/main.go"]);
    assert!(ok.status.success(), "{}", text(&ok.stdout));
    std::fs::remove_file(root.join("internal/platform/platform_linux.go")).expect("rm");
    let moved = run_hook(&h, &root, &[]);
    assert_eq!(moved.status.code(), Some(1));
    assert!(
        text(&moved.stdout).contains(
            "- internal/platform/platform_linux.go: gone (was compiled on android/* linux/*)"
        ),
        "{}",
        text(&moved.stdout)
    );
}

// ---------------------------------------------------------------------------------------
// Baselines, fingerprints, SARIF runs, locks through the binary

fn fingerprints(doc: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for run in doc["runs"].as_array().cloned().unwrap_or_default() {
        for r in run["results"].as_array().cloned().unwrap_or_default() {
            let fp = r["partialFingerprints"]["gotags/v1"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let what = format!(
                "{} {} {}",
                r["ruleId"],
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["message"]["text"]
            );
            assert!(out.insert(fp, what).is_none(), "fingerprints are unique");
        }
    }
    out
}

/// Prefixes every `.go` file under `dir` with blank lines and a comment: every finding moves.
fn shift_lines(dir: &Path) {
    for (p, body) in snapshot(dir) {
        if p.extension().is_some_and(|e| e == "go") {
            let mut shifted = b"\n// shifted by the test\n\n".to_vec();
            shifted.extend(body);
            std::fs::write(&p, shifted).expect("rewrite");
        }
    }
}

#[test]
fn sarif_has_one_run_per_module_and_fingerprints_survive_line_moves() {
    let ws = corpus_copies(&["mistakes", "clean"]);
    let out = gotags(
        ws.path(),
        &["check", "mistakes", "clean", "--format", "sarif"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("SARIF");
    assert_valid_sarif(&doc);
    let runs = doc["runs"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = runs
        .iter()
        .filter_map(|r| r["automationDetails"]["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "gotags/check/example.com/mistakes/",
            "gotags/check/example.com/clean/"
        ]
    );
    assert_eq!(runs[1]["results"].as_array().map(Vec::len), Some(0));
    let rules = runs[0]["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(rules.iter().all(
        |r| r["helpUri"].as_str().is_some_and(|u| u.ends_with(&format!(
            "docs/rules.md#{}",
            r["id"].as_str().unwrap_or_default().to_ascii_lowercase()
        )))
    ));
    let before = fingerprints(&doc);
    assert!(before.len() > 20);
    shift_lines(&ws.path().join("mistakes"));
    let moved = gotags(&ws.path().join("mistakes"), &["check", "--format", "sarif"]);
    let after = fingerprints(&serde_json::from_slice(&moved.stdout).expect("SARIF"));
    let lost: Vec<&String> = before
        .iter()
        .filter(|(k, _)| !after.contains_key(*k))
        .map(|(_, v)| v)
        .collect();
    assert!(
        lost.is_empty(),
        "fingerprints changed by a line move: {lost:#?}"
    );
}

#[test]
fn baseline_survives_line_moves_and_gates_new_findings() {
    let ws = corpus_copies(&["mistakes"]);
    let m = ws.path().join("mistakes");
    let w = gotags(&m, &["check", "--write-baseline", "../base.txt"]);
    assert!(w.status.success(), "{}", text(&w.stderr));
    let recorded = std::fs::read_to_string(ws.path().join("base.txt")).expect("baseline");
    assert!(recorded.starts_with("# gotags baseline v1\n"));
    let entries: Vec<&str> = recorded.lines().filter(|l| !l.starts_with('#')).collect();
    let mut sorted = entries.clone();
    sorted.sort_by_key(|l| {
        let f: Vec<&str> = l.splitn(3, ' ').collect();
        (
            f[2].split_once(": ")
                .map(|x| x.0)
                .unwrap_or_default()
                .to_string(),
            f[1].to_string(),
            f[0].to_string(),
        )
    });
    assert_eq!(entries, sorted, "sorted by file, code, fingerprint");
    shift_lines(&m);
    // From the parent directory: paths are shown differently, fingerprints do not change.
    let gated = [
        "check",
        "mistakes",
        "--baseline",
        "base.txt",
        "--format",
        "concise",
    ];
    let out = gotags(ws.path(), &gated);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains(&format!(
        "{} findings recorded in base.txt not shown",
        entries.len()
    )));
    std::fs::write(
        m.join("constraints/added_gt201.go"),
        "//go:build linx\n\npackage constraints\n",
    )
    .expect("new file");
    let new = gotags(ws.path(), &gated);
    let lines: Vec<String> = text(&new.stdout).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("mistakes/constraints/added_gt201.go:1:"),
        "{lines:?}"
    );
    // Typed errors with the path (and the line).
    let missing = gotags(ws.path(), &["check", "mistakes", "--baseline", "none.txt"]);
    assert_refused(&missing, "none.txt: baseline file not found");
    std::fs::write(
        ws.path().join("bad.txt"),
        "# gotags baseline v1\n0123456789abcdef GT201 a.go: x\nnot-a-fingerprint GT1\n",
    )
    .expect("bad baseline");
    let bad = gotags(ws.path(), &["check", "mistakes", "--baseline", "bad.txt"]);
    assert_refused(
        &bad,
        "bad.txt:3: \"not-a-fingerprint\" is not a fingerprint",
    );
}

#[test]
fn lock_files_through_the_binary() {
    let ws = corpus_copies(&["sample"]);
    let before = snapshot(ws.path());
    let w = gotags(ws.path(), &["matrix", "sample", "--write", "cov.lock"]);
    assert!(w.status.success(), "{}", text(&w.stderr));
    let mut after = snapshot(ws.path());
    let lock = after
        .remove(&ws.path().join("cov.lock"))
        .expect("the lock, where pointed");
    assert_eq!(after, before, "nothing else written");
    let lock = text(&lock);
    assert!(lock.contains("\nfile native/native.c: *+cgo\n"), "{lock}");
    assert!(
        lock.contains("\nfile internal/platform/platform_linux.go: android/* linux/*\n"),
        "{lock}"
    );
    assert!(
        gotags(ws.path(), &["matrix", "sample", "--check", "cov.lock"])
            .status
            .success()
    );
    // A narrower run: the configuration change is reported, not silently compared.
    let narrow = gotags(
        ws.path(),
        &["matrix", "sample", "--check", "cov.lock", "--cgo", "off"],
    );
    assert_eq!(narrow.status.code(), Some(1));
    assert!(
        text(&narrow.stdout).contains("- config linux/amd64+cgo (in the lock, not evaluated now)")
    );
    let missing = gotags(ws.path(), &["matrix", "sample", "--check", "nope.lock"]);
    assert_refused(&missing, "nope.lock: coverage lock not found");
    let mut broken = lock.replacen(
        "file native/native.c: *+cgo",
        "file native/native.c: nosuchos/*",
        1,
    );
    assert_ne!(broken, lock);
    let n = broken
        .lines()
        .position(|l| l.contains("nosuchos"))
        .map(|i| i + 1)
        .unwrap_or(0);
    broken.push('\n');
    std::fs::write(ws.path().join("bad.lock"), broken).expect("bad lock");
    let bad = gotags(ws.path(), &["matrix", "sample", "--check", "bad.lock"]);
    let says = format!("bad.lock:{n}: \"nosuchos/*\" names no configuration");
    assert_refused(&bad, &says);
}

#[test]
fn rules_doc_is_current() {
    let out = gotags(
        &repo_root(),
        &["check", "--explain", "--format", "markdown"],
    );
    assert!(out.status.success());
    let want = text(&out.stdout);
    let have = std::fs::read_to_string(repo_root().join("docs/rules.md")).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: regenerate with `gotags check --explain --format markdown > docs/rules.md`"
    );
    let headings = want.lines().filter(|l| l.starts_with("## GT")).count();
    assert!(headings >= 41, "{headings}");
}

#[test]
fn readme_sample_output_is_real() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("README");
    let start = readme
        .find("<!-- sample-output:begin -->")
        .expect("sample-output markers");
    let end = readme
        .find("<!-- sample-output:end -->")
        .expect("end marker");
    let section = &readme[start..end];
    let mut blocks = 0;
    for block in section.split("```console\n").skip(1) {
        let body = block.split("```").next().unwrap_or_default();
        let (command, shown) = body.split_once('\n').unwrap_or((body, ""));
        let args: Vec<&str> = command
            .strip_prefix("$ gotags ")
            .expect("a gotags command")
            .split_whitespace()
            .collect();
        let out = gotags(&repo_root(), &args);
        let got = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(
            got == shown,
            "README sample for `gotags {}` is stale; now it prints:\n{got}",
            args.join(" ")
        );
        blocks += 1;
    }
    assert_eq!(blocks, 3, "list, matrix and check");
}
