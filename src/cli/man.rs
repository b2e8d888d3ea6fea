//! `gotags man`: the man page (roff) generated from the argument model.

use super::error::CliError;
use super::output;
use std::process::ExitCode;

pub fn run(cmd: clap::Command) -> Result<ExitCode, CliError> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut page)
        .map_err(CliError::Stdout)?;
    output::bytes_to_stdout(&page)?;
    Ok(ExitCode::SUCCESS)
}
