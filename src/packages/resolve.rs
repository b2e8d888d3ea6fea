//! The one package-pattern resolver every command uses: cleaned patterns in, in go list's
//! print order, each package directory (with its module and its files' facts, read through
//! the walk) or the error go list reports for the pattern, plus go's warnings. Matching
//! follows cmd/go: file-system patterns walk from their directory and map each directory to
//! an import path through the main modules; `...` import paths walk the main modules (and
//! GOROOT for paths without a dot) and come out sorted; literal import paths are looked up.

use super::pattern::{self, join_clean, Kind, Matcher};
use super::workspace::{find_up, is_dir, is_file, MainModules};
use crate::classify::{classify, ImportError, Loader};
use crate::context::BuildContext;
use crate::facts::ReadDepth;
use crate::list::{is_package, short_path};
use crate::source::{FileKind, Source};
use crate::walk::{self, DirFacts, GorootPattern, Module};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What resolution works with.
pub struct Request<'a> {
    /// Where relative patterns start (the `-C` directory).
    pub base: &'a Path,
    /// The directory paths in messages are shortened against.
    pub cwd: &'a Path,
    pub main: &'a MainModules,
    pub ctx: &'a BuildContext,
    /// The Go distribution, for `std`, `cmd` and paths without a dot.
    pub goroot: Option<&'a Path>,
    pub depth: ReadDepth,
    /// Keep every directory a wildcard walks into, whatever its files' constraints say on
    /// `ctx` (matrix, check and embed look at every platform; go list keeps packages only).
    pub every_platform: bool,
    /// Where every directory and file is read from.
    pub source: &'a dyn Source,
    /// An unreadable directory stops the walk and is the pattern's error, as in go list;
    /// otherwise the walk goes on and the problem is only reported.
    pub walk_errors: bool,
}

/// One entry of the result, in print order.
#[derive(Clone, Debug)]
pub enum Item {
    /// A package directory.
    Package {
        module: Arc<Module>,
        dir: DirFacts,
        /// The `std`/`cmd` walk it came from (their packages carry extra filters).
        goroot: Option<GorootPattern>,
    },
    /// A pattern (or one of its directories) go list reports as an error entry.
    Failed {
        import_path: String,
        dir: Option<PathBuf>,
        err: String,
    },
}

/// The packages and errors of all patterns, and go's warnings in its order.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    pub items: Vec<Item>,
    pub warnings: Vec<String>,
    /// Directories the walks could not read (reported once each; the walk goes on).
    pub problems: Vec<walk::WalkProblem>,
}

/// What one pattern matched before de-duplication.
#[derive(Default)]
struct Match {
    pkgs: Vec<(String, Item)>,
    errs: Vec<String>,
    /// `warning: ignoring symlink` lines of one matching pass.
    symlinks: Vec<String>,
    problems: Vec<walk::WalkProblem>,
}

/// Resolves `patterns` (already cleaned) as `go list` does.
pub fn resolve(req: &Request, patterns: &[String]) -> Resolved {
    let minor = req.ctx.release.minor;
    let mut out = Resolved::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut unmatched = Vec::new();
    let mut symlinks = Vec::new();
    for p in patterns {
        let m = match pattern::kind(p, minor) {
            Kind::Local { wildcard: true } => local_wildcard(req, p),
            Kind::Local { wildcard: false } => local_literal(req, p),
            Kind::Std => goroot_meta(req, GorootPattern::Std),
            Kind::Cmd => goroot_meta(req, GorootPattern::Cmd),
            Kind::Work => import_wildcard(req, p, true),
            // Outside every module `all` has nothing to match.
            Kind::All if req.main.is_none() => Match::default(),
            Kind::All => Match {
                errs: vec![
                    "gotags does not resolve the \"all\" pattern: it needs the import graph"
                        .to_string(),
                ],
                ..Match::default()
            },
            Kind::ImportPath { wildcard: true } => import_wildcard(req, p, false),
            Kind::ImportPath { wildcard: false } => import_literal(req, p),
        };
        if m.pkgs.is_empty() && m.errs.is_empty() {
            unmatched.push(format!("go: warning: {p:?} matched no packages"));
        }
        symlinks.extend(m.symlinks);
        out.problems.extend(m.problems);
        for (path, item) in m.pkgs {
            // Error entries carry no path and are never folded.
            if path.is_empty() || seen.insert(path) {
                out.items.push(item);
            }
        }
        // A literal import path that fails is one package to go, printed once; the
        // error entries of directories and wildcards are printed per argument.
        let folded = matches!(
            pattern::kind(p, minor),
            Kind::ImportPath { wildcard: false }
        ) && !seen.insert(p.clone());
        if let Some(e) = m.errs.into_iter().next().filter(|_| !folded) {
            let literal = !p.contains("...")
                && !matches!(
                    pattern::kind(p, minor),
                    Kind::Std | Kind::Cmd | Kind::Work | Kind::All
                );
            out.items.push(Item::Failed {
                import_path: p.clone(),
                dir: None,
                err: if literal {
                    e
                } else {
                    format!("pattern {p}: {e}")
                },
            });
        }
    }
    // cmd/go matches the patterns twice (before and after loading), warning each time.
    out.warnings.extend(symlinks.iter().cloned());
    out.warnings.extend(symlinks);
    out.warnings.extend(unmatched);
    out
}

/// go's walks stop at the first directory they cannot read, in their order (names sorted,
/// depth first, which is the component order `Path` compares by): keeps the directories
/// before it and returns that problem, which the pattern reports as its error.
fn stop_at_first_problem(
    dirs: &mut Vec<DirFacts>,
    problems: Vec<walk::WalkProblem>,
) -> Option<walk::WalkProblem> {
    let first = problems.into_iter().min_by(|a, b| a.path.cmp(&b.path))?;
    dirs.retain(|d| d.dir < first.path);
    Some(first)
}

/// A walk's problems as the command takes them: go list stops the walk at the first one,
/// which becomes the pattern's error (`open PATH: ...`, the path as `shown` writes it);
/// other commands go on past every problem, each only reported.
fn walk_problems(
    req: &Request,
    m: &mut Match,
    dirs: &mut Vec<DirFacts>,
    problems: Vec<walk::WalkProblem>,
    shown: impl FnOnce(&Path) -> String,
) {
    if !req.walk_errors {
        m.problems.extend(problems);
    } else if let Some(pr) = stop_at_first_problem(dirs, problems) {
        m.errs
            .push(format!("open {}: {}", shown(&pr.path), pr.message));
        m.problems.push(pr);
    }
}

/// The main module whose root holds `dir`, for a file-system walk.
fn module_of<'m>(main: &'m MainModules, root: &Path) -> Option<&'m super::workspace::MainModule> {
    main.modules.iter().find(|m| m.module.root == root)
}

/// go.mod `ignore`: rooted (`./x`) entries match by prefix, others anywhere.
fn ignored(ignore: &[String], rel: &str) -> bool {
    if ignore.is_empty() || rel.is_empty() {
        return false;
    }
    let norm = |p: &str| {
        let mut s = String::from("/");
        s.push_str(p.trim_start_matches('/'));
        if !s.ends_with('/') {
            s.push('/');
        }
        s
    };
    let dir = norm(rel);
    ignore.iter().any(|i| match i.strip_prefix("./") {
        Some(r) => dir.starts_with(&norm(r)),
        None => dir.contains(&norm(i)),
    })
}

/// Is this a directory name every walk skips (`.x`, `_x`, `testdata`)?
fn pruned_name(elem: &str) -> bool {
    (elem.starts_with('.') && elem != "." && elem != "..")
        || elem.starts_with('_')
        || elem == "testdata"
}

fn dirstr(abs: &Path, cwd: &Path) -> String {
    let s = short_path(abs, cwd);
    if s == "." {
        "current directory".to_string()
    } else {
        format!("directory {s}")
    }
}

/// `./x/...`, `../...`, `/abs/...`.
fn local_wildcard(req: &Request, p: &str) -> Match {
    let mut m = Match::default();
    let i = p.find("...").unwrap_or(p.len());
    // The directory the wildcard lives in must belong to a main module.
    let cleaned_head = pattern::clean_slash(&p[..(i + 3).min(p.len())]);
    let prefix_dir = match cleaned_head.rfind('/') {
        Some(0) => "/",
        Some(j) => &cleaned_head[..j],
        None => ".",
    };
    let abs_prefix = join_clean(req.base, prefix_dir);
    let mod_root = find_up(req.source, &abs_prefix, "go.mod");
    let Some(main) = mod_root.as_deref().and_then(|r| module_of(req.main, r)) else {
        let scope = if req.main.workspace_mode() {
            "modules listed in go.work or their selected dependencies"
        } else {
            "main module or its selected dependencies"
        };
        m.errs.push(format!(
            "directory prefix {} does not contain {scope}",
            short_path(&abs_prefix, req.cwd)
        ));
        return m;
    };
    // The walk starts at the directory part before the wildcard, written as given.
    let local = p.starts_with("./");
    let clean_pattern = if local && p != "." {
        format!("./{}", pattern::clean_slash(p))
    } else {
        pattern::clean_slash(p)
    };
    let name_prefix = if local { "./" } else { "" };
    let j = clean_pattern.find("...").unwrap_or(clean_pattern.len());
    let walk_dir_written = match clean_pattern[..j].rfind('/') {
        Some(k) => &clean_pattern[..=k],
        None => ".",
    };
    let walk_dir_clean = pattern::clean_slash(walk_dir_written);
    let start = join_clean(req.base, &walk_dir_clean);
    let top_elem = walk_dir_clean.rsplit('/').next().unwrap_or("");
    if let Err(e) = req.source.stat(&start) {
        m.errs.push(format!("lstat {walk_dir_written}: {}", e.text));
        return m;
    }
    if pruned_name(top_elem) {
        return m;
    }
    let matcher = Matcher::new(&clean_pattern);
    let (mut dirs, problems) = walk::walk_in(req.source, &main.module, &start, req.depth);
    walk_problems(req, &mut m, &mut dirs, problems, |path| {
        if req.ctx.release.go_list.relative_walk_errors {
            let rel = walk::relative_slash(&start, path);
            pattern::clean_slash(&format!("{walk_dir_clean}/{rel}"))
        } else {
            path.display().to_string()
        }
    });
    for d in dirs {
        let rel_to_start = walk::relative_slash(&start, &d.dir);
        let path = match (walk_dir_clean.as_str(), rel_to_start.as_str()) {
            (w, "") => w.to_string(),
            (".", r) => r.to_string(),
            (w, r) if w.ends_with('/') => format!("{w}{r}"),
            (w, r) => format!("{w}/{r}"),
        };
        let name = format!("{name_prefix}{path}");
        if !matcher.matches(&name) {
            continue;
        }
        if ignored(&main.ignore, &d.rel) {
            continue;
        }
        if !req.every_platform && !is_package(&d, req.ctx) {
            continue;
        }
        if d.rel.contains('@') {
            m.errs.push(format!(
                "directory {} outside main module or its selected dependencies",
                d.rel
            ));
            continue;
        }
        if is_pseudo_package(&main.module, &d.rel) {
            continue;
        }
        m.pkgs
            .push((main.module.import_path(&d.rel), package(&main.module, d)));
    }
    m
}

/// A package directory of `module` matched outside the `std`/`cmd` walks.
fn package(module: &Arc<Module>, dir: DirFacts) -> Item {
    Item::Package {
        module: module.clone(),
        dir,
        goroot: None,
    }
}

/// The standard library's `builtin`, which exists only for its documentation: wildcards
/// pass over it, and naming its directory is an error.
fn is_pseudo_package(module: &Module, rel: &str) -> bool {
    module.path == "std" && rel == "builtin"
}

/// Is there a go.mod in a directory strictly below `root` down to `dir` (inclusive)?
fn nested_module_between(source: &dyn Source, root: &Path, dir: &Path) -> bool {
    dir.ancestors()
        .take_while(|cur| *cur != root)
        .any(|cur| is_file(source, &cur.join("go.mod")))
}

/// `.`, `./x`, `../x`, `/abs/x`.
fn local_literal(req: &Request, p: &str) -> Match {
    let mut m = Match::default();
    let abs = join_clean(req.base, p);
    match req.source.stat(&abs) {
        Err(e) => {
            let why = if e.not_found() {
                "directory not found".to_string()
            } else {
                e.text
            };
            m.errs.push(format!("stat {}: {why}", abs.display()));
            return m;
        }
        Ok(md) if md.kind != FileKind::Dir => {
            m.errs
                .push(format!("stat {}: not a directory", abs.display()));
            return m;
        }
        Ok(_) => {}
    }
    // Which main module provides the directory, if any.
    let mut found = (req.main.modules.iter())
        .find(|mm| mm.module.root == abs)
        .map(|mm| (mm, String::new()));
    let mut not_in: Option<(usize, String)> = None;
    if found.is_none() {
        for mm in &req.main.modules {
            let Ok(suffix) = abs.strip_prefix(&mm.module.root) else {
                continue;
            };
            let rel = walk::relative_slash(Path::new(""), suffix);
            if rel.contains('@') {
                continue;
            }
            if nested_module_between(req.source, &mm.module.root, &abs) {
                let pkg = mm.module.import_path(&rel);
                if !not_in
                    .as_ref()
                    .is_some_and(|(n, _)| mm.module.path.len() <= *n)
                {
                    not_in = Some((
                        mm.module.path.len(),
                        format!(
                            "main module ({}) does not contain package {pkg}",
                            mm.module.path
                        ),
                    ));
                }
                continue;
            }
            found = Some((mm, rel));
            break;
        }
    }
    let facts = |rel: String| walk::read_dir_facts_in(req.source, abs.clone(), rel, req.depth);
    // A directory without any Go file is no package, whoever would own it.
    let probe = match facts(String::new()) {
        Ok(d) => d,
        Err(pr) => {
            m.errs.push(pr.message);
            return m;
        }
    };
    let dir_text = abs.to_string_lossy().into_owned();
    let files = classify(&probe.files, &dir_text, req.ctx, Loader::GoBuild);
    if matches!(files.error, Some(ImportError::NoGo)) && files.ignored_go_files.is_empty() {
        return Match {
            pkgs: vec![(
                String::new(),
                Item::Failed {
                    import_path: p.to_string(),
                    dir: Some(abs.clone()),
                    err: format!("no Go files in {dir_text}"),
                },
            )],
            ..Match::default()
        };
    }
    match (found, not_in) {
        (Some((mm, rel)), _) if is_pseudo_package(&mm.module, &rel) => m.errs.push(format!(
            "{:?} is a pseudo-package, not an importable package",
            mm.module.import_path(&rel)
        )),
        (Some((mm, rel)), _) => {
            let import_path = mm.module.import_path(&rel);
            let mut d = probe;
            d.rel = rel;
            m.pkgs.push((import_path, package(&mm.module, d)));
        }
        (None, Some((_, e))) => m.errs.push(e),
        (None, None) => {
            let ds = dirstr(&abs, req.cwd);
            if req.main.workspace_mode() {
                match find_up(req.source, &abs, "go.mod") {
                    Some(mr) => m.errs.push(format!(
                        "{ds} is contained in a module that is not one of the workspace modules listed in go.work. You can add the module to the workspace using:\n\tgo work use {}",
                        short_path(&mr, req.cwd)
                    )),
                    None => m.errs.push(format!(
                        "{ds} outside modules listed in go.work or their selected dependencies"
                    )),
                }
            } else {
                m.errs.push(format!(
                    "{ds} outside main module or its selected dependencies"
                ));
            }
        }
    }
    m
}

/// `std` or `cmd`: the walk of the Go distribution, sorted by import path.
fn goroot_meta(req: &Request, which: GorootPattern) -> Match {
    let mut m = Match::default();
    let Some(goroot) = req.goroot else {
        m.errs.push("GOROOT is not set (use --goroot)".to_string());
        return m;
    };
    let (module, mut dirs, problems) = walk::walk_goroot_in(req.source, goroot, which, req.depth);
    walk_problems(req, &mut m, &mut dirs, problems, |p| {
        p.display().to_string()
    });
    let module = Arc::new(module);
    let mut pkgs: Vec<(String, Item)> = dirs
        .into_iter()
        .filter(|d| crate::list::goroot_keeps(&module, d, req.ctx, which))
        .map(|d| {
            (
                module.import_path(&d.rel),
                Item::Package {
                    module: module.clone(),
                    dir: d,
                    goroot: Some(which),
                },
            )
        })
        .collect();
    pkgs.sort_by(|a, b| a.0.cmp(&b.0));
    m.pkgs = pkgs;
    m
}

/// The directory below `root` a walk for `pattern` can start at, with its slash path, or
/// `None` when a directory on the way is pruned.
fn walk_start(
    source: &dyn Source,
    root: &Path,
    import_root: &str,
    pattern: &str,
) -> Option<(PathBuf, String)> {
    let lit = pattern.split("...").next().unwrap_or("");
    let below = if import_root.is_empty() {
        lit
    } else {
        match lit.strip_prefix(import_root) {
            Some(rest) => rest.strip_prefix('/').unwrap_or(""),
            None => "",
        }
    };
    let sub = match below.rfind('/') {
        Some(k) => &below[..k],
        None => "",
    };
    let mut dir = root.to_path_buf();
    let mut rel = String::new();
    for elem in sub.split('/').filter(|e| !e.is_empty()) {
        if pruned_name(elem) {
            return None;
        }
        dir.push(elem);
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str(elem);
        if is_file(source, &dir.join("go.mod")) {
            return None;
        }
    }
    Some((dir, rel))
}

/// `x/...` import paths over the main modules (and GOROOT for paths without a dot), and
/// the `work` meta pattern (every package of the main modules).
fn import_wildcard(req: &Request, p: &str, work: bool) -> Match {
    let mut m = Match::default();
    let matcher = Matcher::new(p);
    let want = |name: &str| work || (pattern::tree_can_match(p, name) && matcher.matches(name));
    let tree = |name: &str| work || pattern::tree_can_match(p, name);
    let mut names: HashSet<String> = HashSet::new();
    let first_elem = p.split('/').next().unwrap_or("");
    let std_walk = !work
        && !first_elem.contains('.')
        && req.goroot.is_some_and(|g| {
            first_elem.contains("...") || is_dir(req.source, &g.join("src").join(first_elem))
        });
    if std_walk {
        for which in [GorootPattern::Std, GorootPattern::Cmd] {
            if which == GorootPattern::Cmd && !tree("cmd") {
                continue;
            }
            if which == GorootPattern::Std && first_elem == "cmd" {
                continue;
            }
            let g = goroot_meta(req, which);
            for (name, item) in g.pkgs {
                if want(&name) && name != "builtin" && names.insert(name.clone()) {
                    m.pkgs.push((name, item));
                }
            }
        }
    }
    for mm in &req.main.modules {
        if !tree(&mm.module.path) {
            continue;
        }
        let start = if work {
            Some((mm.module.root.clone(), String::new()))
        } else {
            walk_start(req.source, &mm.module.root, &mm.module.path, p)
        };
        let Some((start, _)) = start else { continue };
        if !is_dir(req.source, &start) {
            continue;
        }
        let (mut dirs, problems) = walk::walk_in(req.source, &mm.module, &start, req.depth);
        walk_problems(req, &mut m, &mut dirs, problems, |p| {
            p.display().to_string()
        });
        for d in dirs {
            let name = mm.module.import_path(&d.rel);
            if !tree(&name) {
                continue;
            }
            if ignored(&mm.ignore, &d.rel) {
                continue;
            }
            if d.irregular && p.contains("...") {
                m.symlinks
                    .extend(symlinked_dirs(req.source, &d.dir, &name, &tree));
            }
            let keep = req.every_platform || is_package(&d, req.ctx);
            if !want(&name) || !keep || !names.insert(name.clone()) {
                continue;
            }
            m.pkgs.push((name, package(&mm.module, d)));
        }
    }
    m.pkgs.sort_by(|a, b| a.0.cmp(&b.0));
    m
}

/// `warning: ignoring symlink` for each symlink to a directory in `dir` a walk would enter.
fn symlinked_dirs(
    source: &dyn Source,
    dir: &Path,
    name: &str,
    tree: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let Ok(rd) = source.read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = rd
        .into_iter()
        .filter(|e| e.kind == FileKind::Symlink)
        .map(|e| (e.name.to_string_lossy().into_owned(), dir.join(&e.name)))
        .filter(|(n, p)| !pruned_name(n) && is_dir(source, p) && tree(&format!("{name}/{n}")))
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|(_, p)| format!("warning: ignoring symlink {}", p.display()))
        .collect()
}

/// A literal import path: the standard library for paths without a dot, else the main
/// module whose path is its longest prefix.
fn import_literal(req: &Request, p: &str) -> Match {
    let mut m = Match::default();
    let first_elem = p.split('/').next().unwrap_or("");
    let std_like = !first_elem.contains('.');
    if std_like {
        if let Some(goroot) = req.goroot {
            let src = goroot.join("src");
            let dir = src.join(p);
            if has_go_files(req.source, &dir) {
                let module = Arc::new(Module {
                    root: src,
                    path: "std".into(),
                    requires: Vec::new(),
                    go: None,
                    mode: Default::default(),
                });
                if let Ok(d) = walk::read_dir_facts_in(req.source, dir, p.to_string(), req.depth) {
                    m.pkgs.push((p.to_string(), package(&module, d)));
                    return m;
                }
            }
        }
    }
    let mut best: Option<(&super::workspace::MainModule, String)> = None;
    for mm in &req.main.modules {
        let mp = mm.module.path.as_str();
        let rel = if p == mp {
            String::new()
        } else if let Some(r) = p.strip_prefix(mp).and_then(|r| r.strip_prefix('/')) {
            r.to_string()
        } else {
            continue;
        };
        if best
            .as_ref()
            .is_some_and(|(b, _)| b.module.path.len() >= mp.len())
        {
            continue;
        }
        best = Some((mm, rel));
    }
    if let Some((mm, rel)) = best {
        let dir = pattern::join_clean(&mm.module.root, &rel);
        if has_go_files(req.source, &dir)
            && !nested_module_between(req.source, &mm.module.root, &dir)
        {
            if let Ok(d) = walk::read_dir_facts_in(req.source, dir, rel, req.depth) {
                m.pkgs.push((p.to_string(), package(&mm.module, d)));
                return m;
            }
        }
    }
    if std_like {
        let dir = req
            .goroot
            .map(|g| g.join("src").join(p).to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("$GOROOT/src/{p}"));
        m.errs.push(format!("package {p} is not in std ({dir})"));
    } else if req.main.is_none() {
        m.errs.push(format!(
            "no required module provides package {p}: {}",
            super::workspace::NO_GO_MOD
        ));
    } else {
        m.errs.push(format!(
            "no required module provides package {p}; to add it:\n\tgo get {p}"
        ));
    }
    m
}

/// cmd/go's `isDirWithGoFiles`: a directory holding a `.go` file (any constraints).
fn has_go_files(source: &dyn Source, dir: &Path) -> bool {
    source.read_dir(dir).is_ok_and(|rd| {
        rd.iter().any(|e| {
            e.name.to_string_lossy().ends_with(".go") && is_file(source, &dir.join(&e.name))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_directive_forms() {
        let ig = vec!["./skipped".to_string(), "sub/x".to_string()];
        assert!(ignored(&ig, "skipped"));
        assert!(ignored(&ig, "skipped/deeper"));
        assert!(!ignored(&ig, "skippedx"));
        assert!(ignored(&ig, "a/sub/x/y"));
        assert!(!ignored(&ig, ""));
    }

    #[test]
    fn walk_starts() {
        for (pattern, want) in [
            ("example.com/m/pkg/...", Some(("/m/pkg", "pkg"))),
            ("example.com/m/...", Some(("/m", ""))),
            ("example.com/m/_x/y/...", None),
        ] {
            let got = walk_start(
                &crate::source::Disk,
                Path::new("/m"),
                "example.com/m",
                pattern,
            );
            let want = want.map(|(dir, rel)| (PathBuf::from(dir), rel.to_string()));
            assert_eq!(got, want, "{pattern}");
        }
    }
}
