//! `gotags env` and the Go release every command runs under: `--go`, else what `go` would
//! run here (`gotags::toolchain`), announced on a terminal's stderr.

use super::context::ContextArgs;
use super::error::CliError;
use super::output;
use clap::Args;
use gotags::toolchain::{self, Selection};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EnvArgs {
    #[command(flatten)]
    context: ContextArgs,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

/// Chooses the release for a command whose path argument is `path` (its main module may
/// raise the release), makes it the process default and prints warnings; on a terminal
/// also the choice itself.
pub fn select_release(flag: Option<&str>, path: Option<&Path>) -> Result<Selection, CliError> {
    let dir = toolchain::module_search_dir(path);
    let selection = toolchain::apply(flag, &dir).map_err(CliError::Release)?;
    for w in &selection.warnings {
        eprintln!("gotags: warning: {w}");
    }
    Ok(selection)
}

/// Prints the release line on stderr when it is a terminal (never into pipes and files,
/// whose formats are go's or gotags' own).
pub fn announce(selection: &Selection) {
    if std::io::stderr().is_terminal() {
        eprintln!("gotags: {selection}");
    }
}

pub fn run(args: EnvArgs, selection: Option<Selection>) -> Result<ExitCode, CliError> {
    let selection = match selection {
        Some(s) => s,
        None => select_release(None, None)?,
    };
    let ctx = args.context.build()?;
    let goenv = gotags::goenv::GoEnv::load();
    let lookup = |name: &str| -> Option<(String, &'static str)> {
        match std::env::var(name) {
            Ok(v) if !v.is_empty() => Some((v, "environment")),
            _ => goenv
                .lookup(name, &|_| None)
                .filter(|v| !v.is_empty())
                .map(|v| (v, "go env file")),
        }
    };
    let inputs = gotags::envinfo::Inputs {
        lookup: &lookup,
        goos_flag: args.context.goos.is_some(),
        goarch_flag: args.context.goarch.is_some(),
        tags_flag: args.context.tags.is_some(),
        cgo_flag: args.context.cgo.is_some(),
    };
    let report = gotags::envinfo::report(&ctx, &selection, &inputs);
    if args.json {
        output::to_stdout(|out| {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)
        })?;
    } else {
        let text = gotags::envinfo::render_text(&report);
        output::to_stdout(|out| out.write_all(text.as_bytes()))?;
    }
    Ok(ExitCode::SUCCESS)
}
