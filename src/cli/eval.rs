//! `gotags eval`: one constraint expression under one build context.

use super::context::ContextArgs;
use super::error::CliError;
use super::output;
use clap::Args;
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// The expression: `linux && !cgo`, `//go:build linux`, or `// +build linux,amd64`.
    expr: String,
    #[command(flatten)]
    context: ContextArgs,
}

pub fn run(args: EvalArgs) -> Result<ExitCode, CliError> {
    let ctx = args.context.build()?;
    let value = gotags::eval::evaluate(&args.expr, &ctx).map_err(CliError::Eval)?;
    output::to_stdout(|out| writeln!(out, "{value}"))?;
    Ok(ExitCode::SUCCESS)
}
