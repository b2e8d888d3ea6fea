//! The command-line front end: one file per command (each owns its flags and its run
//! function), and the shared pieces every command uses once — path resolution, settings
//! merging, the build-context flags, colour, stdout with its one broken-pipe rule, walk
//! problem reporting and the error type.

pub mod check;
pub mod color;
pub mod completions;
pub mod context;
pub mod embed;
pub mod env;
pub mod error;
pub mod eval;
pub mod fix;
pub mod generate;
pub mod init;
pub mod list;
pub mod lsp;
pub mod man;
pub mod matrix;
pub mod output;
pub mod paths;
pub mod patterns;
pub mod problems;
pub mod settings;
pub mod terminal;
pub mod vocabulary;

use std::process::ExitCode;

/// The exit status of a finished command; an error is printed once on stderr.
pub fn finish(result: Result<ExitCode, error::CliError>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.report());
            ExitCode::from(error::EXIT_USAGE)
        }
    }
}
