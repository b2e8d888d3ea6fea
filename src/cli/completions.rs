//! `gotags completions SHELL`: shell completion scripts generated from the argument model.

use super::error::CliError;
use super::output;
use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    shell: clap_complete::Shell,
}

pub fn run(args: CompletionsArgs, mut cmd: clap::Command) -> Result<ExitCode, CliError> {
    // Rendered in memory: the generator panics on a write error, a closed pipe included.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "gotags", &mut script);
    output::bytes_to_stdout(&script)?;
    Ok(ExitCode::SUCCESS)
}
