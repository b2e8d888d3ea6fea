//! The whole `go generate ./...` run for one platform, as data (spec §8.1): packages in
//! `./...` order, in each the GoFiles + CgoFiles + TestGoFiles sorted, then the XTestGoFiles
//! sorted; an error ends its file list (the xtest list still runs). Nothing is executed.

use super::file::{plan_file, FileEnv, FilePlan, LineFilter};
use crate::context::BuildContext;
use crate::embed::AssetCache;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::list::{self, ListOptions};
use crate::source::{FileKind, Source};
use crate::walk::{DirFacts, Module};
use std::path::Path;

/// Where the directive ran and what it would run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedStep {
    /// Absolute path of the file.
    pub file: String,
    /// The file as Go shows it (relative to the working directory when shorter).
    pub shown: String,
    pub line: u32,
    pub package: String,
    pub words: Vec<Vec<u8>>,
}

/// A directive error, which ends its file list and makes the run fail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedError {
    pub file: String,
    pub shown: String,
    pub line: u32,
    pub message: String,
}

/// One event of the run, in Go's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Step(PlannedStep),
    Error(PlannedError),
}

/// The process-level inputs `go generate` takes besides the build context.
pub struct RunEnv<'a> {
    pub goroot: String,
    /// `$PATH` of the process.
    pub path: String,
    pub cwd: &'a Path,
    pub process_env: &'a dyn Fn(&str) -> Option<String>,
}

/// `go generate`'s context: the given one with the `generate` tag added.
pub fn generate_context(ctx: &BuildContext) -> BuildContext {
    let mut c = ctx.clone();
    c.build_tags.push("generate".to_string());
    c
}

/// The GOROOT `go generate` would use: `$GOROOT`, else the installation that `go` on PATH
/// belongs to, else "". The environment and the file system are both injected: `env` reads
/// variables, `source` answers whether `DIR/go` is a file and where it really lives.
pub fn goroot_guess(env: &dyn Fn(&str) -> Option<String>, source: &dyn Source) -> String {
    if let Some(g) = env("GOROOT").filter(|g| !g.is_empty()) {
        return g;
    }
    let path = env("PATH").unwrap_or_default();
    for dir in path.split(':').filter(|d| !d.is_empty()) {
        let go = Path::new(dir).join("go");
        if source.stat(&go).is_ok_and(|m| m.kind == FileKind::Regular) {
            if let Ok(real) = source.canonicalize(&go) {
                if let Some(root) = real.parent().and_then(Path::parent) {
                    return root.to_string_lossy().into_owned();
                }
            }
        }
    }
    String::new()
}

pub use crate::list::short_path;

/// The files of one package in Go's scan order: the internal list, then the xtest list.
fn file_lists(p: &list::ListedPackage) -> [Vec<String>; 2] {
    let mut internal: Vec<String> = p
        .go_files
        .iter()
        .chain(&p.cgo_files)
        .chain(&p.test_go_files)
        .cloned()
        .collect();
    internal.sort();
    let mut xtest = p.xtest_go_files.clone();
    xtest.sort();
    [internal, xtest]
}

/// The facts and plan of one scanned file, for callers that want more than the events.
pub struct ScannedFile<'a> {
    pub dir: &'a DirFacts,
    pub facts: &'a FileFacts,
    pub plan: FilePlan,
}

/// Plans `go generate ./...` over walked directories (read with `ReadDepth::Full`).
/// `ctx` must already carry the `generate` tag (see [`generate_context`]).
pub fn plan<'a>(
    module: &Module,
    dirs: &'a [DirFacts],
    ctx: &BuildContext,
    env: &RunEnv,
    filter: &dyn LineFilter,
) -> (Vec<Event>, Vec<ScannedFile<'a>>) {
    let cache = AssetCache::new();
    let packages = list::list(module, dirs, ctx, &cache, env.cwd, ListOptions::default());
    let mut out = (Vec::new(), Vec::new());
    for p in &packages {
        let Some(d) = dirs.iter().find(|d| d.dir.to_string_lossy() == p.dir) else {
            continue;
        };
        plan_lists(d, file_lists(p), ctx, env, filter, &mut out);
    }
    out
}

/// Plans `go generate a.go b.go …`: the named files (all in `d`) form one package and every
/// build constraint is ignored, as cmd/go's `UseAllFiles` does. What still applies:
/// `documentation` files and cgo files with cgo off are not scanned, and external test
/// files come after the rest.
pub fn plan_named<'a>(
    d: &'a DirFacts,
    ctx: &BuildContext,
    env: &RunEnv,
    filter: &dyn LineFilter,
) -> (Vec<Event>, Vec<ScannedFile<'a>>) {
    let mut files: Vec<&FileFacts> = d.files.iter().collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let mut name = String::new();
    let (mut internal, mut xtest) = (Vec::new(), Vec::new());
    for f in files {
        let HeaderOutcome::Read(h) = &f.header else {
            continue;
        };
        let mut pkg = h.package_name.clone();
        if pkg == "documentation" || (h.imports_c() && !ctx.cgo_enabled && !f.is_test()) {
            continue;
        }
        let is_xtest = f.is_test() && pkg.ends_with("_test") && pkg != name;
        if is_xtest {
            pkg.truncate(pkg.len() - "_test".len());
        }
        if name.is_empty() {
            name = pkg;
        }
        let list = if is_xtest { &mut xtest } else { &mut internal };
        list.push(f.name.clone());
    }
    let mut out = (Vec::new(), Vec::new());
    plan_lists(d, [internal, xtest], ctx, env, filter, &mut out);
    out
}

/// Scans each list of one package in order; a directive error ends that list (Go goes on
/// with the next one, the external tests).
fn plan_lists<'a>(
    d: &'a DirFacts,
    lists: [Vec<String>; 2],
    ctx: &BuildContext,
    env: &RunEnv,
    filter: &dyn LineFilter,
    (events, scanned): &mut (Vec<Event>, Vec<ScannedFile<'a>>),
) {
    // A name index instead of a scan per listed file (quadratic on a 100,000-file package);
    // the first entry wins, as `find` did.
    let by_name: std::collections::HashMap<&str, &'a FileFacts> =
        d.files.iter().rev().map(|f| (f.name.as_str(), f)).collect();
    for names in lists {
        for name in names {
            let Some(&f) = by_name.get(name.as_str()) else {
                continue;
            };
            let Some(plan) = plan_one(d, f, ctx, env, filter) else {
                continue;
            };
            let path = d.dir.join(&f.name);
            let file = path.to_string_lossy().into_owned();
            let shown = short_path(&path, env.cwd);
            let package = package_name(f);
            for s in &plan.steps {
                events.push(Event::Step(PlannedStep {
                    file: file.clone(),
                    shown: shown.clone(),
                    line: s.line,
                    package: package.clone(),
                    words: s.words.clone(),
                }));
            }
            let failed = plan.error.clone();
            scanned.push(ScannedFile {
                dir: d,
                facts: f,
                plan,
            });
            if let Some(e) = failed {
                events.push(Event::Error(PlannedError {
                    file,
                    shown,
                    line: e.line,
                    message: e.message,
                }));
                break;
            }
        }
    }
}

fn package_name(f: &FileFacts) -> String {
    match &f.header {
        HeaderOutcome::Read(h) => h.package_name.clone(),
        _ => String::new(),
    }
}

/// Plans one file, or `None` when Go skips it (its package clause does not parse).
pub fn plan_one(
    d: &DirFacts,
    f: &FileFacts,
    ctx: &BuildContext,
    env: &RunEnv,
    filter: &dyn LineFilter,
) -> Option<FilePlan> {
    let body = f.body.as_ref()?;
    let package = package_name(f);
    if package.is_empty() {
        return None;
    }
    let dir = d.dir.to_string_lossy().into_owned();
    let goroot_bin = format!("{}/bin", env.goroot);
    let fenv = FileEnv {
        goroot: env.goroot.clone(),
        goos: ctx.goos.clone(),
        goarch: ctx.goarch.clone(),
        gofile: f.name.clone(),
        gopackage: package,
        path: if env.path.is_empty() {
            goroot_bin
        } else {
            format!("{goroot_bin}:{}", env.path)
        },
        pwd: dir,
    };
    let shown = short_path(&d.dir.join(&f.name), env.cwd);
    Some(plan_file(
        body.generate(),
        &fenv,
        &shown,
        filter,
        env.process_env,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goroot_guess_uses_the_injected_environment_and_source() {
        use crate::source::{Disk, Overlay};
        let mut fake = Overlay::new(Disk);
        fake.set("/nonexistent-gotags-plan/go9/bin/go", b"#!".to_vec());
        let env = |k: &str| match k {
            "PATH" => {
                Some("/nonexistent-gotags-plan/none::/nonexistent-gotags-plan/go9/bin".into())
            }
            _ => None,
        };
        assert_eq!(goroot_guess(&env, &fake), "/nonexistent-gotags-plan/go9");
        let set = |k: &str| (k == "GOROOT").then(|| "/g".to_string());
        assert_eq!(goroot_guess(&set, &fake), "/g");
        assert_eq!(goroot_guess(&|_: &str| None, &fake), "");
    }
}
