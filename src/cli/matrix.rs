//! `gotags matrix`: every platform, cgo setting and tag set at once — grouped file sets,
//! reasons, coverage gaps and a minimal CI matrix.

use super::error::CliError;
use super::{color, output, paths, problems, settings};
use clap::{Args, ValueEnum};
use gotags::config::CgoSetting;
use gotags::matrix::{self, configs::CgoMode};
use gotags::render;
use gotags::walk;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CgoChoice {
    On,
    Off,
    Both,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixFormat {
    Table,
    Markdown,
    Json,
}

#[derive(Args, Debug)]
pub struct MatrixArgs {
    /// Directory to evaluate, as `./...` run there (default: the current directory).
    path: Option<PathBuf>,
    /// `all` (49 ports), `first-class`, `goreleaser`, or a comma list such as
    /// `linux/amd64,linux/arm/7,linux/amd64/v3` (default: gotags.toml, else all).
    #[arg(long)]
    platforms: Option<String>,
    /// Tag sets separated by `;`, tags by `,`; an empty set is the default: `";integration;a,b"`.
    #[arg(long = "tags-sets")]
    tags_sets: Option<String>,
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
    /// Print the smallest set of configurations that compiles every compiled file.
    #[arg(long)]
    cover: bool,
    /// Also list every declaration present on some configurations and absent on others,
    /// used or not (informational; JSON key `gaps.decl_differences`).
    #[arg(long)]
    all_decl_differences: bool,
}

impl CgoChoice {
    fn setting(self) -> CgoSetting {
        match self {
            CgoChoice::On => CgoSetting::On,
            CgoChoice::Off => CgoSetting::Off,
            CgoChoice::Both => CgoSetting::Both,
        }
    }
}

pub fn run(args: MatrixArgs) -> Result<ExitCode, CliError> {
    let at = paths::locate(args.path.as_deref())?;
    let config = settings::load(args.config.as_ref(), &at.cwd, &at.start)?;
    let cgo = match settings::cgo(args.cgo.map(CgoChoice::setting), &config) {
        CgoSetting::On => CgoMode::On,
        CgoSetting::Off => CgoMode::Off,
        CgoSetting::Both => CgoMode::Both,
    };
    let platforms = settings::platforms(args.platforms.as_deref(), &config);
    let tags_sets = settings::tags_sets(args.tags_sets.as_deref(), &config);
    let configs = matrix::resolve_configs(&at.module.root, &platforms, tags_sets.as_deref(), cgo)
        .map_err(CliError::Configurations)?;
    let (dirs, found) = walk::walk_to(&at.module, &at.start, gotags::facts::ReadDepth::Decls);
    problems::report(&found);
    let opts = matrix::RunOptions {
        cover: args.cover,
        all_decl_differences: args.all_decl_differences,
    };
    let m = matrix::run_with(at.module, dirs, configs, opts, &at.cwd).map_err(CliError::Matrix)?;
    let explained = match &args.explain {
        Some(file) => {
            let abs = paths::absolute(Some(file), &at.cwd);
            let Some((d, found)) = m.locate(&abs) else {
                return Err(CliError::NotInMatrix(file.clone()));
            };
            let di = m
                .eval
                .dirs
                .iter()
                .position(|x| std::ptr::eq(x, d))
                .unwrap_or(0);
            Some((file.display().to_string(), found.map(|fi| (di, fi))))
        }
        None => None,
    };
    let color = color::for_stdout(color::ColorChoice::Auto);
    let written = output::to_stdout(|out| match explained {
        Some((name, found)) => render::matrix::write_explain(out, &m, &name, found),
        None => match args.format {
            MatrixFormat::Table => render::matrix::write_table(out, &m, color),
            MatrixFormat::Markdown => render::matrix::write_markdown(out, &m),
            MatrixFormat::Json => render::matrix::write_json(out, &m),
        },
    });
    // The process ends here: freeing the matrix piece by piece would only cost time.
    std::mem::forget(m);
    written?;
    Ok(ExitCode::SUCCESS)
}
