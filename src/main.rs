//! The `gotags` binary: parses the command line and dispatches to one command in `cli/`.

mod cli;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// Which Go files compile on which platform, exactly as the Go 1.23 toolchain decides, without running Go.
#[derive(Parser, Debug)]
#[command(name = "gotags", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the packages of a module for one platform, like `go list -e ./...`.
    List(cli::list::ListArgs),
    /// Evaluate a `//go:build` expression (or a `// +build` line) under a build context.
    Eval(cli::eval::EvalArgs),
    /// Evaluate every platform, cgo setting and tag set at once: grouped file sets, reasons,
    /// coverage gaps and a minimal CI matrix.
    Matrix(cli::matrix::MatrixArgs),
    /// Report what `//go:embed` pulls in, with sizes per variable, package and platform, and
    /// check size budgets (exit 1 on a breach).
    Embed(cli::embed::EmbedArgs),
    /// Show the `//go:generate` commands `go generate ./...` would run, without running them.
    Generate(cli::generate::GenerateArgs),
    /// Report build-constraint, generate and embed mistakes for every platform at once.
    Check(cli::check::CheckArgs),
    /// Run the language server (LSP over stdio) for editors, beside gopls.
    Lsp(cli::lsp::LspArgs),
    /// Write a commented gotags.toml template to the current directory.
    Init(cli::init::InitArgs),
    /// Print shell completions.
    Completions(cli::completions::CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::List(args) => cli::list::run(args),
        Command::Eval(args) => cli::eval::run(args),
        Command::Matrix(args) => cli::matrix::run(args),
        Command::Embed(args) => cli::embed::run(args),
        Command::Generate(args) => cli::generate::run(args),
        Command::Check(args) => cli::check::run(args),
        Command::Lsp(args) => cli::lsp::run(args),
        Command::Init(args) => cli::init::run(args),
        Command::Completions(args) => cli::completions::run(args, Cli::command()),
        Command::Man => cli::man::run(Cli::command()),
    };
    cli::finish(result)
}
