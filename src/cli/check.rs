//! `gotags check`: build-constraint, generate and embed mistakes on every platform at once,
//! in eight output formats, with `--explain` for the rule documentation.

use super::error::{CliError, EXIT_FINDINGS, EXIT_USAGE};
use super::patterns::{self as pats, ModulesArg, PatternArgs};
use super::{color, context, output, paths, problems};
use clap::Args;
use gotags::check::baseline::{self, BaselineError};
use gotags::check::{command, registry, Diagnostic};
use gotags::render::diagnostics::{self as rd, Format};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Directories to check, each as `./...` there (default: the current directory),
    /// files (each checked in its package, only its findings reported: for pre-commit hooks
    /// and editors), or package patterns as `go vet` takes them (`./...`, import paths).
    #[command(flatten)]
    pub patterns: PatternArgs,
    #[command(flatten)]
    modules: ModulesArg,
    /// Platforms: all, first-class, goreleaser, or GOOS/GOARCH[/VARIANT][/cgo|/nocgo],...
    /// (default: gotags.toml, else all).
    #[arg(long)]
    platforms: Option<String>,
    /// One set of user build tags, comma-separated (default: gotags.toml [matrix] tags, else none).
    #[arg(long, conflicts_with = "tags_sets")]
    tags: Option<String>,
    /// cgo settings of platforms without /cgo or /nocgo (default: gotags.toml, else both).
    #[arg(long, value_enum)]
    cgo: Option<super::matrix::CgoChoice>,
    /// Several tag sets, each checked on every platform: sets separated by `;`, tags by `,`;
    /// an empty set is the default: `";integration;a,b"` (as `gotags matrix --tags-sets`).
    #[arg(long = "tags-sets")]
    tags_sets: Option<String>,
    /// Output format on stdout.
    #[arg(long, default_value = "full", value_parser = clap::builder::PossibleValuesParser::new(Format::NAMES))]
    format: String,
    /// Also write FMT to FILE (repeatable), e.g. `--output sarif:gotags.sarif`.
    #[arg(long = "output", value_name = "FMT:FILE")]
    outputs: Vec<String>,
    /// Only these codes or prefixes (comma-separated, e.g. GT1,GT302).
    #[arg(long)]
    select: Vec<String>,
    /// Leave out these codes or prefixes.
    #[arg(long)]
    ignore: Vec<String>,
    /// Also run these rules that are off by default (codes or names, e.g. GT205).
    #[arg(long)]
    enable: Vec<String>,
    /// Exit 0 even when error-level findings are reported.
    #[arg(long)]
    exit_zero: bool,
    /// Print the documentation of a rule (or, without CODE... every rule's summary) and exit.
    #[arg(long, value_name = "CODE", num_args = 0..=1, default_missing_value = "")]
    explain: Option<String>,
    /// Read this configuration file instead of looking for gotags.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Apply the safe quick fixes, then report what remains.
    #[arg(long)]
    fix: bool,
    /// Print the fixes as a unified diff instead of applying them.
    #[arg(long)]
    diff: bool,
    /// With --fix or --diff, apply the unsafe fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Report only findings not recorded in this baseline file (see --write-baseline).
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE (matched later by fingerprints that survive line
    /// moves), print nothing else and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
}

/// `--explain` with or without a rule.
fn explain(code: &str) -> Result<ExitCode, CliError> {
    if code.is_empty() {
        output::to_stdout(|out| {
            for r in registry::RULES {
                let off = if registry::OFF_BY_DEFAULT.contains(&r.info.code) {
                    "  (off by default; --enable it)"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "{}  {:<34} {}{off}",
                    r.info.code,
                    r.info.name,
                    r.info.severity.as_str()
                )?;
            }
            Ok(())
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let rule = registry::find_by_code_or_name(code)
        .ok_or_else(|| CliError::UnknownRule(code.to_string()))?;
    output::to_stdout(|out| out.write_all(rule.info.explain().as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// `--output FMT:FILE` values.
fn outputs(values: &[String]) -> Result<Vec<(Format, PathBuf)>, CliError> {
    values
        .iter()
        .map(|o| {
            o.split_once(':')
                .and_then(|(f, file)| Format::parse(f).map(|f| (f, PathBuf::from(file))))
                .filter(|(_, file)| !file.as_os_str().is_empty())
                .ok_or_else(|| CliError::BadValue {
                    flag: "output",
                    value: o.clone(),
                    want: format!("want FMT:FILE with FMT one of {}", Format::NAMES.join(", ")),
                })
        })
        .collect()
}

/// Tag sets in the `;`/`,` syntax of `--tags-sets`.
pub fn tag_sets(text: &str) -> Result<Vec<Vec<String>>, CliError> {
    text.split(';').map(context::tags).collect()
}

/// The packages the arguments name, through the package resolver (files, directories and
/// patterns; `--all-modules`), with the directories gotags.toml is looked up from and the
/// count of modules that could not be loaded.
fn packages(
    args: &CheckArgs,
) -> Result<(Vec<command::PackageTarget>, Vec<PathBuf>, usize), CliError> {
    let ctx = pats::any_platform()?;
    let goroot = pats::goroot(None);
    let targets = pats::resolve_check(&args.patterns, &args.modules, &ctx, goroot.as_deref())?;
    let (mut out, mut starts, mut failed) = (Vec::new(), Vec::new(), 0);
    for mut t in targets {
        t.resolution.stop_on_errors()?;
        failed += t.resolution.failed_modules;
        starts.push(t.resolution.base.clone());
        for set in t.resolution.take_modules() {
            out.push(command::PackageTarget {
                set,
                files: t.files.clone(),
            });
        }
    }
    Ok((out, starts, failed))
}

/// Does the run cover more than one module?
fn several_modules(packages: &[command::PackageTarget]) -> bool {
    packages
        .iter()
        .any(|p| p.set.module.root != packages[0].set.module.root)
}

/// `releases` is the global `--go` value: a comma list (`1.22,1.27`) is the releases the
/// check evaluates, each one more dimension as in `matrix` (default: gotags.toml `[matrix]
/// go`, else the selected release, with the module's go line deciding which releases it
/// supports).
pub fn run(
    args: CheckArgs,
    releases: Option<&str>,
    colour: color::ColorChoice,
) -> Result<ExitCode, CliError> {
    if let Some(code) = &args.explain {
        if code.is_empty() && args.format == "markdown" {
            output::to_stdout(|out| rd::rule_docs::write(out))?;
            return Ok(ExitCode::SUCCESS);
        }
        return explain(code);
    }
    let format = Format::parse(&args.format).ok_or_else(|| CliError::BadValue {
        flag: "format",
        value: args.format.clone(),
        want: format!("want one of {}", Format::NAMES.join(", ")),
    })?;
    let outputs = outputs(&args.outputs)?;
    let cwd = paths::cwd()?;
    let tags_sets = match (&args.tags, &args.tags_sets) {
        (Some(one), _) => Some(vec![context::tags(one)?]),
        (None, Some(sets)) => Some(tag_sets(sets)?),
        (None, None) => None,
    };
    let process_env = |name: &str| std::env::var(name).ok();
    let (given, start, failed_modules) = packages(&args)?;
    let mut opts = command::CheckOptions {
        paths: start,
        platforms: args.platforms.clone(),
        cgo: args.cgo.map(super::matrix::CgoChoice::mode),
        tags_sets,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        enable: args.enable.clone(),
        config: args.config.clone(),
        goroot: gotags::generate::plan::goroot_guess(&process_env, &gotags::source::Disk),
        per_module: args.modules.all_modules || several_modules(&given),
        releases: releases
            .filter(|r| r.contains(','))
            .map(|list| vec![list.to_string()]),
        packages: Some(given),
    };
    let mut report = command::run(&opts, &cwd).map_err(CliError::Check)?;
    problems::report(&report.problems);
    if args.fix || args.diff {
        let mut fixed = super::fix::FixReport::default();
        output::to_stdout(|out| {
            fixed = super::fix::run(&report.diagnostics, &cwd, args.unsafe_fixes, args.diff, out)?;
            Ok(())
        })?;
        for p in &fixed.problems {
            eprintln!("gotags: {p}");
        }
        let n: usize = fixed.fixed.iter().map(|(_, n)| n).sum();
        let verb = if args.diff { "would fix" } else { "fixed" };
        eprintln!("{verb} {n} findings in {} files", fixed.fixed.len());
        if args.diff {
            return Ok(ExitCode::SUCCESS);
        }
        // The fixed files are read again.
        opts.packages = Some(packages(&args)?.0);
        report = command::run(&opts, &cwd).map_err(CliError::Check)?;
    }
    let (diags, texts) = (report.diagnostics, report.texts);
    let ids = baseline::identify(&diags, &texts, &report.modules, &cwd);
    if let Some(file) = &args.write_baseline {
        return write_baseline(&cwd, file, &diags, &ids);
    }
    let (diags, ids, baselined) = match &args.baseline {
        Some(file) => read_baseline(&cwd, file)?.filter(diags, ids),
        None => (diags, ids, 0),
    };
    let findings = rd::Findings {
        diags: &diags,
        texts: &texts,
        ids: &ids,
        modules: &report.modules,
        baselined,
    };
    for (fmt, file) in &outputs {
        let path = cwd.join(file);
        let written = std::fs::File::create(&path).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            rd::write(&mut w, *fmt, &findings, false)?;
            w.flush()
        });
        written.map_err(|source| CliError::WriteFile {
            path: file.clone(),
            source,
        })?;
    }
    let color = color::for_stdout(colour);
    output::to_stdout(|out| rd::write(out, format, &findings, color))?;
    if baselined > 0 {
        eprintln!(
            "gotags: {baselined} findings recorded in {} not shown",
            args.baseline.as_deref().unwrap_or(Path::new("")).display()
        );
    }
    Ok(if failed_modules > 0 {
        ExitCode::from(EXIT_USAGE)
    } else if command::has_errors(&diags) && !args.exit_zero {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--baseline FILE`: read and parse it (relative to the working directory).
fn read_baseline(cwd: &Path, file: &Path) -> Result<baseline::Baseline, CliError> {
    let bytes = std::fs::read(cwd.join(file))
        .map_err(|e| CliError::Baseline(BaselineError::reading(file, &e)))?;
    baseline::parse(&bytes, file).map_err(CliError::Baseline)
}

/// `--write-baseline FILE`: record every current finding.
fn write_baseline(
    cwd: &Path,
    file: &Path,
    diags: &[Diagnostic],
    ids: &[baseline::Identity],
) -> Result<ExitCode, CliError> {
    std::fs::write(cwd.join(file), baseline::render(diags, ids))
        .map_err(|e| CliError::Baseline(BaselineError::writing(file, &e)))?;
    eprintln!(
        "gotags: recorded {} findings in {}",
        diags.len(),
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}
