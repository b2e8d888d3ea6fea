//! `gotags list [-C DIR] [PATTERN...]`: the packages the patterns match for one platform,
//! like `go -C DIR list -e PATTERN...` (default `./...`).

use super::context::ContextArgs;
use super::error::CliError;
use super::patterns::{self as pats, PatternArgs};
use super::{output, paths, problems, terminal};
use clap::{Args, ValueEnum};
use gotags::context::BuildContext;
use gotags::embed::AssetCache;
use gotags::list::{self, ListOptions, ListedPackage};
use gotags::packages::Item;
use gotags::render;
use gotags::render::text::{Ignored, ListView};
use gotags::walk;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ListArgs {
    #[command(flatten)]
    pub patterns: PatternArgs,
    #[command(flatten)]
    modules: pats::ModulesArg,
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
    let single_goroot = match args.patterns.patterns.as_slice() {
        [p] if args.patterns.chdir.is_none() => walk::GorootPattern::parse(p),
        _ => None,
    };
    let cache = AssetCache::new();
    let mut status = ExitCode::SUCCESS;
    let packages = if let Some(pattern) = single_goroot {
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
        let goroot = pats::goroot(args.goroot.as_deref());
        let r = pats::resolve(
            &args.patterns,
            &ctx,
            goroot.as_deref(),
            pats::Want {
                depth: gotags::facts::ReadDepth::Header,
                every_platform: false,
                all_modules: args.modules.all_modules,
                go_list: true,
            },
        )?;
        let opts = ListOptions {
            test: args.test,
            goroot_pattern: None,
        };
        status = r.exit(status);
        r.packages()
            .map(|item| match item {
                Item::Package { module, dir, .. } => {
                    list::package_view(module, dir, &ctx, &cache, &r.cwd, opts)
                }
                Item::Failed {
                    import_path,
                    dir,
                    err,
                } => ListedPackage {
                    dir: dir
                        .as_ref()
                        .map(|d| d.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    import_path: import_path.clone(),
                    incomplete: true,
                    error: Some(list::PackageError {
                        import_stack: Vec::new(),
                        pos: String::new(),
                        err: err.clone(),
                    }),
                    ..ListedPackage::default()
                },
            })
            .collect()
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
    Ok(status)
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
