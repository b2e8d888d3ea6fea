//! `gotags generate`: the `//go:generate` steps `go generate ./...` (or `go generate a.go
//! b.go`) would run, without running them.

use super::context::ContextArgs;
use super::error::{CliError, EXIT_FINDINGS};
use super::patterns::{self as pats, PatternArgs};
use super::{output, paths};
use clap::{Args, ValueEnum};
use gotags::generate::{self as g, render as gr};
use gotags::walk;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenerateFormat {
    /// `file:line: command` per step; errors on stderr.
    Text,
    /// A JSON array of steps and errors.
    Json,
    /// Exactly what `go generate -n` prints (on stdout).
    Go,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Package patterns, as `go generate` takes them (default `./...`; one directory means
    /// `-C DIR ./...`); or `.go` files of one directory, which form one package whose build
    /// constraints are all ignored, as `go generate a.go b.go` does.
    #[command(flatten)]
    pub patterns: PatternArgs,
    #[command(flatten)]
    context: ContextArgs,
    /// Only directives whose line matches this regular expression.
    #[arg(long)]
    run: Option<String>,
    /// Leave out directives whose line matches this regular expression.
    #[arg(long)]
    skip: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: GenerateFormat,
}

/// `-run`/`-skip` as `go generate` applies them.
struct RegexFilter {
    run: Option<regex::bytes::Regex>,
    skip: Option<regex::bytes::Regex>,
}

impl g::LineFilter for RegexFilter {
    fn keep(&self, line: &[u8]) -> bool {
        self.run.as_ref().map_or(true, |r| r.is_match(line))
            && !self.skip.as_ref().is_some_and(|r| r.is_match(line))
    }
}

fn pattern(flag: &'static str, re: Option<&str>) -> Result<Option<regex::bytes::Regex>, CliError> {
    re.filter(|r| !r.is_empty())
        .map(|r| regex::bytes::Regex::new(r).map_err(|source| CliError::Pattern { flag, source }))
        .transpose()
}

pub fn run(args: GenerateArgs) -> Result<ExitCode, CliError> {
    let ctx = g::generate_context(&args.context.build()?);
    let filter = RegexFilter {
        run: pattern("run", args.run.as_deref())?,
        skip: pattern("skip", args.skip.as_deref())?,
    };
    let cwd = paths::cwd()?;
    let process_env = |name: &str| std::env::var(name).ok();
    let env = g::RunEnv {
        goroot: g::plan::goroot_guess(&process_env, &gotags::source::Disk),
        path: std::env::var("PATH").unwrap_or_default(),
        cwd: &cwd,
        process_env: &process_env,
    };
    let named: Vec<PathBuf> = args.patterns.patterns.iter().map(PathBuf::from).collect();
    let events = if paths::all_go_files(&named) {
        let dir = named_go_files(&named, &cwd)?;
        g::plan_named(&dir, &ctx, &env, &filter).0
    } else {
        // Several directories in the older form (no `./`): not patterns.
        if named.len() > 1
            && named
                .iter()
                .all(|p| p.is_relative() && !p.starts_with(".") && p.is_dir())
        {
            return Err(CliError::GenerateTakesOneDirectory);
        }
        let mut r = pats::resolve(
            &args.patterns,
            &ctx,
            pats::goroot(None).as_deref(),
            pats::Want {
                depth: gotags::facts::ReadDepth::Full,
                every_platform: false,
                all_modules: false,
                go_list: false,
            },
        )?;
        r.stop_on_errors()?;
        let mut events = Vec::new();
        for set in r.take_runs() {
            events.extend(g::plan(&set.module, &set.dirs, &ctx, &env, &filter).0);
        }
        events
    };
    let failed = events.iter().any(|e| matches!(e, g::Event::Error(_)));
    output::to_stdout(|out| match args.format {
        GenerateFormat::Go => gr::write_go(out, &events),
        GenerateFormat::Json => gr::write_json(out, &events),
        GenerateFormat::Text => gr::write_text(out, &mut std::io::stderr(), &events),
    })?;
    Ok(if failed {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The facts of `.go` files named on the command line, which must share a directory, read
/// in full (their directives are scanned).
fn named_go_files(files: &[PathBuf], cwd: &Path) -> Result<walk::DirFacts, CliError> {
    let mut dir: Option<PathBuf> = None;
    let mut facts = Vec::new();
    for p in files {
        let abs = paths::absolute(Some(p), cwd);
        let parent = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        match &dir {
            Some(d) if d != &parent => {
                return Err(CliError::FilesInTwoDirectories {
                    first: d.clone(),
                    second: parent,
                })
            }
            _ => dir = Some(parent),
        }
        let abs = paths::regular_file(&abs, cwd)?;
        let name = abs
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        facts.push(gotags::facts::FileFacts::read_to(
            &abs,
            &name,
            false,
            gotags::facts::ReadDepth::Full,
        ));
    }
    Ok(walk::DirFacts {
        rel: String::new(),
        dir: dir.unwrap_or_else(|| cwd.to_path_buf()),
        files: facts,
        irregular: false,
        hidden: Vec::new(),
    })
}
