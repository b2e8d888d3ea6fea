//! Module discovery and the `./...` directory walk with Go's rules: lexical order, `.`/`_`/
//! `testdata` directories pruned, nested modules pruned, `vendor` subtrees never matched,
//! symlinked directories not followed, `.gitignore` not honoured. Everything is read through
//! a [`Source`]: each directory is listed once (its `.`/`_` source names are kept in the
//! facts for the commands that report them), and each candidate file is read once, with
//! subtrees walked in parallel and results kept in walk order.

use crate::facts::{FileFacts, ReadDepth};
use crate::filename;
use crate::platform;
use crate::source::{Disk, Entry, FileKind, Source, SourceError};
use rayon::prelude::*;
use std::fmt;
use std::path::{Path, PathBuf};

/// The module a walk belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Module {
    /// Directory holding `go.mod`.
    pub root: PathBuf,
    /// The `module` path from go.mod (`std` and `cmd` for the Go source tree).
    pub path: String,
    /// Module paths named by go.mod's `require` directives (empty for the Go source tree,
    /// and when go.mod is not valid UTF-8).
    pub requires: Vec<String>,
    /// The version of go.mod's `go` directive (`1.21`), when there is one.
    pub go: Option<String>,
    /// What cmd/go reads to choose the build mode (default: module mode).
    pub mode: crate::go::build_mode::ModeFacts,
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

/// Why no module could be found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModuleError {
    /// go.mod exists but could not be read.
    Read { gomod: PathBuf, error: SourceError },
    /// go.mod has no `module` directive.
    NoModuleDeclaration { gomod: PathBuf },
    /// No go.mod in the directory or any parent.
    NotFound { start: PathBuf },
}

impl fmt::Display for ModuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModuleError::Read { gomod, error } => {
                write!(f, "read {}: {}", gomod.display(), error.text)
            }
            ModuleError::NoModuleDeclaration { gomod } => {
                write!(f, "{}: no module declaration", gomod.display())
            }
            ModuleError::NotFound { start } => write!(
                f,
                "go.mod file not found in {} or any parent directory",
                start.display()
            ),
        }
    }
}

impl std::error::Error for ModuleError {}

impl From<ModuleError> for String {
    fn from(e: ModuleError) -> String {
        e.to_string()
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
    /// Non-directory entries named like source files but starting with `.` or `_` (which
    /// go/build ignores), sorted: what the listing saw, so nothing lists it again.
    pub hidden: Vec<String>,
}

/// Finds the module containing `start` on the disk (see [`find_module_in`]).
pub fn find_module(start: &Path) -> Result<Module, ModuleError> {
    find_module_in(&Disk, start)
}

/// Finds the module containing `start`: the nearest directory upwards with a `go.mod` file.
pub fn find_module_in(source: &dyn Source, start: &Path) -> Result<Module, ModuleError> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let gomod = d.join("go.mod");
        if source
            .stat(&gomod)
            .is_ok_and(|m| m.kind == FileKind::Regular)
        {
            let text = source.read(&gomod).map_err(|error| ModuleError::Read {
                gomod: gomod.clone(),
                error,
            })?;
            let path = module_path(&String::from_utf8_lossy(&text))
                .ok_or(ModuleError::NoModuleDeclaration { gomod })?;
            let requires = std::str::from_utf8(&text).map_or_else(|_| Vec::new(), requires);
            return Ok(Module {
                root: d.to_path_buf(),
                path,
                requires,
                go: crate::go::release::go_directive(&String::from_utf8_lossy(&text)),
                mode: Default::default(),
            });
        }
        dir = d.parent();
    }
    Err(ModuleError::NotFound {
        start: start.to_path_buf(),
    })
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

/// Module paths named by `require` directives of a go.mod text.
pub fn requires(gomod: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in gomod.lines() {
        let line = line.split("//").next().unwrap_or_default().trim();
        if in_block {
            if line == ")" {
                in_block = false;
            } else if let Some(path) = line.split_whitespace().next() {
                out.push(path.trim_matches('"').to_string());
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("require") {
            let rest = rest.trim();
            if rest == "(" {
                in_block = true;
            } else if let Some(path) = rest.split_whitespace().next() {
                out.push(path.trim_matches('"').to_string());
            }
        }
    }
    out
}

/// Walks `start` (inside `module`) like `go list ./...` and reads every candidate
/// directory's source files. Directories come back in walk order.
pub fn walk(module: &Module, start: &Path) -> (Vec<DirFacts>, Vec<WalkProblem>) {
    walk_in(&Disk, module, start, ReadDepth::Header)
}

/// [`walk`] through `source`, reading each file to `depth`.
pub fn walk_in(
    source: &dyn Source,
    module: &Module,
    start: &Path,
    depth: ReadDepth,
) -> (Vec<DirFacts>, Vec<WalkProblem>) {
    let rules = Rules {
        source,
        depth,
        root: &module.root,
        kind: WalkKind::Module,
    };
    rules.run(start)
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
    walk_goroot_in(&Disk, goroot, pattern, ReadDepth::Header)
}

/// [`walk_goroot`] through `source`, reading each file to `depth`.
pub fn walk_goroot_in(
    source: &dyn Source,
    goroot: &Path,
    pattern: GorootPattern,
    depth: ReadDepth,
) -> (Module, Vec<DirFacts>, Vec<WalkProblem>) {
    let src = goroot.join("src");
    let module = match pattern {
        GorootPattern::Std => Module {
            root: src.clone(),
            path: "std".into(),
            requires: Vec::new(),
            go: None,
            mode: Default::default(),
        },
        GorootPattern::Cmd => Module {
            root: src.join("cmd"),
            path: "cmd".into(),
            requires: Vec::new(),
            go: None,
            mode: Default::default(),
        },
    };
    let rules = Rules {
        source,
        depth,
        root: &module.root,
        kind: WalkKind::Goroot(pattern),
    };
    let (dirs, problems) = rules.run(&module.root);
    (module, dirs, problems)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum WalkKind {
    /// `./...` inside a module.
    Module,
    /// `std` or `cmd` in `$GOROOT/src`.
    Goroot(GorootPattern),
}

/// One walk's settings.
struct Rules<'a> {
    source: &'a dyn Source,
    depth: ReadDepth,
    root: &'a Path,
    kind: WalkKind,
}

/// What walking one subtree produced, in walk order.
#[derive(Default)]
struct Found {
    dirs: Vec<DirFacts>,
    /// Listing failures met while descending (walk order).
    walk_problems: Vec<WalkProblem>,
    /// Failures to read a candidate directory (walk order), reported after the others.
    read_problems: Vec<WalkProblem>,
}

impl Found {
    fn append(&mut self, mut other: Found) {
        self.dirs.append(&mut other.dirs);
        self.walk_problems.append(&mut other.walk_problems);
        self.read_problems.append(&mut other.read_problems);
    }
}

/// A directory the walk has listed and will visit.
struct Item {
    path: PathBuf,
    rel: String,
    listing: Result<Vec<Entry>, SourceError>,
    visit: Visit,
}

/// One visited directory in the walk's tree: what it produced itself, and its
/// subdirectories' nodes (consecutive ids, in name order).
struct Node {
    found: Found,
    children: std::ops::Range<usize>,
}

/// What to do with a directory the walk meets.
enum Visit {
    /// A candidate: read its files, and walk its subdirectories unless `descend` is false.
    List { descend: bool },
    /// Not a candidate itself, but its subdirectories are walked.
    DescendOnly,
}

impl Rules<'_> {
    fn run(&self, start: &Path) -> (Vec<DirFacts>, Vec<WalkProblem>) {
        // The start is never pruned, whatever its name: `gotags list PATH` means
        // `go list ./...` run in PATH, where the top is spelt `.`. A start that is a symlink
        // to a directory (`./link/...`, or a working directory entered through one) is
        // listed and walked like the directory, as go's walks do; symlinks below it are not
        // followed.
        let problem = |e: SourceError| Found {
            walk_problems: vec![WalkProblem {
                path: start.to_path_buf(),
                message: e.text,
            }],
            ..Found::default()
        };
        let rel = relative_slash(self.root, start);
        let found = match self.source.lstat(start) {
            Err(e) => problem(e),
            Ok(m)
                if m.kind == FileKind::Dir
                    || self
                        .source
                        .stat(start)
                        .is_ok_and(|t| t.kind == FileKind::Dir) =>
            {
                let visit = match self.kind {
                    WalkKind::Goroot(GorootPattern::Std) if rel.is_empty() => Visit::DescendOnly,
                    WalkKind::Goroot(_) => Visit::List { descend: true },
                    WalkKind::Module => Visit::List {
                        descend: !is_vendor(&rel),
                    },
                };
                self.walk_from(Item {
                    path: start.to_path_buf(),
                    rel,
                    listing: self.list(start),
                    visit,
                })
            }
            Ok(m) if m.kind == FileKind::Symlink => match self.source.stat(start) {
                Err(e) => problem(e),
                Ok(_) => Found::default(),
            },
            Ok(_) => Found::default(),
        };
        let mut problems = found.walk_problems;
        problems.extend(found.read_problems);
        (found.dirs, problems)
    }

    /// The entries of `dir`, sorted by name bytes.
    fn list(&self, dir: &Path) -> Result<Vec<Entry>, SourceError> {
        let mut entries = self.source.read_dir(dir)?;
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }

    /// Walks the tree below `top` one depth at a time (each level's directories in
    /// parallel), then lays the results out in walk order. No call recurses per directory
    /// level, so a tree nested thousands deep needs no more stack than a flat one.
    fn walk_from(&self, top: Item) -> Found {
        let mut nodes: Vec<Node> = Vec::new();
        let mut level = vec![top];
        while !level.is_empty() {
            let results: Vec<(Found, Vec<Item>)> =
                level.into_par_iter().map(|item| self.visit(item)).collect();
            let mut next_id = nodes.len() + results.len();
            let mut next = Vec::new();
            for (found, below) in results {
                nodes.push(Node {
                    found,
                    children: next_id..next_id + below.len(),
                });
                next_id += below.len();
                next.extend(below);
            }
            level = next;
        }
        // Pre-order over the node tree: a directory, then its subtrees in name order.
        let mut out = Found::default();
        let mut stack = vec![0usize];
        while let Some(id) = stack.pop() {
            let Some(node) = nodes.get_mut(id) else {
                continue;
            };
            out.append(std::mem::take(&mut node.found));
            stack.extend(node.children.clone().rev());
        }
        out
    }

    /// One directory: its own facts (when it is a candidate) and the subdirectories to walk.
    fn visit(&self, item: Item) -> (Found, Vec<Item>) {
        let Item {
            path: dir,
            rel,
            listing,
            visit,
        } = item;
        let mut found = Found::default();
        let entries = match listing {
            Ok(entries) => entries,
            Err(e) => {
                if !matches!(visit, Visit::List { descend: false }) {
                    found.walk_problems.push(WalkProblem {
                        path: dir.clone(),
                        message: e.text.clone(),
                    });
                }
                if matches!(visit, Visit::List { .. }) {
                    found.read_problems.push(WalkProblem {
                        path: dir.clone(),
                        message: format!("{} {}: {}", e.op.word(), dir.display(), e.text),
                    });
                }
                return (found, Vec::new());
            }
        };
        let descend = !matches!(visit, Visit::List { descend: false });
        let subdirs: Vec<&Entry> = if descend {
            entries.iter().filter(|e| e.kind == FileKind::Dir).collect()
        } else {
            Vec::new()
        };
        let (own, below) = rayon::join(
            || match visit {
                Visit::List { .. } => Some(self.dir_facts(&dir, &rel, &entries)),
                Visit::DescendOnly => None,
            },
            || {
                subdirs
                    .par_iter()
                    .filter_map(|e| self.child(&dir, e))
                    .collect::<Vec<Item>>()
            },
        );
        if let Some(d) = own {
            found.dirs.push(d);
        }
        (found, below)
    }

    /// The subdirectory `e` of `parent`, listed, unless the walk prunes it.
    fn child(&self, parent: &Path, e: &Entry) -> Option<Item> {
        let name = e.name.to_string_lossy();
        if name.starts_with('.') || name.starts_with('_') || name == "testdata" {
            return None;
        }
        let path = parent.join(&e.name);
        let rel = relative_slash(self.root, &path);
        if self.kind == WalkKind::Goroot(GorootPattern::Std) && rel == "cmd" {
            return None;
        }
        let listing = self.list(&path);
        let visit = match self.kind {
            WalkKind::Goroot(_) => Visit::List { descend: true },
            WalkKind::Module => {
                if self.holds_go_mod(&path, &listing) {
                    return None;
                }
                // `./...` never matches a path with a non-final `vendor` element: a
                // `vendor` directory itself may be listed, nothing below it.
                Visit::List {
                    descend: !is_vendor(&rel),
                }
            }
        };
        Some(Item {
            path,
            rel,
            listing,
            visit,
        })
    }

    /// Is `dir/go.mod` a regular file (after symlinks)? The listing answers unless it
    /// failed or names a symlink.
    fn holds_go_mod(&self, dir: &Path, listing: &Result<Vec<Entry>, SourceError>) -> bool {
        let ask = || {
            self.source
                .stat(&dir.join("go.mod"))
                .is_ok_and(|m| m.kind == FileKind::Regular)
        };
        match listing {
            Err(_) => ask(),
            Ok(entries) => match entries.iter().find(|e| e.name == "go.mod") {
                None => false,
                Some(e) => match e.kind {
                    FileKind::Regular => true,
                    FileKind::Symlink => ask(),
                    FileKind::Dir | FileKind::Other => false,
                },
            },
        }
    }

    /// The facts of one listed directory's source files.
    fn dir_facts(&self, dir: &Path, rel: &str, entries: &[Entry]) -> DirFacts {
        dir_facts_from(self.source, dir, rel, entries, self.depth)
    }
}

fn is_vendor(rel: &str) -> bool {
    rel.rsplit('/').next() == Some("vendor")
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

/// Reads one directory's entries (sorted) and the facts of its source files through
/// `source`, each file to `depth`.
pub fn read_dir_facts_in(
    source: &dyn Source,
    dir: PathBuf,
    rel: String,
    depth: ReadDepth,
) -> Result<DirFacts, WalkProblem> {
    let entries = source.read_dir(&dir).map_err(|e| WalkProblem {
        path: dir.clone(),
        message: format!("{} {}: {}", e.op.word(), dir.display(), e.text),
    })?;
    Ok(dir_facts_from(source, &dir, &rel, &entries, depth))
}

/// The facts of a directory from its listing (in any order).
fn dir_facts_from(
    source: &dyn Source,
    dir: &Path,
    rel: &str,
    entries: &[Entry],
    depth: ReadDepth,
) -> DirFacts {
    // The raw name is kept for opening: two names that differ only in invalid UTF-8 show
    // the same (lossy) text but are different files.
    let mut named: Vec<(String, FileKind, &std::ffi::OsStr)> = entries
        .iter()
        .filter(|e| e.kind != FileKind::Dir)
        .map(|e| {
            (
                e.name.to_string_lossy().into_owned(),
                e.kind,
                e.name.as_os_str(),
            )
        })
        .collect();
    named.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut irregular = false;
    let mut files = Vec::new();
    let mut hidden = Vec::new();
    for (name, kind, raw) in named {
        if kind != FileKind::Regular {
            irregular = true;
        }
        let hidden_name = filename::is_hidden(&name);
        let source_ext = platform::is_source_ext(filename::extension(&name));
        if hidden_name && source_ext {
            hidden.push(name.clone());
        }
        let path = dir.join(raw);
        let is_symlink = kind == FileKind::Symlink;
        if is_symlink && source.stat(&path).is_ok_and(|m| m.kind == FileKind::Dir) {
            // A symlink to a directory is neither a package file nor walked.
            continue;
        }
        if hidden_name || !source_ext {
            continue;
        }
        files.push(FileFacts::read_in(
            source,
            &path,
            &name,
            is_symlink,
            kind == FileKind::Regular,
            depth,
        ));
    }
    // Kept for the whole run: no growth slack.
    files.shrink_to_fit();
    DirFacts {
        dir: dir.to_path_buf(),
        rel: rel.to_string(),
        files,
        irregular,
        hidden,
    }
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

    #[cfg(unix)]
    #[test]
    fn symlinked_start_is_listed_and_walked() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let real = tmp.path().join("real");
        std::fs::create_dir_all(real.join("sub")).expect("mkdir");
        std::fs::write(real.join("go.mod"), "module example.com/s\n").expect("go.mod");
        std::fs::write(real.join("a.go"), "package s\n").expect("a.go");
        std::fs::write(real.join("sub/b.go"), "package sub\n").expect("b.go");
        std::fs::write(real.join("sub/_c.go"), "package sub\n").expect("_c.go");
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let rels = |start: &Path| {
            let m = find_module(start).expect("module");
            let (dirs, problems) = walk(&m, start);
            assert!(problems.is_empty(), "{problems:?}");
            dirs.iter().map(|d| d.rel.clone()).collect::<Vec<_>>()
        };
        assert_eq!(rels(&real), ["", "sub"]);
        // As go's walks (tests/live_go.rs compares them): the start is listed through the link.
        assert_eq!(rels(&link), ["", "sub"]);
        let m = find_module(&real).expect("module");
        let (dirs, _) = walk(&m, &real);
        assert_eq!(dirs[1].hidden, ["_c.go"]);
        let missing = tmp.path().join("missing");
        let (dirs, problems) = walk(&m, &missing);
        assert!(dirs.is_empty());
        assert_eq!(problems[0].message, "no such file or directory");
    }

    #[test]
    fn std_import_paths_have_no_prefix() {
        let m = Module {
            root: "/g/src".into(),
            path: "std".into(),
            requires: Vec::new(),
            go: None,
            mode: Default::default(),
        };
        assert_eq!(m.import_path("net/http"), "net/http");
        let m = Module {
            root: "/g/src/cmd".into(),
            path: "cmd".into(),
            requires: Vec::new(),
            go: None,
            mode: Default::default(),
        };
        assert_eq!(m.import_path("go"), "cmd/go");
    }
}
