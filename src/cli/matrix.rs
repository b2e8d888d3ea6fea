//! `gotags matrix`: every platform, cgo setting and tag set at once — grouped file sets,
//! reasons, coverage gaps and a minimal CI matrix.

use super::error::CliError;
use super::patterns::{self as pats, ModulesArg, PatternArgs};
use super::{color, output, paths, settings, terminal};
use clap::{Args, ValueEnum};
use gotags::configs::CgoMode;
use gotags::matrix;
use gotags::packages::ModuleSet;
use gotags::render;
use gotags::walk;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CgoChoice {
    On,
    Off,
    Both,
    /// Off everywhere, and on where the port supports cgo.
    Supported,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixFormat {
    Table,
    Markdown,
    Json,
    /// One self-contained page: a heatmap of packages and files by configuration group.
    Html,
}

#[derive(Args, Debug)]
pub struct MatrixArgs {
    #[command(flatten)]
    pub patterns: PatternArgs,
    #[command(flatten)]
    modules: ModulesArg,
    /// `all` (every port), `first-class`, `goreleaser`, or GOOS/GOARCH[/VARIANT][/cgo|/nocgo],...
    /// such as `linux/amd64,linux/arm/7,linux/amd64/v3/nocgo` (default: gotags.toml, else all).
    #[arg(long)]
    platforms: Option<String>,
    /// Tag sets separated by `;`, tags by `,`; an empty set is the default: `";integration;a,b"`.
    #[arg(long = "tags-sets")]
    tags_sets: Option<String>,
    /// One tag set, comma-separated (as `gotags check --tags`): `--tags-sets` with one set.
    #[arg(long, conflicts_with = "tags_sets")]
    tags: Option<String>,
    /// cgo settings to evaluate (default: gotags.toml, else both).
    #[arg(long, value_enum)]
    cgo: Option<CgoChoice>,
    /// Read this configuration file instead of looking for gotags.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    format: MatrixFormat,
    /// Explain one file's verdict on every configuration.
    #[arg(long)]
    explain: Option<PathBuf>,
    /// Groups and gaps only: no per-package file lists (table format).
    #[arg(long)]
    summary: bool,
    /// Only packages whose import path contains this text (table rows and gaps).
    #[arg(long, value_name = "TEXT")]
    package: Option<String>,
    /// Print the smallest set of configurations that compiles every compiled file.
    #[arg(long)]
    cover: bool,
    /// Also list every declaration present on some configurations and absent on others,
    /// used or not (informational; JSON key `gaps.decl_differences`).
    #[arg(long)]
    all_decl_differences: bool,
    /// Record, per file, the configurations that compile it in this coverage lock file
    /// (instead of printing the matrix).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["check", "explain"])]
    write: Option<PathBuf>,
    /// Compare with this coverage lock file: exit 1 with a readable diff when a file moved
    /// onto or off a configuration (instead of printing the matrix).
    #[arg(long, value_name = "FILE", conflicts_with = "explain")]
    check: Option<PathBuf>,
}

impl CgoChoice {
    pub fn mode(self) -> CgoMode {
        match self {
            CgoChoice::On => CgoMode::On,
            CgoChoice::Off => CgoMode::Off,
            CgoChoice::Both => CgoMode::Both,
            CgoChoice::Supported => CgoMode::Supported,
        }
    }
}

/// `releases` is the global `--go` value: for matrix, a comma list of releases evaluated as
/// one more dimension (`1.22,1.27`); default: gotags.toml `[matrix] go`, else the selected
/// release only.
pub fn run(
    args: MatrixArgs,
    releases: Option<&str>,
    colour: color::ColorChoice,
) -> Result<ExitCode, CliError> {
    let mut r = pats::resolve(
        &args.patterns,
        &pats::any_platform()?,
        pats::goroot(None).as_deref(),
        args.modules.every_platform(gotags::facts::ReadDepth::Decls),
    )?;
    r.stop_on_errors()?;
    let config = settings::load(args.config.as_ref(), &r.cwd, &r.base)?;
    let cgo = config.matrix.cgo_mode(args.cgo.map(CgoChoice::mode));
    let platforms = settings::platforms(args.platforms.as_deref(), &config);
    let tags_sets =
        settings::tags_sets(args.tags_sets.as_deref().or(args.tags.as_deref()), &config);
    let releases: Vec<String> = match releases.filter(|r| r.contains(',')) {
        Some(list) => vec![list.to_string()],
        None => config.matrix.go.clone().unwrap_or_default(),
    };
    let sets = tags_sets.as_deref().map(gotags::configs::parse_tag_sets);
    let opts = matrix::RunOptions {
        cover: args.cover,
        all_decl_differences: args.all_decl_differences,
        reasons: args.explain.is_none() && args.format == MatrixFormat::Json,
    };
    let html = args.format == MatrixFormat::Html && args.explain.is_none();
    let mut modules = r.take_modules();
    let cwd = r.cwd.clone();
    let one = |set: ModuleSet| -> Result<Computed, CliError> {
        let module = (*set.module).clone();
        let configs =
            matrix::resolve_releases(&module.root, &platforms, sets.clone(), cgo, &releases)
                .map_err(CliError::Configurations)?;
        let embed = if html {
            embed_bars(&module, &set.dirs, &configs)
        } else {
            Vec::new()
        };
        let m =
            matrix::run_with(module, set.dirs, configs, opts, &cwd).map_err(CliError::Matrix)?;
        Ok((m, embed))
    };
    let lock = args.write.as_ref().or(args.check.as_ref());
    if modules.len() != 1 || args.modules.all_modules {
        if lock.is_some() {
            return Err(CliError::LockTakesOneModule);
        }
        write_modules(&args, modules, &one, colour)?;
        return Ok(r.exit(ExitCode::SUCCESS));
    }
    let Some(set) = modules.pop() else {
        return Ok(r.exit(ExitCode::SUCCESS));
    };
    let (m, embed) = one(set)?;
    if let Some(file) = lock {
        let current = matrix::lock::build(&m);
        std::mem::forget(m);
        return lock_file(&cwd, file, &current, args.write.is_some());
    }
    let explained = match &args.explain {
        Some(file) => {
            let abs = paths::absolute(Some(file), &r.cwd);
            let Some((d, found)) = m.locate(&abs) else {
                return Err(CliError::NotInMatrix(file.clone()));
            };
            let di = m
                .eval
                .dirs
                .iter()
                .position(|x| std::ptr::eq(x, d))
                .unwrap_or(0);
            Some((file.display().to_string(), m.explain_file(di, found)))
        }
        None => None,
    };
    let color = color::for_stdout(colour);
    let written = output::to_stdout(|out| match explained {
        Some((name, groups)) if args.format == MatrixFormat::Json => {
            render::matrix_explain::write_explain_json(out, &m, &name, &groups)
        }
        Some((name, groups)) => render::matrix::write_explain(out, &m, &name, &groups),
        None => match args.format {
            MatrixFormat::Table => {
                render::matrix::write_table_view(out, &m, &table_view(&args, color))
            }
            MatrixFormat::Markdown => render::matrix::write_markdown(out, &m),
            MatrixFormat::Json => render::matrix::write_json(out, &m),
            MatrixFormat::Html => {
                render::matrix_html::write_html(out, &matrix::heatmap::build(&m, embed))
            }
        },
    });
    // The process ends here: freeing the matrix piece by piece would only cost time.
    std::mem::forget(m);
    written?;
    Ok(r.exit(ExitCode::SUCCESS))
}

/// How the table format shows a matrix.
fn table_view(args: &MatrixArgs, color: bool) -> render::matrix::TableView {
    render::matrix::TableView {
        color,
        width: terminal::width().unwrap_or(render::matrix::WIDTH),
        summary: args.summary,
        package: args.package.clone(),
    }
}

/// One module's matrix and the embed bars of its page.
type Computed = (matrix::Matrix, Vec<matrix::heatmap::EmbedBar>);

/// Several modules (a workspace, `--all-modules`): each module's matrix computed, written
/// under its own heading and dropped before the next (memory stays one module's); JSON as
/// `{"modules": [{"module", "root", "go", "matrix"}, ...]}`.
fn write_modules(
    args: &MatrixArgs,
    modules: Vec<ModuleSet>,
    one: &dyn Fn(ModuleSet) -> Result<Computed, CliError>,
    colour: color::ColorChoice,
) -> Result<(), CliError> {
    if args.explain.is_some() || args.format == MatrixFormat::Html {
        return Err(CliError::OneModuleOnly);
    }
    let color = color::for_stdout(colour);
    let json = args.format == MatrixFormat::Json;
    let mut failed = None;
    let written = output::to_stdout(|out| {
        if json {
            out.write_all(b"{\"modules\":[")?;
        }
        for (i, set) in modules.into_iter().enumerate() {
            let go = set.go.clone();
            let m = match one(set) {
                Ok((m, _)) => m,
                Err(e) => {
                    failed = Some(e);
                    return Ok(());
                }
            };
            if i > 0 {
                out.write_all(if json { b"," } else { b"\n" })?;
            }
            match args.format {
                MatrixFormat::Json => {
                    output::module_entry(out, &m.module, &go, "matrix")?;
                    render::matrix::write_json(out, &m)?;
                    out.write_all(b"}")?;
                }
                MatrixFormat::Markdown => {
                    if let Some(go) = &go {
                        writeln!(out, "<!-- go {go} -->")?;
                    }
                    render::matrix::write_markdown(out, &m)?
                }
                _ => {
                    if let Some(go) = &go {
                        writeln!(out, "module {} (go {go})", m.module.path)?;
                    }
                    render::matrix::write_table_view(out, &m, &table_view(args, color))?
                }
            }
        }
        if json {
            out.write_all(b"]}\n")?;
        }
        Ok(())
    });
    match failed {
        Some(e) => Err(e),
        None => written,
    }
}

/// Embedded bytes on each platform of the configurations (cgo off), for the page's bars.
fn embed_bars(
    module: &walk::Module,
    dirs: &[walk::DirFacts],
    configs: &[matrix::configs::Config],
) -> Vec<matrix::heatmap::EmbedBar> {
    let mut contexts = Vec::new();
    for c in configs {
        let p = &c.platform;
        if contexts
            .iter()
            .any(|x: &gotags::context::BuildContext| x.goos == p.goos && x.goarch == p.goarch)
        {
            continue;
        }
        if let Ok(ctx) =
            gotags::context::BuildContext::for_port(&p.goos, &p.goarch, false, &c.tags.tags)
        {
            contexts.push(ctx);
        }
    }
    let cache = std::mem::ManuallyDrop::new(gotags::embed::AssetCache::new());
    let report = gotags::embed_report::collect(module, dirs, &contexts, &cache, contexts.len() > 1);
    report
        .platforms
        .iter()
        .map(|p| matrix::heatmap::EmbedBar {
            platform: p.platform.clone(),
            bytes: p.totals.total,
        })
        .collect()
}

/// `--write FILE` (record `current`) or `--check FILE` (compare with it).
fn lock_file(
    cwd: &std::path::Path,
    file: &std::path::Path,
    current: &matrix::lock::Lock,
    write: bool,
) -> Result<ExitCode, CliError> {
    use matrix::lock::{self, LockError};
    let path = cwd.join(file);
    let summary = format!(
        "{} files over {} configurations",
        current.files.len(),
        current.configs.len()
    );
    if write {
        std::fs::write(&path, current.render())
            .map_err(|e| CliError::Lock(LockError::writing(file, &e)))?;
        eprintln!(
            "gotags: wrote the coverage of {summary} to {}",
            file.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let bytes = std::fs::read(&path).map_err(|e| CliError::Lock(LockError::reading(file, &e)))?;
    let recorded = lock::parse(&bytes, file).map_err(CliError::Lock)?;
    let diff = lock::diff(&recorded, current);
    if diff.is_empty() {
        eprintln!("gotags: {} matches ({summary})", file.display());
        return Ok(ExitCode::SUCCESS);
    }
    let text = lock::describe(&diff, &file.display().to_string());
    output::to_stdout(|out| std::io::Write::write_all(out, text.as_bytes()))?;
    Ok(ExitCode::from(super::error::EXIT_FINDINGS))
}
