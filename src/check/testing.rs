//! Test helper: runs selected rules over a throw-away module made of Go snippets.

use super::engine::{self, CheckInput, Selection};
use crate::configs::{CgoMode, ConfigSet};
use crate::facts::ReadDepth;
use crate::walk::{self, Module};

/// `(file, line, column, message)` of each finding of `code` over the files
/// (`go.mod` is added unless given).
pub fn run(code: &str, files: &[(&str, &str)]) -> Vec<(String, u32, u32, String)> {
    run_full(code, files)
        .into_iter()
        .map(|d| (d.file, d.line, d.column, d.message))
        .collect()
}

/// Like [`run`], over the given `--platforms` set.
pub fn run_on(
    code: &str,
    platforms: &str,
    files: &[(&str, &str)],
) -> Vec<(String, u32, u32, String)> {
    run_with(code, platforms, files)
        .into_iter()
        .map(|d| (d.file, d.line, d.column, d.message))
        .collect()
}

/// Like [`run`], returning whole diagnostics.
pub fn run_full(code: &str, files: &[(&str, &str)]) -> Vec<super::Diagnostic> {
    run_with(code, "all", files)
}

/// The `go` line of the module the helper writes: a given go.mod's, else 1.23.
fn go_line(files: &[(&str, &str)]) -> Option<String> {
    match files.iter().find(|(n, _)| *n == "go.mod") {
        Some((_, text)) => crate::go::release::go_directive(text),
        None => Some("1.23".into()),
    }
}

fn run_with(code: &str, spec: &str, files: &[(&str, &str)]) -> Vec<super::Diagnostic> {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    if !files.iter().any(|(n, _)| *n == "go.mod") {
        std::fs::write(root.join("go.mod"), "module example.com/t\n\ngo 1.23\n").expect("go.mod");
    }
    for (name, text) in files {
        let p = root.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, text).expect("write");
    }
    let module = Module {
        root: root.clone(),
        path: "example.com/t".into(),
        requires: Vec::new(),
        go: go_line(files),
    };
    let (dirs, _) = walk::walk_to(&module, &root, ReadDepth::Full);
    // Off everywhere and on where supported: the set the rule tests count platforms in.
    let configs = crate::matrix::resolve(&root, spec, None, CgoMode::Supported).expect("platforms");
    let platforms = ConfigSet::new(configs).expect("contexts");
    let selection = Selection {
        select: vec![code.to_string()],
        ..Selection::default()
    };
    let input = CheckInput {
        module: &module,
        dirs: &dirs,
        platforms: &platforms,
        requires: &["example.com/pinned".to_string()],
        cwd: &root,
        goroot: "/goroot".into(),
        selection: &selection,
        embed_max_file_size: Some(8),
        source: crate::source::Disk::shared(),
    };
    engine::run(&input)
}
