//! Several modules in one run: every go.mod under a directory (found as `go work use -r`
//! finds them: every directory entered, symlinks not followed), and resolved packages
//! grouped by the module they belong to, which is what the commands analyse one at a time
//! and what per-module reports (SARIF runs, `--all-modules`) are built from.

use super::resolve::Item;
use super::workspace::MainModule;
use crate::source::{FileKind, Source};
use crate::walk::{DirFacts, Module, WalkProblem};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The packages of one module a command analyses, with the module's own `go` line.
#[derive(Clone, Debug)]
pub struct ModuleSet {
    pub module: Arc<Module>,
    /// The go.mod `go` line (`None` when absent or for the standard library).
    pub go: Option<String>,
    /// Package directories in resolution order.
    pub dirs: Vec<DirFacts>,
}

/// Every directory at or below `dir` holding a `go.mod` file, in walk order (names sorted,
/// depth first). Symlinks to directories are not followed; unreadable directories are
/// returned as problems and skipped.
pub fn find_all(source: &dyn Source, dir: &Path) -> (Vec<PathBuf>, Vec<WalkProblem>) {
    let mut roots = Vec::new();
    let mut problems = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match source.read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                problems.push(WalkProblem {
                    message: e.to_string(),
                    path: d,
                });
                continue;
            }
        };
        let mut subdirs: Vec<PathBuf> = Vec::new();
        let mut has_gomod = false;
        for e in entries {
            match e.kind {
                FileKind::Dir => subdirs.push(d.join(&e.name)),
                FileKind::Regular if e.name == "go.mod" => has_gomod = true,
                _ => {}
            }
        }
        if has_gomod {
            roots.push(d.clone());
        }
        subdirs.sort();
        stack.extend(subdirs.into_iter().rev());
    }
    (roots, problems)
}

/// Groups the packages of `items` by module, modules in the order of `main` (then any
/// other module, such as the standard library, in order of first appearance). Modules of
/// `main` without packages are kept (empty), so a report names every main module.
pub fn group(main: &[MainModule], items: Vec<Item>) -> Vec<ModuleSet> {
    group_after(main.iter().map(empty_set).collect(), main, items)
}

/// Groups the packages of `items` by module in go list's print order: modules in the
/// order their first package is printed, each module's packages in print order (a
/// workspace's `./b ./a/...` gives b's module first, as `list` prints it).
pub fn group_in_print_order(main: &[MainModule], items: Vec<Item>) -> Vec<ModuleSet> {
    group_after(Vec::new(), main, items)
}

/// Adds each package of `items` to its module's set in `sets`, opening a set after the
/// others for a module met the first time.
fn group_after(mut sets: Vec<ModuleSet>, main: &[MainModule], items: Vec<Item>) -> Vec<ModuleSet> {
    for (module, dir) in packages(items) {
        match sets.iter_mut().find(|s| s.module.root == module.root) {
            Some(s) => s.dirs.push(dir),
            None => sets.push(new_set(main, module, dir)),
        }
    }
    sets
}

/// The packages of `items` cut into runs of one module, in exactly go list's print order
/// (a module whose packages are printed apart gives several runs): the order `go generate`
/// processes packages in.
pub fn runs_in_print_order(main: &[MainModule], items: Vec<Item>) -> Vec<ModuleSet> {
    let mut sets: Vec<ModuleSet> = Vec::new();
    for (module, dir) in packages(items) {
        match sets.last_mut() {
            Some(s) if s.module.root == module.root => s.dirs.push(dir),
            _ => sets.push(new_set(main, module, dir)),
        }
    }
    sets
}

fn packages(items: Vec<Item>) -> impl Iterator<Item = (Arc<Module>, DirFacts)> {
    items.into_iter().filter_map(|item| match item {
        Item::Package { module, dir, .. } => Some((module, dir)),
        Item::Failed { .. } => None,
    })
}

fn empty_set(m: &MainModule) -> ModuleSet {
    ModuleSet {
        module: m.module.clone(),
        go: m.go.clone(),
        dirs: Vec::new(),
    }
}

/// A set holding `dir`, with the module's go line when it is a main module.
fn new_set(main: &[MainModule], module: Arc<Module>, dir: DirFacts) -> ModuleSet {
    let go = main
        .iter()
        .find(|m| m.module.root == module.root)
        .and_then(|m| m.go.clone());
    ModuleSet {
        module,
        go,
        dirs: vec![dir],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Overlay;

    #[test]
    fn every_gomod_in_walk_order() {
        let mut o = Overlay::new(crate::source::Disk);
        let base = Path::new("/nonexistent-gotags-test/r");
        for f in [
            "go.mod",
            "b/go.mod",
            "a/go.mod",
            "a/inner/go.mod",
            "_u/go.mod",
            "c/x.go",
        ] {
            o.set(base.join(f), b"module m\n".to_vec());
        }
        let (roots, problems) = find_all(&o, base);
        assert!(problems.is_empty(), "{problems:?}");
        let rel: Vec<String> = roots
            .iter()
            .map(|r| crate::walk::relative_slash(base, r))
            .collect();
        assert_eq!(rel, ["", "_u", "a", "a/inner", "b"]);
    }
}
