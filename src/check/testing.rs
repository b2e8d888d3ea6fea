//! Test helper: runs selected rules over a module of in-memory Go snippets.

use super::engine::{self, CheckInput, Selection};
use crate::configs::{CgoMode, ConfigSet};
use crate::facts::ReadDepth;
use crate::source::{Disk, Overlay, SharedSource};
use crate::walk::{self, Module};
use std::path::PathBuf;
use std::sync::Arc;

/// `(file, line, column, message)` of each finding of `code` over the files
/// (`go.mod` is added unless given).
pub fn run(code: &str, files: &[(&str, &str)]) -> Vec<(String, u32, u32, String)> {
    run_on(code, "all", files)
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

/// A root no disk has: every file of a rule test lives in an [`Overlay`] of buffers, so the
/// tests read nothing from the disk and never need a temporary directory.
const ROOT: &str = "/nonexistent/gotags-rule-test";

fn run_with(code: &str, spec: &str, files: &[(&str, &str)]) -> Vec<super::Diagnostic> {
    let root = PathBuf::from(ROOT);
    let mut buffers = Overlay::new(Disk);
    if !files.iter().any(|(n, _)| *n == "go.mod") {
        buffers.set(
            root.join("go.mod"),
            b"module example.com/t\n\ngo 1.23\n".to_vec(),
        );
    }
    for (name, text) in files {
        buffers.set(root.join(name), text.as_bytes().to_vec());
    }
    // A gotags.toml among the files sets the platforms, tag sets and releases, as it does
    // for a run.
    let config = files
        .iter()
        .find(|(n, _)| *n == "gotags.toml")
        .and_then(|(_, text)| crate::config::Config::parse(text, &root.join("gotags.toml")).ok());
    let spec = config
        .as_ref()
        .and_then(|c| c.matrix.platforms.as_ref())
        .map_or_else(|| spec.to_string(), |p| p.as_arg());
    let releases: Vec<String> = config
        .as_ref()
        .and_then(|c| c.matrix.go.clone())
        .unwrap_or_default();
    let tag_sets: Option<Vec<Vec<String>>> = config.and_then(|c| c.matrix.tags);
    let source: SharedSource = Arc::new(buffers);
    let go = go_line(files);
    // A `vendor/modules.txt` among the files puts the module in vendor mode, as on disk.
    let mode = crate::list::build_mode::gather(&*source, &root, go.as_deref(), false, None);
    let module = Module {
        root: root.clone(),
        path: "example.com/t".into(),
        requires: Vec::new(),
        go,
        mode,
    };
    let (dirs, _) = walk::walk_in(&*source, &module, &root, ReadDepth::Full);
    // Off everywhere and on where supported: the set the rule tests count platforms in.
    let sets = tag_sets.as_deref().map(crate::configs::tag_sets_of);
    let configs = crate::matrix::resolve_releases_in(
        &*source,
        &root,
        &spec,
        sets,
        CgoMode::Supported,
        &releases,
    )
    .expect("platforms");
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
        source,
    };
    let mut out = engine::run(&input);
    if let Some(sets) = &tag_sets {
        let run = super::rule::RunInput {
            platforms: &platforms,
            tag_sets: sets,
            tags_source: "gotags.toml",
        };
        out.extend(engine::run_config(&run, &selection));
    }
    out
}
