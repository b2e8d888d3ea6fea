//! The `gotags` binary: parses the command line and dispatches to one command in `cli/`.

mod cli;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// Which Go files compile on which platform, exactly as the Go 1.23 toolchain decides, without running Go.
#[derive(Parser, Debug)]
#[command(name = "gotags", version, about)]
struct Cli {
    /// Colour: auto (a terminal, unless NO_COLOR is set and non-empty or TERM=dumb;
    /// CLICOLOR_FORCE/FORCE_COLOR force it), always or never.
    #[arg(long, global = true, value_enum, default_value_t = cli::color::ColorChoice::Auto)]
    color: cli::color::ColorChoice,
    /// The Go release whose rules apply: 1.21 … 1.27 (also 1.26.3, go1.26); `matrix` and
    /// `check` take a comma list, evaluated as one more dimension. Default: the
    /// release `go` would run here (GOTOOLCHAIN, $GOROOT/VERSION, PATH, the module's go line).
    #[arg(long = "go", global = true, value_name = "RELEASE")]
    go: Option<String>,
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
    /// Show the Go release, platform, cgo, tags, experiments and release tags in force, and
    /// where each came from.
    Env(cli::env::EnvArgs),
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
    let parsed = Cli::parse();
    let colour = parsed.color;
    let dir = match &parsed.command {
        Command::List(a) => Some(a.patterns.start_dir()),
        Command::Matrix(a) => Some(a.patterns.start_dir()),
        Command::Embed(a) => Some(a.patterns.start_dir()),
        Command::Generate(a) => Some(a.patterns.start_dir()),
        Command::Check(a) => Some(a.patterns.start_dir()),
        Command::Eval(_) | Command::Env(_) => Some(None),
        Command::Init(_) | Command::Completions(_) | Command::Man | Command::Lsp(_) => None,
    };
    let selection =
        match dir.map(|d| cli::env::select_release(single_release(&parsed), d.as_deref())) {
            Some(Err(e)) => return cli::finish(Err(e)),
            Some(Ok(s)) => {
                if !matches!(parsed.command, Command::Env(_)) {
                    cli::env::announce(&s);
                }
                Some(s)
            }
            None => None,
        };
    let result = match parsed.command {
        Command::Env(args) => cli::env::run(args, selection),
        Command::List(args) => cli::list::run(args),
        Command::Eval(args) => cli::eval::run(args),
        Command::Matrix(args) => cli::matrix::run(args, parsed.go.as_deref(), colour),
        Command::Embed(args) => cli::embed::run(args),
        Command::Generate(args) => cli::generate::run(args),
        Command::Check(args) => cli::check::run(args, parsed.go.as_deref(), colour),
        Command::Lsp(args) => cli::lsp::run(args),
        Command::Init(args) => cli::init::run(args),
        Command::Completions(args) => cli::completions::run(args, Cli::command()),
        Command::Man => cli::man::run(Cli::command()),
    };
    cli::finish(result)
}

/// The release the process runs under: `--go`, except that a comma list of `matrix` or
/// `check` selects its newest release (the list itself becomes their release dimension).
fn single_release(parsed: &Cli) -> Option<&str> {
    let go = parsed.go.as_deref()?;
    match (&parsed.command, go.contains(',')) {
        (Command::Matrix(_) | Command::Check(_), true) => go
            .split(',')
            .map(str::trim)
            .filter_map(|r| gotags::go::release::find(r).ok().map(|rel| (rel.minor, r)))
            .max_by_key(|(minor, _)| *minor)
            .map(|(_, r)| r),
        _ => Some(go),
    }
}
