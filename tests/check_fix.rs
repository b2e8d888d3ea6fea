//! `gotags check --fix` on a copy of the planted-mistakes module: every rule with a safe fix
//! is fixed, the result checks clean for those rules, untouched files keep bytes and mtimes.

mod common;

use common::mistakes_copy;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn snapshot(dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            snapshot(&e.path(), out);
        } else {
            let m = e.metadata().unwrap();
            out.insert(
                e.path(),
                (std::fs::read(e.path()).unwrap(), m.modified().unwrap()),
            );
        }
    }
}

fn codes(root: &Path) -> Vec<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(["check", "--format", "json", "--exit-zero"])
        .current_dir(root)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn fix_repairs_every_safe_rule_and_leaves_the_rest_alone() {
    let (_tmp, root) = mistakes_copy();
    let safe: Vec<&str> = gotags::check::registry::RULES
        .iter()
        .filter(|r| r.fix.as_ref().is_some_and(|f| f.safe))
        .map(|r| r.info.code)
        .collect();
    let before_codes = codes(&root);
    let fixed_files: Vec<String> = before_codes
        .iter()
        .filter(|(c, _)| safe.contains(&c.as_str()))
        .map(|(_, f)| f.clone())
        .collect();
    for code in &safe {
        assert!(
            before_codes.iter().any(|(c, _)| c == code),
            "{code} not planted"
        );
    }
    let mut before = BTreeMap::new();
    snapshot(&root, &mut before);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let diff = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(["check", "--diff"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&diff.stdout).contains("+//go:build linux"));
    let mut after_diff = BTreeMap::new();
    snapshot(&root, &mut after_diff);
    assert_eq!(before, after_diff, "--diff wrote to the tree");
    let st = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(["check", "--fix", "--exit-zero"])
        .current_dir(&root)
        .status()
        .unwrap();
    assert!(st.success());
    let after_codes = codes(&root);
    for (c, f) in &after_codes {
        assert!(!safe.contains(&c.as_str()), "{c} remains in {f}");
    }
    let mut after = BTreeMap::new();
    snapshot(&root, &mut after);
    assert_eq!(before.len(), after.len(), "files added or removed");
    for (p, (bytes, mtime)) in &before {
        let rel = p
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let (b2, m2) = &after[p];
        if fixed_files.contains(&rel) {
            assert_ne!(bytes, b2, "{rel} not rewritten");
        } else {
            assert_eq!((bytes, mtime), (b2, m2), "{rel} touched");
        }
    }
}
