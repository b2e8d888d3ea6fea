//! The main modules a command runs with, found as cmd/go finds them: `GOWORK=off`, an
//! absolute `GOWORK=path`, else a go.work found walking up from the working directory, whose
//! `use` directives name the modules; otherwise the go.mod found walking up. Each module
//! carries its path, `go` line and `ignore` directives; go.work's own `go`/`toolchain` lines
//! are checked against the selected release.

use super::modfile::{self, FileKind, ParseError};
use super::pattern::join_clean;
use crate::go::release::Release;
use crate::list::short_path;
use crate::source::{FileKind as Kind, Source};
use crate::walk::Module;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One main module.
#[derive(Clone, Debug)]
pub struct MainModule {
    pub module: Arc<Module>,
    /// The go.mod `go` line (`None` when absent).
    pub go: Option<String>,
    /// The go.mod `ignore` directives the release honours (empty before Go 1.25).
    pub ignore: Vec<String>,
}

/// The main modules and, in workspace mode, the go.work naming them.
#[derive(Clone, Debug, Default)]
pub struct MainModules {
    pub modules: Vec<MainModule>,
    /// The go.work file in workspace mode.
    pub work_file: Option<PathBuf>,
    /// go.work's `go` line.
    pub work_go: Option<String>,
    /// go.work's `toolchain` line.
    pub work_toolchain: Option<String>,
}

impl MainModules {
    /// No main module: outside every module, with no go.work (cmd/go's "no main module"
    /// mode, where wildcards and import paths fail one by one).
    pub fn none() -> MainModules {
        MainModules::default()
    }

    /// Outside every module and workspace?
    pub fn is_none(&self) -> bool {
        self.modules.is_empty() && self.work_file.is_none()
    }

    pub fn workspace_mode(&self) -> bool {
        self.work_file.is_some()
    }

    /// The module roots.
    pub fn roots(&self) -> impl Iterator<Item = &Path> {
        self.modules.iter().map(|m| m.module.root.as_path())
    }
}

/// cmd/go's words when no go.mod is above the directory (every release here).
pub const NO_GO_MOD: &str =
    "go.mod file not found in current directory or any parent directory; see 'go help modules'";

/// Why the main modules cannot be set up; cmd/go stops here too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkspaceError {
    /// Neither go.work nor go.mod above the directory.
    NoModule { dir: PathBuf },
    /// `GOWORK` is neither `off` nor an absolute path.
    RelativeGowork(String),
    /// A go.mod/go.work cannot be read.
    Read { path: String, errno: String },
    /// A go.mod/go.work does not parse.
    Parse {
        kind: FileKind,
        file: String,
        block_file: String,
        error: ParseError,
    },
    /// A `use` directive names a directory without a readable go.mod.
    MissingUse {
        dir: String,
        gomod: String,
        errno: String,
    },
    /// A go.mod without a `module` line.
    NoModulePath { file: String },
    /// The file asks for a newer Go than the selected release.
    TooNew {
        kind: FileKind,
        need: String,
        running: String,
        gotoolchain: String,
    },
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkspaceError::NoModule { dir } => write!(
                f,
                "{NO_GO_MOD} (current directory: {})",
                dir.display()
            ),
            WorkspaceError::RelativeGowork(v) => {
                write!(f, "invalid GOWORK: not an absolute path: {v}")
            }
            WorkspaceError::Read { path, errno } => write!(f, "reading {path}: {errno}"),
            WorkspaceError::Parse {
                kind: FileKind::GoWork,
                file,
                block_file,
                error,
            } if file == block_file && file.starts_with('/') => {
                // Go 1.21/1.22's one-line form, the file named by its full path.
                write!(f, "reading go.work: {}", error.render(file, block_file))
            }
            WorkspaceError::Parse {
                kind,
                file,
                block_file,
                error,
            } => write!(
                f,
                "errors parsing {}:\n{}",
                kind.name(),
                error.render(file, block_file)
            ),
            WorkspaceError::MissingUse { dir, gomod, errno } => write!(
                f,
                "cannot load module {dir} listed in go.work file: open {gomod}: {errno}"
            ),
            WorkspaceError::NoModulePath { file } => write!(
                f,
                "{file}: no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mod"
            ),
            WorkspaceError::TooNew {
                kind,
                need,
                running,
                gotoolchain,
            } => write!(
                f,
                "{} requires go >= {need} (running go {running}; GOTOOLCHAIN={gotoolchain})",
                kind.name()
            ),
        }
    }
}

impl std::error::Error for WorkspaceError {}

/// How to find the main modules.
pub struct Lookup<'a> {
    /// The directory cmd/go would run in (after `-C`).
    pub dir: &'a Path,
    /// `GOWORK` from the environment (`None` or empty: search).
    pub gowork: Option<&'a str>,
    /// `GOTOOLCHAIN` from the environment, for the too-new message.
    pub gotoolchain: Option<&'a str>,
    pub release: &'static Release,
    /// Where go.work and go.mod files are read from.
    pub source: &'a dyn Source,
}

/// The directory holding `name` nearest above `dir` (lexically, as cmd/go walks up).
pub fn find_up(source: &dyn Source, dir: &Path, name: &str) -> Option<PathBuf> {
    dir.ancestors()
        .find(|cur| is_file(source, &cur.join(name)))
        .map(Path::to_path_buf)
}

/// Does `path` name a regular file (symlinks followed)?
pub fn is_file(source: &dyn Source, path: &Path) -> bool {
    source.stat(path).is_ok_and(|m| m.kind == Kind::Regular)
}

/// Does `path` name a directory (symlinks followed)?
pub fn is_dir(source: &dyn Source, path: &Path) -> bool {
    source.stat(path).is_ok_and(|m| m.kind == Kind::Dir)
}

/// Finds and reads the main modules.
pub fn load(l: &Lookup) -> Result<MainModules, WorkspaceError> {
    match work_file(l)? {
        Some(wf) => load_workspace(l, wf),
        None => {
            let root =
                find_up(l.source, l.dir, "go.mod").ok_or_else(|| WorkspaceError::NoModule {
                    dir: l.dir.to_path_buf(),
                })?;
            Ok(MainModules {
                modules: vec![load_module(l, &root)?],
                ..MainModules::default()
            })
        }
    }
}

/// The go.work file that applies: none with `GOWORK=off`, an absolute `GOWORK`, else the
/// nearest one walking up.
pub fn work_file(l: &Lookup) -> Result<Option<PathBuf>, WorkspaceError> {
    Ok(match l.gowork {
        Some("off") => None,
        Some(v) if !v.is_empty() => {
            if !v.starts_with('/') {
                return Err(WorkspaceError::RelativeGowork(v.to_string()));
            }
            Some(PathBuf::from(v))
        }
        _ => find_up(l.source, l.dir, "go.work").map(|d| d.join("go.work")),
    })
}

fn read(source: &dyn Source, path: &Path, cwd: &Path) -> Result<String, WorkspaceError> {
    source
        .read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| WorkspaceError::Read {
            path: short_path(path, cwd),
            errno: e.text,
        })
}

/// The release's own version for messages: `1.23.5` when recorded from a toolchain.
fn running(release: &Release) -> String {
    match release.recorded_from {
        Some(v) => v.trim_start_matches("go").to_string(),
        None => format!("1.{}", release.minor),
    }
}

/// A `go` line newer than the release stops cmd/go (unless newer than every release gotags
/// knows: then the newest is in use and the line is only reported elsewhere).
fn check_go_line(l: &Lookup, kind: FileKind, go: Option<&str>) -> Result<(), WorkspaceError> {
    let Some(go) = go else { return Ok(()) };
    let (Some(need), Some(have)) = (
        modfile::version_triple(go),
        modfile::version_triple(&running(l.release)),
    ) else {
        return Ok(());
    };
    let known = crate::go::release::by_minor(need.1).is_some();
    if known && need > have {
        return Err(WorkspaceError::TooNew {
            kind,
            need: go.to_string(),
            running: running(l.release),
            gotoolchain: l
                .gotoolchain
                .filter(|v| !v.is_empty())
                .unwrap_or("local")
                .to_string(),
        });
    }
    Ok(())
}

fn parse_error(
    kind: FileKind,
    path: &Path,
    cwd: &Path,
    minor: u32,
    error: ParseError,
) -> WorkspaceError {
    let full = path.to_string_lossy().into_owned();
    // Go 1.21 and 1.22 name go.work by its full path throughout (and word the error on one
    // line; corpus/patterns/badworksyntax);
    // Go 1.24 on names a go.mod block's file by its full path inside the message.
    let (file, block_file) = match kind {
        FileKind::GoWork if minor <= 22 => (full.clone(), full),
        FileKind::GoMod if minor >= 24 => (short_path(path, cwd), full),
        _ => (short_path(path, cwd), short_path(path, cwd)),
    };
    WorkspaceError::Parse {
        kind,
        file,
        block_file,
        error,
    }
}

/// Reads the module whose go.mod is in `root` (its `go` line checked against the release).
pub fn load_module(l: &Lookup, root: &Path) -> Result<MainModule, WorkspaceError> {
    let gomod = root.join("go.mod");
    let text = read(l.source, &gomod, l.dir)?;
    let m = modfile::parse_gomod(&text, l.release.minor)
        .map_err(|e| parse_error(FileKind::GoMod, &gomod, l.dir, l.release.minor, e))?;
    check_go_line(l, FileKind::GoMod, m.go.as_deref())?;
    let path = m
        .module
        .clone()
        .ok_or_else(|| WorkspaceError::NoModulePath {
            file: short_path(&gomod, l.dir),
        })?;
    Ok(MainModule {
        module: Arc::new(Module {
            root: root.to_path_buf(),
            path,
            requires: crate::walk::requires(&text),
            go: m.go.clone(),
            mode: Default::default(),
        }),
        go: m.go,
        ignore: if l.release.go_list.ignore_directive {
            m.ignore
        } else {
            Vec::new()
        },
    })
}

fn load_workspace(l: &Lookup, wf: PathBuf) -> Result<MainModules, WorkspaceError> {
    let text = read(l.source, &wf, l.dir)?;
    let w = modfile::parse_gowork(&text, l.release.minor)
        .map_err(|e| parse_error(FileKind::GoWork, &wf, l.dir, l.release.minor, e))?;
    check_go_line(l, FileKind::GoWork, w.go.as_deref())?;
    let base = wf.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut modules: Vec<MainModule> = Vec::new();
    for (dir, _line) in &w.uses {
        let root = join_clean(&base, dir);
        if modules.iter().any(|m| m.module.root == root) {
            continue;
        }
        let gomod = root.join("go.mod");
        if let Err(e) = l.source.stat(&gomod) {
            return Err(WorkspaceError::MissingUse {
                dir: short_path(&root, l.dir),
                gomod: short_path(&gomod, l.dir),
                errno: e.text,
            });
        }
        modules.push(load_module(l, &root)?);
    }
    Ok(MainModules {
        modules,
        work_file: Some(wf),
        work_go: w.go,
        work_toolchain: w.toolchain,
    })
}
