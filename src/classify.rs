//! Classification of one directory's `FileFacts` under one `BuildContext` into the file lists
//! `go list` prints, with go/build's errors. Two loaders are reproduced: cmd/go's module index
//! (the default for directories of regular files) and go/build (directories holding a symlink
//! or another irregular entry, and the `./...` package-existence check). Pure: no disk access.

use crate::constraint::Expr;
use crate::context::BuildContext;
use crate::facts::{FileFacts, HeaderFacts, HeaderOutcome};
use crate::syntax::constraints::deciding;
use std::collections::BTreeMap;

/// Which of Go's two package loaders to emulate (spec §0.2, §5.9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loader {
    /// cmd/go/internal/modindex: used for directories whose entries are all regular files.
    Index,
    /// go/build: used when a directory holds a symlink or other irregular entry.
    GoBuild,
}

/// A position in a source file, as Go prints it (`file:line:col`), `file` absolute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcePos {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

/// Why `Import` failed; becomes the package's `Error` in `go list`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The first bad-file error, with a position when it is a syntax error.
    BadFile {
        message: String,
        pos: Option<SourcePos>,
    },
    /// No buildable Go files (`NoGoError`); the message depends on the lists.
    NoGo,
}

/// The `go list` file lists of one package under one context, in Go's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackageFiles {
    pub name: String,
    pub go_files: Vec<String>,
    pub cgo_files: Vec<String>,
    pub ignored_go_files: Vec<String>,
    pub ignored_other_files: Vec<String>,
    pub invalid_go_files: Vec<String>,
    pub test_go_files: Vec<String>,
    pub xtest_go_files: Vec<String>,
    pub c_files: Vec<String>,
    pub cxx_files: Vec<String>,
    pub m_files: Vec<String>,
    pub h_files: Vec<String>,
    pub f_files: Vec<String>,
    pub s_files: Vec<String>,
    pub swig_files: Vec<String>,
    pub swig_cxx_files: Vec<String>,
    pub syso_files: Vec<String>,
    /// Sorted, de-duplicated pattern → positions of every occurrence (file order).
    pub embed_patterns: BTreeMap<String, Vec<SourcePos>>,
    pub test_embed_patterns: BTreeMap<String, Vec<SourcePos>>,
    pub xtest_embed_patterns: BTreeMap<String, Vec<SourcePos>>,
    pub binary_only: bool,
    pub error: Option<ImportError>,
}

impl PackageFiles {
    /// GoFiles + CgoFiles + TestGoFiles + XTestGoFiles is empty.
    pub fn has_no_go(&self) -> bool {
        self.go_files.is_empty()
            && self.cgo_files.is_empty()
            && self.test_go_files.is_empty()
            && self.xtest_go_files.is_empty()
    }
}

/// Evaluates a constraint expression with the context's tag matcher.
pub fn eval_expr(expr: &Expr, ctx: &BuildContext) -> bool {
    expr.eval(&mut |tag| ctx.match_tag(tag))
}

/// Where a file lands when its constraints exclude it or it is not a source file at all.
fn list_for_ext<'a>(p: &'a mut PackageFiles, ext: &str) -> Option<&'a mut Vec<String>> {
    Some(match ext {
        ".c" => &mut p.c_files,
        ".cc" | ".cxx" | ".cpp" => &mut p.cxx_files,
        ".m" => &mut p.m_files,
        ".h" | ".hh" | ".hpp" | ".hxx" => &mut p.h_files,
        ".f" | ".F" | ".for" | ".f90" => &mut p.f_files,
        ".s" | ".S" | ".sx" => &mut p.s_files,
        ".swig" => &mut p.swig_files,
        ".swigcxx" => &mut p.swig_cxx_files,
        ".syso" => &mut p.syso_files,
        _ => return None,
    })
}

/// Records bad `.go` files: the first error wins, each file is listed once.
struct BadFiles {
    first: Option<ImportError>,
}

impl BadFiles {
    fn add(&mut self, p: &mut PackageFiles, name: &str, error: ImportError) {
        if self.first.is_none() {
            self.first = Some(error);
        }
        if !p.invalid_go_files.iter().any(|n| n == name) {
            p.invalid_go_files.push(name.to_string());
        }
    }
}

fn plain(message: String) -> ImportError {
    ImportError::BadFile { message, pos: None }
}

/// Classifies the files of `dir` (absolute, for messages) in name order.
pub fn classify(
    files: &[FileFacts],
    dir: &str,
    ctx: &BuildContext,
    loader: Loader,
) -> PackageFiles {
    let mut p = PackageFiles::default();
    let mut bad = BadFiles { first: None };
    let mut held_s: Vec<String> = Vec::new();
    let mut first_file = String::new();
    let mut tag = |t: &str| ctx.match_tag(t);

    'files: for f in files {
        let is_go = f.is_go();
        let name_ok = f.name_constraint.matches(&mut tag);

        // Step 1: file-level errors. The index records them but only .go files check them
        // (the rest is taken as unconstrained); go/build never opens a file its name excludes.
        let failure = match &f.header {
            HeaderOutcome::OpenFailed(msg) | HeaderOutcome::ReadFailed(msg) => Some(msg.clone()),
            HeaderOutcome::MultipleGoBuild => {
                Some(format!("{}: multiple //go:build comments", f.name))
            }
            HeaderOutcome::NotRead | HeaderOutcome::Read(_) => None,
        };
        if let Some(msg) = failure {
            let read_failed = matches!(f.header, HeaderOutcome::ReadFailed(_));
            if is_go && (loader == Loader::Index || name_ok) {
                bad.add(&mut p, &f.name, plain(msg));
            } else if !name_ok {
                exclude(&mut p, f);
            } else if loader == Loader::Index || read_failed {
                // A non-Go file whose comments cannot be read is taken without its header.
                accept_other(&mut p, f, &mut held_s);
            } else if matches!(f.header, HeaderOutcome::MultipleGoBuild)
                || list_for_ext(&mut p, &f.ext).is_some()
            {
                p.ignored_other_files.push(f.name.clone());
            }
            continue;
        }
        let header = match &f.header {
            HeaderOutcome::Read(h) => Some(h),
            _ => None,
        };

        // The index records a header parse error before looking at constraints, so such a
        // file can be both invalid and ignored.
        if loader == Loader::Index && is_go {
            if let Some(h) = header {
                if let Some(e) = &h.parse_error {
                    bad.add(&mut p, &f.name, parse_error(dir, f, e));
                } else if ctx.release.go_list.index_checks_import_paths {
                    if let Some(message) = invalid_import(dir, f, h) {
                        bad.add(&mut p, &f.name, plain(message));
                    }
                }
            }
        }

        let mut should_build = name_ok;
        let lines = match header.filter(|_| name_ok) {
            Some(h) => deciding(h.go_build.as_deref(), &h.plus_build),
            None => &[],
        };
        for line in lines {
            match line.expr_for(ctx.release) {
                Ok(expr) => should_build &= eval_expr(expr, ctx),
                // A `+build` line that does not parse is ignored; a `//go:build` line is an error.
                Err(_) if header.is_some_and(|h| h.go_build.is_none()) => {}
                Err(e) => {
                    let message = format!("{}: parsing //go:build line: {}", f.name, e.message);
                    if loader == Loader::Index {
                        // The index stops the whole package here: later files, held .S
                        // files and every embed pattern are dropped.
                        p.embed_patterns.clear();
                        p.test_embed_patterns.clear();
                        p.xtest_embed_patterns.clear();
                        p.error = Some(plain(message));
                        return p;
                    }
                    if is_go {
                        bad.add(&mut p, &f.name, plain(message));
                    } else {
                        p.ignored_other_files.push(f.name.clone());
                    }
                    continue 'files;
                }
            }
        }
        if !should_build {
            exclude(&mut p, f);
            continue;
        }
        if !is_go {
            accept_other(&mut p, f, &mut held_s);
            continue;
        }
        let Some(h) = header else { continue };

        if loader == Loader::GoBuild {
            if let Some(e) = &h.parse_error {
                bad.add(&mut p, &f.name, parse_error(dir, f, e));
            } else if let Some(message) = invalid_import(dir, f, h) {
                bad.add(&mut p, &f.name, plain(message));
            }
        }
        // go/build discards the imports (and embeds) of a file with an invalid import path;
        // so does the module index from Go 1.26 on.
        let checks_imports =
            loader == Loader::GoBuild || ctx.release.go_list.index_checks_import_paths;
        let imports_dropped =
            checks_imports && h.parse_error.is_none() && h.invalid_import.is_some();

        let mut pkg = h.package_name.clone();
        if pkg == "documentation" {
            p.ignored_go_files.push(f.name.clone());
            continue;
        }
        let is_test = f.is_test();
        let mut is_xtest = false;
        if is_test && pkg.ends_with("_test") && p.name != pkg {
            is_xtest = true;
            pkg.truncate(pkg.len() - "_test".len());
        }
        if !is_test && h.binary_only {
            p.binary_only = true;
        }
        if p.name.is_empty() {
            p.name = pkg;
            first_file = f.name.clone();
        } else if pkg != p.name {
            let message = format!(
                "found packages {} ({}) and {} ({}) in {}",
                p.name, first_file, pkg, f.name, dir
            );
            bad.add(&mut p, &f.name, plain(message));
        }

        let imports_c = !imports_dropped && h.imports.iter().any(|i| i.path == "C");
        if imports_c && is_test {
            let shown = match loader {
                Loader::Index => f.name.clone(),
                Loader::GoBuild => format!("{dir}/{}", f.name),
            };
            let message = format!("use of cgo in test {shown} not supported");
            bad.add(&mut p, &f.name, plain(message));
        }
        let is_cgo = imports_c && !is_test;

        let positions = |pats: &mut BTreeMap<String, Vec<SourcePos>>| {
            if imports_dropped {
                return;
            }
            for e in h.embeds_for(ctx.release) {
                pats.entry(e.pattern.clone()).or_default().push(SourcePos {
                    file: format!("{dir}/{}", f.name),
                    line: e.line,
                    column: e.column,
                });
            }
        };
        if is_cgo {
            if ctx.cgo_enabled {
                p.cgo_files.push(f.name.clone());
                positions(&mut p.embed_patterns);
            } else {
                p.ignored_go_files.push(f.name.clone());
            }
        } else if is_xtest {
            p.xtest_go_files.push(f.name.clone());
            positions(&mut p.xtest_embed_patterns);
        } else if is_test {
            p.test_go_files.push(f.name.clone());
            positions(&mut p.test_embed_patterns);
        } else {
            p.go_files.push(f.name.clone());
            positions(&mut p.embed_patterns);
        }
    }
    finish(&mut p, held_s, &mut bad);
    if p.error.is_none() && p.has_no_go() {
        p.error = Some(ImportError::NoGo);
    }
    p
}

/// `.S`/`.sx` files join SFiles only when the package has cgo files; both lists are re-sorted.
fn finish(p: &mut PackageFiles, held_s: Vec<String>, bad: &mut BadFiles) {
    if !held_s.is_empty() {
        if p.cgo_files.is_empty() {
            p.ignored_other_files.extend(held_s);
            p.ignored_other_files.sort();
        } else {
            p.s_files.extend(held_s);
            p.s_files.sort();
        }
    }
    if let Some(e) = bad.first.take() {
        p.error = Some(e);
    }
}

fn exclude(p: &mut PackageFiles, f: &FileFacts) {
    if f.is_go() {
        p.ignored_go_files.push(f.name.clone());
    } else if list_for_ext(p, &f.ext).is_some() {
        p.ignored_other_files.push(f.name.clone());
    }
}

fn accept_other(p: &mut PackageFiles, f: &FileFacts, held_s: &mut Vec<String>) {
    if f.ext == ".S" || f.ext == ".sx" {
        held_s.push(f.name.clone());
    } else if let Some(list) = list_for_ext(p, &f.ext) {
        list.push(f.name.clone());
    }
}

/// go/build's error for the first invalid import path of a file: a single scanner.Error,
/// not a list, so go list prints it whole, with no Pos.
fn invalid_import(dir: &str, f: &FileFacts, h: &HeaderFacts) -> Option<String> {
    let bad = h.imports.get(h.invalid_import? as usize)?;
    Some(format!(
        "{dir}/{}:{}:{}: invalid import path: {}",
        f.name, bad.line, bad.column, bad.path
    ))
}

fn parse_error(dir: &str, f: &FileFacts, e: &crate::syntax::header::ParseError) -> ImportError {
    ImportError::BadFile {
        message: e.message.to_string(),
        pos: Some(SourcePos {
            file: format!("{dir}/{}", f.name),
            line: e.line,
            column: e.column,
        }),
    }
}
