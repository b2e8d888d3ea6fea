//! `gotags check` and `gotags matrix` share one configuration model: given the same platform
//! specs (flags or gotags.toml) and cgo setting they accept the same specs, evaluate the same
//! configurations and report the same coverage gaps — every GT5xx finding is a matrix gap
//! with the same configuration labels, and every matrix gap is a GT5xx finding (or, for a
//! dead file whose constraint is itself a mistake, that constraint's own finding).

mod common;

use common::strs;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name);
    d.canonicalize().unwrap_or(d)
}

fn gotags(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs gotags")
}

fn join(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}/{file}")
    }
}

/// (code, file, configuration labels) of every gap, as `matrix` and as `check` report them.
type Gap = (String, String, BTreeSet<String>);

fn matrix_gaps(dir: &Path, extra: &[&str]) -> (Vec<String>, BTreeSet<Gap>) {
    let mut args = vec!["matrix", "--format", "json"];
    args.extend_from_slice(extra);
    let out = gotags(&args, dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    let labels: Vec<String> = doc["configs"]
        .as_array()
        .expect("configs")
        .iter()
        .map(|c| c["label"].as_str().unwrap_or("").to_string())
        .collect();
    let names = |set: &Value| -> BTreeSet<String> {
        let all: BTreeSet<String> = set
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| labels.get(i.as_u64()? as usize).cloned())
            .collect();
        // check lists no platforms when every configuration trips.
        if all.len() == labels.len() {
            BTreeSet::new()
        } else {
            all
        }
    };
    let g = &doc["gaps"];
    let mut out = BTreeSet::new();
    for d in g["dead_files"].as_array().into_iter().flatten() {
        let file = join(
            d["dir"].as_str().unwrap_or(""),
            d["file"].as_str().unwrap_or(""),
        );
        out.insert(("GT501".to_string(), file, BTreeSet::new()));
    }
    for p in g["empty_packages"].as_array().into_iter().flatten() {
        for i in p["importers"].as_array().into_iter().flatten() {
            let rel = rel_of(&doc, i["import_path"].as_str().unwrap_or(""));
            let file = join(&rel, i["file"].as_str().unwrap_or(""));
            out.insert(("GT502".to_string(), file, names(&i["configs"])));
        }
    }
    for m in g["missing_decls"].as_array().into_iter().flatten() {
        let rel = rel_of(&doc, m["import_path"].as_str().unwrap_or(""));
        for u in strs(&m["used_in"]) {
            out.insert(("GT503".to_string(), join(&rel, &u), names(&m["missing"])));
        }
    }
    for d in g["duplicate_decls"].as_array().into_iter().flatten() {
        let rel = rel_of(&doc, d["import_path"].as_str().unwrap_or(""));
        for loc in strs(&d["locations"]) {
            let file = loc.rsplit_once(':').map_or(loc.as_str(), |(f, _)| f);
            out.insert(("GT504".to_string(), join(&rel, file), names(&d["configs"])));
        }
    }
    (labels, out)
}

fn rel_of(doc: &Value, import_path: &str) -> String {
    doc["dirs"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["import_path"] == import_path)
        .and_then(|d| d["dir"].as_str())
        .unwrap_or("")
        .to_string()
}

fn check_gaps(dir: &Path, extra: &[&str]) -> BTreeSet<Gap> {
    let mut args = vec!["check", "--format", "json-lines", "--exit-zero"];
    args.extend_from_slice(extra);
    let out = gotags(&args, dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diags: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let mut out = BTreeSet::new();
    for d in &diags {
        let code = d["code"].as_str().unwrap_or("").to_string();
        let file = d["file"].as_str().unwrap_or("").to_string();
        if code.starts_with("GT5") {
            let plats: BTreeSet<String> = if code == "GT501" {
                BTreeSet::new()
            } else {
                strs(&d["platforms"]).into_iter().collect()
            };
            out.insert((code, file, plats));
        } else {
            // Files whose constraint itself is reported (GT1xx/GT2xx): GT501 leaves a dead
            // file with such a constraint to that finding.
            out.insert(("constraint".to_string(), file, BTreeSet::new()));
        }
    }
    out
}

/// GT503 lists the configurations where the using file compiles and the name is missing, a
/// subset of the matrix's `missing`; the rest must be equal.
fn assert_same(module: &str, m: &BTreeSet<Gap>, c: &BTreeSet<Gap>) {
    let key = |s: &BTreeSet<Gap>| -> BTreeSet<(String, String)> {
        s.iter()
            .filter(|(k, _, _)| k.starts_with("GT5"))
            .map(|(k, f, _)| (k.clone(), f.clone()))
            .collect()
    };
    let constrained: BTreeSet<&String> = c
        .iter()
        .filter(|(k, _, _)| k == "constraint")
        .map(|(_, f, _)| f)
        .collect();
    let (m_keys, c_keys) = (key(m), key(c));
    // Every check gap is a matrix gap.
    let extra: Vec<_> = c_keys.difference(&m_keys).collect();
    assert!(
        extra.is_empty(),
        "{module}: check reports gaps matrix does not: {extra:?}"
    );
    // Every matrix gap is a check finding: a GT5xx one, or (a dead file whose constraint is
    // wrong) the constraint's own.
    let missing: Vec<_> = m_keys
        .difference(&c_keys)
        .filter(|(k, f)| !(k == "GT501" && constrained.contains(f)))
        .collect();
    assert!(
        missing.is_empty(),
        "{module}: matrix gaps check does not report: {missing:?}"
    );
    for (code, file, plats) in c {
        let want = m
            .iter()
            .find(|(k, f, _)| k == code && f == file)
            .map(|(_, _, p)| p);
        let Some(want) = want else { continue };
        if code == "GT503" {
            assert!(
                plats.is_subset(want) || want.is_empty(),
                "{module} {code} {file}: {plats:?} not within {want:?}"
            );
        } else {
            assert_eq!(plats, want, "{module} {code} {file}");
        }
    }
}

#[test]
fn check_and_matrix_report_the_same_gaps_on_the_same_configurations() {
    let specs: &[&[&str]] = &[
        &[],
        &["--platforms", "first-class,linux/arm/7,windows/arm64/nocgo"],
        &[
            "--platforms",
            "linux/amd64/v3/cgo,plan9/386,windows/amd64",
            "--cgo",
            "off",
        ],
        &["--platforms", "all", "--cgo", "supported"],
    ];
    for module in ["gaps", "mistakes"] {
        let dir = corpus(module);
        for extra in specs {
            let (labels, m) = matrix_gaps(&dir, extra);
            assert!(!labels.is_empty());
            let c = check_gaps(&dir, extra);
            assert_same(&format!("{module} {extra:?}"), &m, &c);
        }
    }
    // The default spec is every port × cgo off/on for both commands: 49 × 2 in Go 1.23.
    let (labels, _) = matrix_gaps(&corpus("gaps"), &["--go", "1.23"]);
    assert_eq!(labels.len(), 98);
}

#[test]
fn both_commands_take_the_same_specs_from_gotags_toml() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::write(root.join("go.mod"), "module example.com/m\n\ngo 1.23\n").expect("go.mod");
    std::fs::write(root.join("a_linux.go"), "package m\n\nfunc f() {}\n").expect("a");
    std::fs::write(root.join("b.go"), "package m\n\nvar _ = f\n").expect("b");
    for spec in [
        r#"["linux/arm/7", "windows/arm64/nocgo", "linux/amd64/v3/cgo"]"#,
        r#""first-class""#,
    ] {
        std::fs::write(
            root.join("gotags.toml"),
            format!("[matrix]\nplatforms = {spec}\n"),
        )
        .expect("gotags.toml");
        let (labels, m) = matrix_gaps(root, &[]);
        let c = check_gaps(root, &[]);
        assert_same(spec, &m, &c);
        assert!(m.iter().any(|(k, _, _)| k == "GT503"), "{spec}: {m:?}");
        if spec.contains("arm/7") {
            assert_eq!(
                labels,
                [
                    "linux/arm/7",
                    "linux/arm/7 cgo",
                    "windows/arm64",
                    "linux/amd64/v3 cgo"
                ]
            );
        }
    }
    // One grammar, one error: both commands reject a bad spec the same way, naming it.
    for args in [["matrix", "--platforms"], ["check", "--platforms"]] {
        let out = gotags(&[args[0], args[1], "linux/arm/9"], root);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("\"linux/arm/9\"") && err.contains("variant of arm"),
            "{err}"
        );
    }
}

/// `--go` (and `[matrix] go`) make the Go release one more dimension of the same bitset pass:
/// a `//go:build go1.24` file compiles on the go1.27 configurations only.
#[test]
fn matrix_takes_go_releases_as_a_dimension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::write(root.join("go.mod"), "module example.com/m\n\ngo 1.21\n").expect("go.mod");
    std::fs::write(root.join("a.go"), "package m\n").expect("a");
    std::fs::write(root.join("new.go"), "//go:build go1.24\n\npackage m\n").expect("new");
    let run = |extra: &[&str]| -> Value {
        let mut args = vec![
            "matrix",
            "--format",
            "json",
            "--platforms",
            "linux/amd64,openbsd/riscv64",
            "--cgo",
            "off",
        ];
        args.extend_from_slice(extra);
        let out = gotags(&args, root);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let doc = run(&["--go", "1.21,1.27"]);
    let labels = common::field_strs(&doc["configs"], "label");
    // openbsd/riscv64 is a port from Go 1.23 on: only the 1.27 half has it.
    assert_eq!(
        labels,
        [
            "linux/amd64 go1.21",
            "linux/amd64 go1.27",
            "openbsd/riscv64 go1.27"
        ]
    );
    let class = &doc["dirs"][0]["classes"];
    let with_new: Vec<u64> = class
        .as_array()
        .expect("classes")
        .iter()
        .filter(|k| strs(&k["package"]["GoFiles"]).contains(&"new.go".to_string()))
        .flat_map(|k| k["configs"].as_array().cloned().unwrap_or_default())
        .filter_map(|i| i.as_u64())
        .collect();
    assert_eq!(with_new, [1, 2]);
    std::fs::write(
        root.join("gotags.toml"),
        "[matrix]\ngo = [\"1.22\", \"1.23\"]\n",
    )
    .expect("toml");
    let doc = run(&[]);
    assert_eq!(doc["configs"][0]["go"], "1.22");
    let out = gotags(&["matrix", "--go", "1.19"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("known releases: 1.21"));
}
