//! `gotags eval`: one constraint expression under one build context.

use super::context::ContextArgs;
use super::error::CliError;
use super::{output, vocabulary};
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
    let expr = gotags::eval::parse(&args.expr).map_err(CliError::Eval)?;
    // Go's answer stands; a tag no build sets is most likely a typo, said on stderr.
    for tag in vocabulary::tags(&expr) {
        if !vocabulary::is_known_tag(tag, &ctx) {
            eprintln!(
                "gotags: note: `{tag}` is no known GOOS, GOARCH or build tag; it is false unless set with --tags{}",
                vocabulary::did_you_mean(tag, vocabulary::known_names())
            );
        }
    }
    let value = expr.eval(&mut |tag| ctx.match_tag(tag));
    output::to_stdout(|out| writeln!(out, "{value}"))?;
    Ok(ExitCode::SUCCESS)
}
