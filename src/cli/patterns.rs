//! `[-C DIR] [PATTERN...]` for every command: where the run happens (`-C` as `cd DIR`,
//! symlinks resolved as go's working directory is), the main modules there (GOWORK,
//! go.work, go.mod), and the patterns resolved by the packages layer. Keeps the older
//! `gotags CMD PATH` form: one argument naming a directory (absolute, or without a dot in
//! its first element and not a standard-library package) means `-C PATH ./...`.

use super::error::{CliError, PathProblem};
use super::paths;
use clap::Args;
use gotags::context::BuildContext;
use gotags::facts::ReadDepth;
use gotags::packages::{self, pattern, workspace, Item, MainModules, Request, Resolved};
use std::path::{Path, PathBuf};

#[derive(Args, Debug, Clone, Default)]
pub struct PatternArgs {
    /// Run as if in DIR, like `go -C DIR`.
    #[arg(short = 'C', value_name = "DIR")]
    pub chdir: Option<PathBuf>,
    /// Package patterns, as `go list` takes them (default `./...`): `./...`, `./x/...`,
    /// `./x`, `../y`, import paths with or without `...`, `std`, `cmd`, `work` (Go 1.25 on).
    /// One directory argument keeps its older meaning, `-C DIR ./...`.
    #[arg(value_name = "PATTERN")]
    pub patterns: Vec<String>,
}

impl PatternArgs {
    /// The directory the run starts in, for finding the release's go.mod: `-C DIR`, else
    /// the one directory of the older PATH form, else `None` (the working directory).
    pub fn start_dir(&self) -> Option<PathBuf> {
        if let Some(d) = &self.chdir {
            return Some(d.clone());
        }
        match self.patterns.as_slice() {
            [p] if !p.contains("...") && Path::new(p).is_dir() => Some(PathBuf::from(p)),
            _ => None,
        }
    }
}

/// A run's place and what its patterns resolved to.
pub struct Resolution {
    /// The directory messages shorten paths against.
    pub cwd: PathBuf,
    pub resolved: Resolved,
}

impl Resolution {
    /// The package directories, in print order.
    pub fn packages(&self) -> impl Iterator<Item = &Item> {
        self.resolved.items.iter()
    }
}

/// The older form: a single directory argument.
fn legacy_dir(args: &PatternArgs, goroot: Option<&Path>) -> Option<String> {
    if args.chdir.is_some() || args.patterns.len() != 1 {
        return None;
    }
    let p = args.patterns[0].as_str();
    if p.contains("...") || pattern::is_local_import(p) {
        return None;
    }
    if matches!(p, "std" | "cmd" | "all" | "work") {
        return None;
    }
    if p.starts_with('/') {
        return Some(p.to_string());
    }
    let first = p.split('/').next().unwrap_or("");
    if first.contains('.') {
        return None;
    }
    if goroot.is_some_and(|g| g.join("src").join(p).is_dir()) && !Path::new(p).is_dir() {
        return None;
    }
    Some(p.to_string())
}

/// A directory as go's working directory after `cd DIR`: absolute, symlinks resolved.
fn enter(dir: &Path, cwd: &Path) -> Result<PathBuf, CliError> {
    let abs = paths::absolute(Some(dir), cwd);
    match std::fs::metadata(&abs) {
        Ok(m) if m.is_dir() => Ok(std::fs::canonicalize(&abs).unwrap_or(abs)),
        Ok(_) => Err(CliError::Path {
            path: abs,
            problem: PathProblem::NotADirectory,
        }),
        Err(e) => Err(CliError::Path {
            path: dir.to_path_buf(),
            problem: PathProblem::Unreadable(gotags::facts::go_errno_text(&e)),
        }),
    }
}

/// The Go distribution for `std`, `cmd` and standard-library paths: `--goroot`, else `$GOROOT`.
pub fn goroot(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("GOROOT").map(PathBuf::from))
        .filter(|g| !g.as_os_str().is_empty())
}

/// Resolves the run's patterns; warnings go to stderr as go prints them.
pub fn resolve(
    args: &PatternArgs,
    ctx: &BuildContext,
    goroot: Option<&Path>,
    depth: ReadDepth,
) -> Result<Resolution, CliError> {
    let process_cwd = paths::cwd()?;
    let (cwd, base, patterns) = if let Some(dir) = legacy_dir(args, goroot) {
        let base = enter(Path::new(&dir), &process_cwd)?;
        (process_cwd, base, vec!["./...".to_string()])
    } else {
        let base = match &args.chdir {
            Some(d) => enter(d, &process_cwd)?,
            None => process_cwd,
        };
        let patterns = pattern::clean_patterns(&args.patterns, "./...");
        (base.clone(), base, patterns)
    };
    let only_goroot = patterns.iter().all(|p| p == "std" || p == "cmd");
    let gowork = std::env::var("GOWORK").ok();
    let gotoolchain = std::env::var("GOTOOLCHAIN").ok();
    let lookup = workspace::Lookup {
        dir: &base,
        gowork: gowork.as_deref(),
        gotoolchain: gotoolchain.as_deref(),
        release: ctx.release,
    };
    let main = match workspace::load(&lookup) {
        Ok(m) => m,
        Err(_) if only_goroot => MainModules {
            modules: Vec::new(),
            work_file: None,
            work_go: None,
            work_toolchain: None,
        },
        Err(e) => return Err(CliError::Workspace(e)),
    };
    let req = Request {
        base: &base,
        cwd: &cwd,
        main: &main,
        ctx,
        goroot,
        depth,
    };
    let resolved = packages::resolve(&req, &patterns);
    super::problems::report(&resolved.problems);
    for w in &resolved.warnings {
        eprintln!("{w}");
    }
    Ok(Resolution { cwd, resolved })
}
