//! `gotags list [-C DIR] [PATTERN...]`: the packages the patterns match for one platform,
//! like `go -C DIR list -e PATTERN...` (default `./...`).

use super::context::ContextArgs;
use super::error::CliError;
use super::patterns::{self as pats, PatternArgs};
use super::{output, paths, problems, terminal};
use clap::{Args, ValueEnum};
use gotags::context::BuildContext;
use gotags::embed::AssetCache;
use gotags::list::{self, BuildMode, ListOptions, ListedPackage, ModeFacts};
use gotags::packages::Item;
use gotags::render;
use gotags::render::text::{Ignored, ListView};
use gotags::walk;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
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
            build_mode: BuildMode::Module,
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
            build_mode: BuildMode::Module,
        };
        status = r.exit(status);
        let mod_flag = goflags_mod();
        r.packages()
            .map(|item| match item {
                Item::Package { module, dir, .. } => {
                    let opts = ListOptions {
                        build_mode: build_mode(module, &r, &ctx, mod_flag.as_deref()),
                        ..opts
                    };
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

/// `-mod=` from `$GOFLAGS` (or the go env file), read as the build context reads `-tags`.
fn goflags_mod() -> Option<String> {
    let goenv = gotags::goenv::GoEnv::load();
    let process = |name: &str| std::env::var(name).ok();
    let text = goenv.lookup("GOFLAGS", &process)?;
    gotags::context::GoFlags::parse(&text).ok()?.mod_flag
}

/// cmd/go's build mode for `module`: the facts `setDefaultBuildMod` reads (the `vendor`
/// directory beside go.mod, or beside go.work in workspace mode, its `modules.txt`, and the
/// `go` line), decided by `list::BuildMode`.
fn build_mode(
    module: &walk::Module,
    r: &pats::Resolution,
    ctx: &BuildContext,
    mod_flag: Option<&str>,
) -> BuildMode {
    let (root, go_line) = match &r.work {
        Some((file, go)) => (file.parent().unwrap_or(Path::new("")), go.as_deref()),
        None => (module.root.as_path(), module.go.as_deref()),
    };
    let vendor = root.join("vendor");
    let modules_txt = vendor.is_dir().then(|| {
        use std::io::Read as _;
        let mut head = Vec::new();
        if let Ok(f) = std::fs::File::open(vendor.join("modules.txt")) {
            let _ = f.take(512).read_to_end(&mut head);
        }
        head
    });
    BuildMode::decide(&ModeFacts {
        release_minor: ctx.release.minor,
        mod_flag,
        workspace: r.work.is_some(),
        go_line,
        vendor: modules_txt.as_deref(),
    })
}
