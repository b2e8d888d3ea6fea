//! `gotags init`: writes the commented gotags.toml template.

use super::error::CliError;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Overwrite an existing gotags.toml.
    #[arg(long)]
    force: bool,
}

pub fn run(args: InitArgs) -> Result<ExitCode, CliError> {
    let path = PathBuf::from(gotags::config::FILE_NAME);
    if path.exists() && !args.force {
        return Err(CliError::Exists(path));
    }
    std::fs::write(&path, gotags::config::TEMPLATE).map_err(|source| CliError::WriteFile {
        path: path.clone(),
        source,
    })?;
    eprintln!("gotags: wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}
