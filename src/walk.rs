//! Module discovery and the `./...` directory walk with Go's rules: lexical order, `.`/`_`/
//! `testdata` directories pruned, nested modules pruned, `vendor` subtrees never matched,
//! symlinked directories not followed, `.gitignore` not honoured. Each candidate directory's
//! files are read once, in parallel, into `FileFacts`.

use crate::facts::{go_errno_text, FileFacts, ReadDepth};
use crate::filename;
use crate::platform;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// The module a walk belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Module {
    /// Directory holding `go.mod`.
    pub root: PathBuf,
    /// The `module` path from go.mod (`std` and `cmd` for the Go source tree).
    pub path: String,
}

impl Module {
    /// The import path of a directory given as a slash path relative to the module root.
    pub fn import_path(&self, rel: &str) -> String {
        match (self.path.as_str(), rel) {
            // The standard library's packages carry no module prefix.
            ("std", "") => "std".to_string(),
            ("std", rel) => rel.to_string(),
            (m, "") => m.to_string(),
            (m, rel) => format!("{m}/{rel}"),
        }
    }
}

/// A problem met while walking; reported with its path, and the walk goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalkProblem {
    pub path: PathBuf,
    pub message: String,
}

/// One directory the walk may list as a package, with the facts of its source files.
#[derive(Clone, Debug)]
pub struct DirFacts {
    pub dir: PathBuf,
    /// Slash path relative to the module root ("" for the root).
    pub rel: String,
    /// Source files in name order (`_`/`.` names and unknown extensions left out).
    pub files: Vec<FileFacts>,
    /// The directory holds a symlink or other non-regular, non-directory entry, so cmd/go
    /// loads it with go/build instead of its module index.
    pub irregular: bool,
}

/// Finds the module containing `start`: the nearest directory upwards with a `go.mod` file.
pub fn find_module(start: &Path) -> Result<Module, String> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let gomod = d.join("go.mod");
        if gomod.is_file() {
            let text = fs::read(&gomod)
                .map_err(|e| format!("read {}: {}", gomod.display(), go_errno_text(&e)))?;
            let path = module_path(&String::from_utf8_lossy(&text))
                .ok_or_else(|| format!("{}: no module declaration", gomod.display()))?;
            return Ok(Module {
                root: d.to_path_buf(),
                path,
            });
        }
        dir = d.parent();
    }
    Err(format!(
        "go.mod file not found in {} or any parent directory",
        start.display()
    ))
}

/// The module path of a go.mod file: the first `module` directive, quoted or bare.
pub fn module_path(gomod: &str) -> Option<String> {
    for line in gomod.lines() {
        let line = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        let Some(rest) = line.trim().strip_prefix("module") else {
            continue;
        };
        if !rest.starts_with([' ', '\t', '"']) {
            continue;
        }
        let rest = rest.trim();
        let path = rest
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .or_else(|| rest.strip_prefix('`').and_then(|r| r.strip_suffix('`')))
            .unwrap_or(rest);
        if !path.is_empty() {
            return Some(path.to_string());
        }
    }
    None
}

/// Walks `start` (inside `module`) like `go list ./...` and reads every candidate
/// directory's source files. Directories come back in walk order.
pub fn walk(module: &Module, start: &Path) -> (Vec<DirFacts>, Vec<WalkProblem>) {
    walk_to(module, start, ReadDepth::Header)
}

/// [`walk`], reading each file to `depth`.
pub fn walk_to(
    module: &Module,
    start: &Path,
    depth: ReadDepth,
) -> (Vec<DirFacts>, Vec<WalkProblem>) {
    let mut problems = Vec::new();
    let mut dirs: Vec<(PathBuf, String)> = Vec::new();
    let mut it = walkdir::WalkDir::new(start)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(walk_problem(e, start));
                continue;
            }
        };
        if !entry.file_type().is_dir() {
            continue;
        }
        let top = entry.depth() == 0;
        let name = entry.file_name().to_string_lossy();
        let dot = name.starts_with('.') && name != "." && name != "..";
        // `gotags list PATH` means `go list ./...` run in PATH, where the top is spelt `.`
        // and therefore never pruned, whatever its real name.
        if !top && (dot || name.starts_with('_') || name == "testdata") {
            it.skip_current_dir();
            continue;
        }
        if !top && entry.path().join("go.mod").is_file() {
            it.skip_current_dir();
            continue;
        }
        let rel = relative_slash(&module.root, entry.path());
        // `./...` never matches a path with a non-final `vendor` element: a `vendor`
        // directory itself may be listed, nothing below it.
        if rel.rsplit('/').next() == Some("vendor") {
            it.skip_current_dir();
        }
        dirs.push((entry.path().to_path_buf(), rel));
    }

    let out = read_all(dirs, depth, &mut problems);
    (out, problems)
}

/// The Go distribution's own meta-patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GorootPattern {
    /// `std`: every package under `$GOROOT/src` except `cmd`, vendored ones included.
    Std,
    /// `cmd`: every package under `$GOROOT/src/cmd`, vendored ones included.
    Cmd,
}

impl GorootPattern {
    pub fn parse(text: &str) -> Option<GorootPattern> {
        match text {
            "std" => Some(GorootPattern::Std),
            "cmd" => Some(GorootPattern::Cmd),
            _ => None,
        }
    }
}

/// Walks `$GOROOT/src` for `std` or `cmd` as cmd/go's `MatchPackages` does: the `src`
/// directory itself is never a package, `.`/`_`/`testdata` trees are pruned, `vendor` trees
/// are walked (their packages are part of the pattern), and `std` leaves out `cmd`.
pub fn walk_goroot(
    goroot: &Path,
    pattern: GorootPattern,
) -> (Module, Vec<DirFacts>, Vec<WalkProblem>) {
    walk_goroot_to(goroot, pattern, ReadDepth::Header)
}

/// [`walk_goroot`], reading each file to `depth`.
pub fn walk_goroot_to(
    goroot: &Path,
    pattern: GorootPattern,
    depth: ReadDepth,
) -> (Module, Vec<DirFacts>, Vec<WalkProblem>) {
    let src = goroot.join("src");
    let module = match pattern {
        GorootPattern::Std => Module {
            root: src.clone(),
            path: "std".into(),
        },
        GorootPattern::Cmd => Module {
            root: src.join("cmd"),
            path: "cmd".into(),
        },
    };
    let mut problems = Vec::new();
    let mut dirs: Vec<(PathBuf, String)> = Vec::new();
    let mut it = walkdir::WalkDir::new(&module.root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(walk_problem(e, &module.root));
                continue;
            }
        };
        if !entry.file_type().is_dir() {
            continue;
        }
        let rel = relative_slash(&module.root, entry.path());
        if pattern == GorootPattern::Std && rel.is_empty() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let pruned = entry.depth() > 0
            && (name.starts_with('.') || name.starts_with('_') || name == "testdata");
        if pruned || (pattern == GorootPattern::Std && rel == "cmd") {
            it.skip_current_dir();
            continue;
        }
        dirs.push((entry.path().to_path_buf(), rel));
    }
    let out = read_all(dirs, depth, &mut problems);
    (module, out, problems)
}

/// Reads the facts of every directory in parallel, keeping walk order; failures become
/// problems and the rest goes on.
fn read_all(
    dirs: Vec<(PathBuf, String)>,
    depth: ReadDepth,
    problems: &mut Vec<WalkProblem>,
) -> Vec<DirFacts> {
    let results: Vec<Result<DirFacts, WalkProblem>> = dirs
        .into_par_iter()
        .map(|(dir, rel)| read_dir_facts_to(dir, rel, depth))
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(d) => out.push(d),
            Err(p) => problems.push(p),
        }
    }
    out
}

/// A walkdir error as a problem with its path and Go's wording of the OS error.
fn walk_problem(e: walkdir::Error, fallback: &Path) -> WalkProblem {
    let path = e
        .path()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| fallback.to_path_buf());
    let message = match e.io_error() {
        Some(io) => go_errno_text(io),
        None => e.to_string(),
    };
    WalkProblem { path, message }
}

/// The slash path of `path` below `root` ("" when equal).
pub fn relative_slash(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => path.to_string_lossy().into_owned(),
    }
}

/// Reads one directory's entries (sorted) and the facts of its source files.
pub fn read_dir_facts(dir: PathBuf, rel: String) -> Result<DirFacts, WalkProblem> {
    read_dir_facts_to(dir, rel, ReadDepth::Header)
}

/// [`read_dir_facts`], reading each file to `depth`.
pub fn read_dir_facts_to(
    dir: PathBuf,
    rel: String,
    depth: ReadDepth,
) -> Result<DirFacts, WalkProblem> {
    let read = fs::read_dir(&dir).map_err(|e| WalkProblem {
        path: dir.clone(),
        message: format!("open {}: {}", dir.display(), go_errno_text(&e)),
    })?;
    // The raw name is kept for opening: two names that differ only in invalid UTF-8 show
    // the same (lossy) text but are different files.
    let mut entries: Vec<(String, fs::FileType, std::ffi::OsString)> = Vec::new();
    for entry in read {
        match entry {
            Ok(e) => {
                let Ok(ft) = e.file_type() else { continue };
                let raw = e.file_name();
                entries.push((raw.to_string_lossy().into_owned(), ft, raw));
            }
            Err(e) => {
                return Err(WalkProblem {
                    path: dir.clone(),
                    message: format!("read {}: {}", dir.display(), go_errno_text(&e)),
                })
            }
        }
    }
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut irregular = false;
    let mut files = Vec::new();
    for (name, ft, raw) in entries {
        if ft.is_dir() {
            continue;
        }
        if !ft.is_file() {
            irregular = true;
        }
        let path = dir.join(&raw);
        let is_symlink = ft.is_symlink();
        if is_symlink && path.is_dir() {
            // A symlink to a directory is neither a package file nor walked.
            continue;
        }
        if filename::is_hidden(&name) || !platform::is_source_ext(filename::extension(&name)) {
            continue;
        }
        files.push(FileFacts::read_entry(
            &path,
            &name,
            is_symlink,
            ft.is_file(),
            depth,
        ));
    }
    Ok(DirFacts {
        dir,
        rel,
        files,
        irregular,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_path_forms() {
        assert_eq!(
            module_path("module example.com/m\n\ngo 1.23\n"),
            Some("example.com/m".into())
        );
        assert_eq!(
            module_path("// c\nmodule \"example.com/q\" // x\n"),
            Some("example.com/q".into())
        );
        assert_eq!(module_path("go 1.23\n"), None);
        assert_eq!(module_path("modules x\n"), None);
    }

    #[test]
    fn std_import_paths_have_no_prefix() {
        let m = Module {
            root: "/g/src".into(),
            path: "std".into(),
        };
        assert_eq!(m.import_path("net/http"), "net/http");
        let m = Module {
            root: "/g/src/cmd".into(),
            path: "cmd".into(),
        };
        assert_eq!(m.import_path("go"), "cmd/go");
    }
}
