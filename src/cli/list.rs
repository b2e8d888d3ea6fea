//! `gotags list`: the packages of a module (or of std/cmd) for one platform, like
//! `go list -e ./...`.

use super::context::ContextArgs;
use super::error::CliError;
use super::{output, paths, problems, terminal};
use clap::{Args, ValueEnum};
use gotags::context::BuildContext;
use gotags::embed::AssetCache;
use gotags::list::{self, ListOptions, ListedPackage};
use gotags::render;
use gotags::render::text::{Ignored, ListView};
use gotags::walk;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Directory to list, as `go list ./...` run there (default: the current directory);
    /// or `std` / `cmd` for the Go distribution's packages under `--goroot`.
    pub path: Option<PathBuf>,
    /// The Go distribution for `std` and `cmd` (default: $GOROOT).
    #[arg(long)]
    goroot: Option<PathBuf>,
    #[command(flatten)]
    context: ContextArgs,
    /// Print a stream of JSON objects with `go list -e -json` field names.
    #[arg(long)]
    json: bool,
    /// Also fill TestEmbedFiles and XTestEmbedFiles, as `go list -test` does.
    #[arg(long)]
    test: bool,
    /// Files the platform excludes, in the text listing: `list` (each with its reason),
    /// `count` or `hide` (default: `count` on a terminal, `list` otherwise).
    #[arg(long, value_enum)]
    ignored: Option<IgnoredChoice>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum IgnoredChoice {
    List,
    Count,
    Hide,
}

pub fn run(args: ListArgs) -> Result<ExitCode, CliError> {
    let ctx = args.context.build()?;
    let goroot_pattern = args
        .path
        .as_ref()
        .and_then(|p| p.to_str())
        .and_then(walk::GorootPattern::parse);
    let cache = AssetCache::new();
    let packages = if let Some(pattern) = goroot_pattern {
        let cwd = paths::cwd()?;
        let goroot = args
            .goroot
            .clone()
            .or_else(|| std::env::var_os("GOROOT").map(PathBuf::from))
            .ok_or(CliError::NoGoroot)?;
        if !goroot.join("src").is_dir() {
            return Err(CliError::NotAGoroot(goroot));
        }
        let (module, dirs, found) = walk::walk_goroot(&goroot, pattern);
        problems::report(&found);
        let opts = ListOptions {
            test: args.test,
            goroot_pattern: Some(pattern),
        };
        list::list(&module, &dirs, &ctx, &cache, &cwd, opts)
    } else {
        let at = paths::locate(args.path.as_deref())?;
        let (dirs, found) = walk::walk(&at.module, &at.start);
        problems::report(&found);
        let opts = ListOptions {
            test: args.test,
            goroot_pattern: None,
        };
        list::list(&at.module, &dirs, &ctx, &cache, &at.cwd, opts)
    };
    let width = terminal::width();
    let view = ListView {
        width,
        ignored: match args.ignored {
            Some(IgnoredChoice::List) => Ignored::List,
            Some(IgnoredChoice::Count) => Ignored::Count,
            Some(IgnoredChoice::Hide) => Ignored::Hide,
            None if std::io::stdout().is_terminal() => Ignored::Count,
            None => Ignored::List,
        },
    };
    emit(&packages, args.json, &ctx, view)?;
    Ok(ExitCode::SUCCESS)
}

fn emit(
    packages: &[ListedPackage],
    json: bool,
    ctx: &BuildContext,
    view: ListView,
) -> Result<(), CliError> {
    output::to_stdout(|out| {
        if json {
            render::json::write_packages(out, packages)
        } else {
            render::text::write_packages_view(out, packages, ctx, view)
        }
    })
}
