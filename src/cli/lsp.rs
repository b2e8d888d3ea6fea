//! `gotags lsp`: runs the language server on stdin/stdout.

use super::error::CliError;
use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct LspArgs {
    /// Accepted for editors that pass it; stdio is the only transport.
    #[arg(long)]
    stdio: bool,
}

pub fn run(_args: LspArgs) -> Result<ExitCode, CliError> {
    match gotags::lsp::run_stdio() {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("gotags lsp: {e}");
            Ok(ExitCode::from(1))
        }
    }
}
