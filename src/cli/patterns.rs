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
use gotags::list::build_mode;
use gotags::packages::{
    self, modules, pattern, workspace, Item, MainModule, MainModules, ModuleSet, Request, Resolved,
};
use gotags::source::{Disk, Source};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    /// the first argument when it is a directory (the older PATH form, check's directories)
    /// or a file's directory, else `None` (the working directory).
    pub fn start_dir(&self) -> Option<PathBuf> {
        if let Some(d) = &self.chdir {
            return Some(d.clone());
        }
        let first = Path::new(self.patterns.first().filter(|p| !p.contains("..."))?);
        if first.is_dir() {
            Some(first.to_path_buf())
        } else if first.is_file() {
            first
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map(Path::to_path_buf)
        } else {
            None
        }
    }
}

/// `--all-modules`, for the commands that take it.
#[derive(Args, Debug, Clone, Default)]
pub struct ModulesArg {
    /// Analyse `./...` in every module under DIR (the workspace's `use` list when a go.work
    /// applies, else every go.mod below DIR), each with its own module path and go line,
    /// in one run and one report.
    #[arg(long)]
    pub all_modules: bool,
}

impl ModulesArg {
    /// What a command over every platform needs, its files read to `depth`.
    pub fn every_platform(&self, depth: ReadDepth) -> Want {
        Want {
            depth,
            every_platform: true,
            all_modules: self.all_modules,
            go_list: false,
        }
    }
}

/// What a command needs from the resolution.
#[derive(Clone, Copy, Debug)]
pub struct Want {
    pub depth: ReadDepth,
    /// Keep directories whatever the one platform says (commands over every platform).
    pub every_platform: bool,
    pub all_modules: bool,
    /// Report patterns exactly as go list does (an unreadable directory stops the walk and
    /// is the pattern's error); the other commands go on past it.
    pub go_list: bool,
}

/// A run's place and what its patterns resolved to.
pub struct Resolution {
    /// The directory messages shorten paths against.
    pub cwd: PathBuf,
    /// Where the run happens (`-C DIR`, the older PATH form's directory, else `cwd`).
    pub base: PathBuf,
    pub resolved: Resolved,
    /// The main modules, in go.work / discovery order.
    pub main: Vec<MainModule>,
    /// `--all-modules`: modules whose go.mod could not be loaded (reported; the rest ran).
    pub failed_modules: usize,
    /// `--all-modules` was given: every module is reported, even one without packages.
    pub all_modules: bool,
}

impl Resolution {
    /// The package directories, in print order.
    pub fn packages(&self) -> impl Iterator<Item = &Item> {
        self.resolved.items.iter()
    }

    /// The packages grouped by module: with `--all-modules` every main module in its
    /// order, else the modules with packages in the order `list` prints them (or the
    /// first main module, empty, when nothing matched).
    /// The packages move out of the resolution (their facts are not copied).
    pub fn take_modules(&mut self) -> Vec<ModuleSet> {
        self.take_in(modules::group_in_print_order)
    }

    /// The packages in exactly the order `list` prints them, cut into runs of one module
    /// (`go generate`'s order; a module printed in two places gives two runs).
    pub fn take_runs(&mut self) -> Vec<ModuleSet> {
        self.take_in(modules::runs_in_print_order)
    }

    /// With `--all-modules` every main module in its order, else the sets `order` makes
    /// (or the first main module, empty, when nothing matched).
    fn take_in(&mut self, order: fn(&[MainModule], Vec<Item>) -> Vec<ModuleSet>) -> Vec<ModuleSet> {
        let items = std::mem::take(&mut self.resolved.items);
        if self.all_modules {
            return modules::group(&self.main, items);
        }
        let sets = order(&self.main, items);
        if !sets.is_empty() {
            return sets;
        }
        modules::group(&self.main, Vec::new())
            .into_iter()
            .take(1)
            .collect()
    }

    /// The error entries, which stop every command but `list` (as go build's do).
    pub fn stop_on_errors(&self) -> Result<(), CliError> {
        let errs: Vec<String> = self
            .packages()
            .filter_map(|i| match i {
                Item::Failed { err, .. } => Some(err.clone()),
                Item::Package { .. } => None,
            })
            .collect();
        if errs.is_empty() {
            Ok(())
        } else {
            Err(CliError::Patterns(errs))
        }
    }

    /// The exit status: `code`, unless a module could not be loaded (usage/input error).
    pub fn exit(&self, code: ExitCode) -> ExitCode {
        if self.failed_modules > 0 {
            ExitCode::from(super::error::EXIT_USAGE)
        } else {
            code
        }
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

/// The context patterns resolve under for commands over every platform (which keep every
/// directory, so only the release matters).
pub fn any_platform() -> Result<BuildContext, CliError> {
    Ok(BuildContext::for_port("linux", "amd64", false, &[])?)
}

/// `-C DIR` (without it `cwd`), failing in go's words (`chdir DIR: no such file or directory`).
fn chdir(dir: Option<&Path>, cwd: PathBuf) -> Result<PathBuf, CliError> {
    let Some(dir) = dir else { return Ok(cwd) };
    enter(dir, &cwd).map_err(|e| match e {
        CliError::Path {
            problem: PathProblem::Unreadable(why),
            ..
        } => CliError::Path {
            path: dir.to_path_buf(),
            problem: PathProblem::Chdir(why),
        },
        other => other,
    })
}

/// The Go distribution for `std`, `cmd` and standard-library paths: `--goroot`, else `$GOROOT`.
pub fn goroot(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("GOROOT").map(PathBuf::from))
        .filter(|g| !g.as_os_str().is_empty())
}

/// Where a run happens and what it asks for.
struct Place {
    /// The directory messages shorten paths against.
    cwd: PathBuf,
    /// Where the patterns start (`-C`).
    base: PathBuf,
    /// The cleaned patterns.
    patterns: Vec<String>,
    /// The user wrote the patterns (not the default, not the older PATH form).
    explicit: bool,
}

/// The run's directory and cleaned patterns: the older PATH form is `-C PATH ./...`.
fn place(
    args: &PatternArgs,
    goroot: Option<&Path>,
    process_cwd: PathBuf,
) -> Result<Place, CliError> {
    if let Some(dir) = legacy_dir(args, goroot) {
        let base = enter(Path::new(&dir), &process_cwd)?;
        return Ok(Place {
            cwd: process_cwd,
            base,
            patterns: vec!["./...".to_string()],
            explicit: false,
        });
    }
    // One argument naming a file: the older PATH form wanted a directory.
    if let ([one], None) = (args.patterns.as_slice(), &args.chdir) {
        let path = paths::absolute(Some(Path::new(one)), &process_cwd);
        if Disk
            .stat(&path)
            .is_ok_and(|m| m.kind != gotags::source::FileKind::Dir)
        {
            return Err(CliError::Path {
                path,
                problem: PathProblem::NotADirectory,
            });
        }
    }
    let base = chdir(args.chdir.as_deref(), process_cwd)?;
    let patterns = pattern::clean_patterns(&args.patterns, "./...");
    Ok(Place {
        cwd: base.clone(),
        base,
        patterns,
        explicit: !args.patterns.is_empty(),
    })
}

/// Resolves the run's patterns; warnings go to stderr as go prints them.
pub fn resolve(
    args: &PatternArgs,
    ctx: &BuildContext,
    goroot: Option<&Path>,
    want: Want,
) -> Result<Resolution, CliError> {
    let Place {
        cwd,
        base,
        patterns,
        explicit,
    } = place(args, goroot, paths::cwd()?)?;
    if want.all_modules {
        if patterns != ["./..."] {
            return Err(CliError::BadValue {
                flag: "all-modules",
                value: args.patterns.join(" "),
                want: "takes no patterns: it analyses ./... in every module under DIR (-C DIR or one directory)".to_string(),
            });
        }
        return all_modules(&cwd, &base, ctx, goroot, want);
    }
    let only_goroot = patterns.iter().all(|p| p == "std" || p == "cmd");
    let env = GoEnv::read();
    // Outside every module go lists wildcards and import paths, each failing on its own,
    // but stops at a literal directory; go's default `.` stops, so gotags' default (and
    // the older PATH form) stops too.
    let without_module = explicit && !pattern::needs_main_module(&patterns, ctx.release.minor);
    env.check_mod_flag(&base, ctx)?;
    let mut main = match workspace::load(&env.lookup(&base, ctx)) {
        Ok(m) => m,
        Err(_) if only_goroot => MainModules::none(),
        Err(workspace::WorkspaceError::NoModule { .. }) if without_module => MainModules::none(),
        Err(e) => return Err(CliError::Workspace(e)),
    };
    build_mode::set_modes(&Disk, &mut main, env.mod_flag.as_deref());
    let req = request(&base, &cwd, &main, ctx, goroot, want);
    let resolved = packages::resolve(&req, &patterns);
    report(&resolved);
    Ok(Resolution {
        cwd,
        base,
        resolved,
        main: main.modules,
        failed_modules: 0,
        all_modules: false,
    })
}

fn report(resolved: &Resolved) {
    super::problems::report(&resolved.problems);
    for w in &resolved.warnings {
        eprintln!("{w}");
    }
}

/// The environment cmd/go reads to find the main modules and their build mode.
struct GoEnv {
    gowork: Option<String>,
    gotoolchain: Option<String>,
    /// `-mod=` from `$GOFLAGS` (or the go env file), read as the build context reads `-tags`.
    mod_flag: Option<String>,
}

impl GoEnv {
    fn read() -> GoEnv {
        let goenv = gotags::goenv::GoEnv::load();
        let process = |name: &str| std::env::var(name).ok();
        let mod_flag = goenv
            .lookup("GOFLAGS", &process)
            .and_then(|text| gotags::context::GoFlags::parse(&text).ok())
            .and_then(|flags| flags.mod_flag);
        GoEnv {
            gowork: std::env::var("GOWORK").ok(),
            gotoolchain: std::env::var("GOTOOLCHAIN").ok(),
            mod_flag,
        }
    }

    /// cmd/go refuses a `-mod` it does not know, and in workspace mode any but `readonly`
    /// (and `vendor` from Go 1.22), before it reads go.mod or go.work, whatever the patterns.
    fn check_mod_flag(&self, dir: &Path, ctx: &BuildContext) -> Result<(), CliError> {
        let Some(value) = self.mod_flag.as_deref() else {
            return Ok(());
        };
        let workspace = matches!(workspace::work_file(&self.lookup(dir, ctx)), Ok(Some(_)));
        gotags::go::build_mode::check_mod_flag(value, workspace, ctx.release)
            .map_err(CliError::ModFlag)
    }

    /// How cmd/go would find the main modules from `dir`.
    fn lookup<'a>(&'a self, dir: &'a Path, ctx: &BuildContext) -> workspace::Lookup<'a> {
        workspace::Lookup {
            dir,
            gowork: self.gowork.as_deref(),
            gotoolchain: self.gotoolchain.as_deref(),
            release: ctx.release,
            source: &Disk,
        }
    }
}

fn request<'a>(
    base: &'a Path,
    cwd: &'a Path,
    main: &'a MainModules,
    ctx: &'a BuildContext,
    goroot: Option<&'a Path>,
    want: Want,
) -> Request<'a> {
    Request {
        base,
        cwd,
        main,
        ctx,
        goroot,
        depth: want.depth,
        every_platform: want.every_platform,
        source: &Disk,
        walk_errors: want.go_list,
    }
}

/// `--all-modules`: `./...` in each module on its own, in one resolution. The modules are
/// the workspace's when a go.work applies, else every go.mod under `base` (else the module
/// around it). A module that cannot be loaded is reported and left out; the rest go on.
fn all_modules(
    cwd: &Path,
    base: &Path,
    ctx: &BuildContext,
    goroot: Option<&Path>,
    want: Want,
) -> Result<Resolution, CliError> {
    let env = GoEnv::read();
    env.check_mod_flag(base, ctx)?;
    let l = env.lookup(base, ctx);
    let mut failed_modules = 0;
    let mut main: Vec<MainModule> = Vec::new();
    if workspace::work_file(&l)
        .map_err(CliError::Workspace)?
        .is_some()
    {
        let mut work = workspace::load(&l).map_err(CliError::Workspace)?;
        build_mode::set_modes(&Disk, &mut work, env.mod_flag.as_deref());
        main = work.modules;
    } else {
        let (roots, problems) = modules::find_all(l.source, base);
        super::problems::report(&problems);
        for root in roots {
            match workspace::load_module(&l, &root) {
                Ok(mut m) => {
                    build_mode::set_module_mode(&Disk, &mut m, env.mod_flag.as_deref());
                    main.push(m)
                }
                Err(e) => {
                    eprintln!("gotags: {e}");
                    failed_modules += 1;
                }
            }
        }
        if main.is_empty() && failed_modules == 0 {
            let mut around = workspace::load(&l).map_err(CliError::Workspace)?;
            build_mode::set_modes(&Disk, &mut around, env.mod_flag.as_deref());
            main = around.modules;
        }
    }
    let mut resolved = Resolved::default();
    for m in &main {
        let one = MainModules {
            modules: vec![m.clone()],
            ..MainModules::default()
        };
        let req = request(&m.module.root, cwd, &one, ctx, goroot, want);
        let r = packages::resolve(&req, &["./...".to_string()]);
        resolved.items.extend(r.items);
        resolved.warnings.extend(r.warnings);
        resolved.problems.extend(r.problems);
    }
    report(&resolved);
    Ok(Resolution {
        cwd: cwd.to_path_buf(),
        base: base.to_path_buf(),
        resolved,
        main,
        failed_modules,
        all_modules: true,
    })
}

/// `check`'s arguments: files (checked in their package, only their findings kept),
/// directories (each `./...` there, as a linter takes them) and package patterns.
pub struct CheckTarget {
    pub resolution: Resolution,
    /// The named files (canonical paths) to keep findings of; `None`: all.
    pub files: Option<Vec<PathBuf>>,
}

/// Splits `check`'s arguments and resolves each group: every existing file or directory on
/// its own (files of one directory together), the patterns in one resolution.
pub fn resolve_check(
    args: &PatternArgs,
    modules: &ModulesArg,
    ctx: &BuildContext,
    goroot: Option<&Path>,
) -> Result<Vec<CheckTarget>, CliError> {
    let want = modules.every_platform(ReadDepth::Full);
    let process_cwd = paths::cwd()?;
    let here = chdir(args.chdir.as_deref(), process_cwd.clone())?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut files: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    let mut patterns: Vec<String> = Vec::new();
    for a in &args.patterns {
        let path = paths::absolute(Some(Path::new(a)), &here);
        let meta = (!a.contains("..."))
            .then(|| Disk.stat(&path).ok())
            .flatten();
        match meta.map(|m| m.kind) {
            Some(gotags::source::FileKind::Dir) => dirs.push(path),
            Some(_) => {
                let file = Disk.canonicalize(&path).unwrap_or(path);
                let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
                match files.iter_mut().find(|(d, _)| *d == dir) {
                    Some((_, fs)) => fs.push(file),
                    None => files.push((dir, vec![file])),
                }
            }
            None => patterns.push(a.clone()),
        }
    }
    let target = |chdir, patterns, want, files: Option<Vec<PathBuf>>| {
        let mut r = resolve(&PatternArgs { chdir, patterns }, ctx, goroot, want)?;
        if files.is_some() {
            // A named file outside any package has no findings; that is not an error.
            r.resolved
                .items
                .retain(|i| matches!(i, Item::Package { .. }));
        }
        // Findings name files relative to the process's working directory, whatever `-C` says.
        r.cwd = process_cwd.clone();
        Ok::<_, CliError>(CheckTarget {
            resolution: r,
            files,
        })
    };
    let mut out = Vec::new();
    if dirs.is_empty() && files.is_empty() || !patterns.is_empty() {
        out.push(target(args.chdir.clone(), patterns, want, None)?);
    }
    for d in dirs {
        out.push(target(Some(d), Vec::new(), want, None)?);
    }
    let one = Want {
        all_modules: false,
        ..want
    };
    for (d, fs) in files {
        out.push(target(Some(d), vec![".".to_string()], one, Some(fs))?);
    }
    Ok(out)
}
