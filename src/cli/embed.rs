//! `gotags embed`: what `//go:embed` pulls in, per variable, package and platform, and the
//! size budgets (exit 1 on a breach).

use super::context::{ContextArgs, OnOff};
use super::error::{CliError, EXIT_FINDINGS};
use super::patterns::{self as pats, ModulesArg, PatternArgs};
use super::{output, settings};
use clap::{Args, ValueEnum};
use gotags::context::BuildContext;
use gotags::embed::AssetCache;
use gotags::embed_report::{self, Budgets, ByteSize};
use gotags::render;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct EmbedArgs {
    #[command(flatten)]
    pub patterns: PatternArgs,
    #[command(flatten)]
    modules: ModulesArg,
    #[command(flatten)]
    context: ContextArgs,
    /// Platforms to report on, as the other commands take them: `all` (every port of `go tool
    /// dist list`), `first-class`, or `goos/goarch[/cgo|/nocgo],...`; cgo off unless
    /// --cgo on, CGO_ENABLED=1 or a `/cgo` suffix.
    #[arg(long, conflicts_with_all = ["goos", "goarch"])]
    platforms: Option<String>,
    /// The old spelling of `--platforms all`.
    #[arg(long, hide = true, conflicts_with_all = ["goos", "goarch", "platforms"])]
    all_platforms: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Budget for the total embedded bytes per platform (e.g. 10MiB, 500KB, 1.5MB, 123).
    #[arg(long, value_name = "SIZE")]
    budget: Option<ByteSize>,
    /// Budget for the embedded bytes of any one package.
    #[arg(long, value_name = "SIZE")]
    budget_package: Option<ByteSize>,
    /// Budget for any single embedded file.
    #[arg(long, value_name = "SIZE")]
    budget_file: Option<ByteSize>,
    /// Budget for what any one `main` package's binary embeds (the binary estimate: contents,
    /// embed.FS names and tables, headers, alignment), per platform.
    #[arg(long, value_name = "SIZE")]
    budget_binary: Option<ByteSize>,
    /// Compare the contents of same-size string/embed.FS files (reads them), so identical
    /// files count once, as the linker stores them.
    #[arg(long)]
    exact: bool,
    /// Read settings ([embed] budgets) from this file instead of the nearest gotags.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// The contexts to report on: one, or every port.
fn contexts(args: &EmbedArgs) -> Result<Vec<BuildContext>, CliError> {
    let base = args.context.build()?;
    let spec = match (&args.platforms, args.all_platforms) {
        (Some(spec), _) => spec.as_str(),
        (None, true) => "all",
        (None, false) => return Ok(vec![base]),
    };
    let cgo = match args.context.cgo {
        Some(c) => c == OnOff::On,
        None => std::env::var("CGO_ENABLED").is_ok_and(|v| v == "1"),
    };
    // The one platform grammar (`configs::spec`), as matrix and check read it.
    let items =
        match gotags::configs::spec::parse(spec).map_err(|e| CliError::Configurations(e.into()))? {
            gotags::configs::spec::Selection::Items(items) => items,
            gotags::configs::spec::Selection::GoReleaser => return Err(CliError::EmbedGoReleaser),
        };
    let mode = if cgo {
        gotags::configs::CgoMode::On
    } else {
        gotags::configs::CgoMode::Off
    };
    let sets = [gotags::configs::TagSet::new(base.build_tags.clone())];
    let set = gotags::configs::ConfigSet::new(gotags::configs::expand(&items, &sets, mode))
        .map_err(|e| CliError::Configurations(e.into()))?;
    Ok(set.contexts)
}

pub fn run(args: EmbedArgs) -> Result<ExitCode, CliError> {
    let contexts = contexts(&args)?;
    let mut r = pats::resolve(
        &args.patterns,
        &contexts[0],
        pats::goroot(None).as_deref(),
        args.modules
            .every_platform(gotags::facts::ReadDepth::Header),
    )?;
    r.stop_on_errors()?;
    // The cache holds one entry per asset file; freeing it at exit costs time and buys nothing.
    let cache = std::mem::ManuallyDrop::new(AssetCache::new());
    let config = settings::load(args.config.as_ref(), &r.cwd, &r.base)?;
    let options = embed_report::Options {
        all_platforms: contexts.len() > 1 || args.platforms.is_some() || args.all_platforms,
        exact: args.exact,
    };
    let budgets = Budgets {
        total: args.budget.or(config.embed.budget),
        package: args.budget_package.or(config.embed.budget_package),
        file: args.budget_file.or(config.embed.budget_file),
        binary: args.budget_binary.or(config.embed.budget_binary),
    };
    let mut breached = false;
    let mut reports = Vec::new();
    for set in r.take_modules() {
        let mut report =
            embed_report::collect_with(&set.module, &set.dirs, &contexts, &cache, options);
        if !budgets.is_empty() {
            let outcome = embed_report::evaluate(&report, &budgets);
            breached |= !outcome.breaches.is_empty();
            report.budget = Some(outcome);
        }
        reports.push((set, report));
    }
    let several = reports.len() != 1 || args.modules.all_modules;
    output::to_stdout(|out| {
        if !several {
            return match (args.format, reports.first()) {
                (Format::Json, Some((_, rep))) => render::embed::write_json(out, rep),
                (Format::Text, Some((_, rep))) => render::embed::write_text(out, rep),
                (_, None) => Ok(()),
            };
        }
        // Several modules: each report under its module; JSON as
        // `{"modules": [{"module", "root", "go", "report"}, ...]}`.
        if args.format == Format::Json {
            out.write_all(b"{\"modules\":[")?;
        }
        for (i, (set, rep)) in reports.iter().enumerate() {
            match args.format {
                Format::Json => {
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    output::module_entry(out, &set.module, &set.go, "report")?;
                    render::embed::write_json(out, rep)?;
                    out.write_all(b"}")?;
                }
                Format::Text => {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    let go = set.go.as_deref().map(|g| format!(" (go {g})"));
                    writeln!(out, "module {}{}", set.module.path, go.unwrap_or_default())?;
                    render::embed::write_text(out, rep)?;
                }
            }
        }
        if args.format == Format::Json {
            out.write_all(b"]}\n")?;
        }
        Ok(())
    })?;
    if !breached {
        return Ok(r.exit(ExitCode::SUCCESS));
    }
    if args.format == Format::Json {
        eprintln!("gotags: embed budget exceeded (see \"budget\" in the report)");
    }
    Ok(r.exit(ExitCode::from(EXIT_FINDINGS)))
}
