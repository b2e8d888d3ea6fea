//! The binary's error type: every way a command can fail before or while printing, with its
//! context, and the exit status each failure maps to.

use gotags::context::ContextError;
use gotags::eval::EvalError;
use std::fmt;
use std::io;
use std::path::PathBuf;

/// Exit status for usage errors and unreadable inputs (documented in README.md and the man page).
pub const EXIT_USAGE: u8 = 2;
/// Exit status for findings: error-level diagnostics, an exceeded budget, a failed generate
/// step, a coverage lock that no longer matches.
pub const EXIT_FINDINGS: u8 = 1;

/// Why a path named on the command line cannot be used.
#[derive(Debug)]
pub enum PathProblem {
    /// `stat` failed (Go's errno wording).
    Unreadable(String),
    /// A directory was required.
    NotADirectory,
    /// A regular file was required.
    NotARegularFile,
    /// `-C DIR` cannot be entered (Go's errno wording).
    Chdir(String),
}

/// A failed run (exit status [`EXIT_USAGE`]).
#[derive(Debug)]
pub enum CliError {
    /// The working directory cannot be read.
    CurrentDir(io::Error),
    /// A path argument cannot be used.
    Path { path: PathBuf, problem: PathProblem },
    /// Named `.go` files must share one directory.
    FilesInTwoDirectories { first: PathBuf, second: PathBuf },
    /// The main modules (go.work / go.mod) cannot be set up.
    Workspace(gotags::packages::WorkspaceError),
    /// `-mod` in `$GOFLAGS` is a value cmd/go refuses (in workspace mode, or at all).
    ModFlag(gotags::go::build_mode::ModFlagError),
    /// Patterns go would stop on (a missing directory, no Go files, …), one message each.
    Patterns(Vec<String>),
    /// gotags.toml cannot be read or parsed.
    Config(gotags::config::ConfigFileError),
    /// The build context (platform, tags, environment) is invalid.
    Context(ContextError),
    /// A platform list, tag set, release or cgo choice the configuration model rejects.
    Configurations(gotags::matrix::MatrixError),
    /// `embed --platforms goreleaser`: embed needs the platforms named.
    EmbedGoReleaser,
    /// A flag that needs exactly one module (`--explain`, `--format html`) met several.
    OneModuleOnly,
    /// The check command rejected its settings or could not read the tree.
    Check(gotags::check::command::CheckError),
    /// The matrix command failed.
    Matrix(gotags::matrix::MatrixError),
    /// A `check --baseline`/`--write-baseline` file cannot be used.
    Baseline(gotags::check::baseline::BaselineError),
    /// A `matrix --check`/`--write` lock file cannot be used.
    Lock(gotags::matrix::lock::LockError),
    /// A `--run`/`--skip` pattern is not a regular expression.
    Pattern {
        flag: &'static str,
        source: regex::Error,
    },
    /// A flag value is malformed.
    BadValue {
        flag: &'static str,
        value: String,
        want: String,
    },
    /// A GOOS/GOARCH value Go does not know, with a suggestion.
    UnknownName {
        flag: &'static str,
        value: String,
        hint: String,
    },
    /// `--explain` named an unknown rule.
    UnknownRule(String),
    /// `--explain FILE` names no file of the walked directories.
    NotInMatrix(PathBuf),
    /// `generate` got several directories.
    GenerateTakesOneDirectory,
    /// `matrix --write/--check` over several modules (a lock file is one module's).
    LockTakesOneModule,
    /// `list std|cmd` without a Go distribution.
    NoGoroot,
    /// `--goroot` has no `src`.
    NotAGoroot(PathBuf),
    /// `gotags init` would overwrite a file.
    Exists(PathBuf),
    /// Writing a named output file failed.
    WriteFile { path: PathBuf, source: io::Error },
    /// Writing stdout failed for a reason other than a closed pipe.
    Stdout(io::Error),
    /// The Go release could not be chosen (`--go`, GOTOOLCHAIN, VERSION, go.mod).
    Release(gotags::toolchain::DetectError),
    /// A syntax error in `gotags eval`'s expression (printed with its caret, no prefix).
    Eval(EvalError),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::CurrentDir(e) => write!(f, "cannot read the current directory: {e}"),
            CliError::Path { path, problem } => match problem {
                PathProblem::Unreadable(why) => write!(f, "{}: {why}", path.display()),
                PathProblem::NotADirectory => write!(f, "{}: not a directory", path.display()),
                PathProblem::Chdir(why) => write!(f, "chdir {}: {why}", path.display()),
                PathProblem::NotARegularFile => {
                    write!(f, "{}: not a regular file", path.display())
                }
            },
            CliError::FilesInTwoDirectories { first, second } => write!(
                f,
                "named files must all be in one directory; have {} and {}",
                first.display(),
                second.display()
            ),
            CliError::Configurations(e) | CliError::Matrix(e) => write!(f, "{e}"),
            CliError::EmbedGoReleaser => {
                f.write_str("embed --platforms does not take goreleaser; name the platforms")
            }
            CliError::OneModuleOnly => f.write_str(
                "--explain and --format html take one module: pass -C to the module's directory",
            ),
            CliError::Config(e) => write!(f, "{e}"),
            CliError::Workspace(e) => write!(f, "{e}"),
            CliError::ModFlag(e) => write!(f, "{e}"),
            CliError::Patterns(errs) => f.write_str(&errs.join("\ngotags: ")),
            CliError::Check(e) => write!(f, "{e}"),
            CliError::Baseline(e) => write!(f, "{e}"),
            CliError::Lock(e) => write!(f, "{e}"),
            CliError::Context(e) => write!(f, "{e}"),
            CliError::Pattern { flag, source } => write!(f, "generate: --{flag}: {source}"),
            CliError::BadValue { flag, value, want } => write!(f, "--{flag} {value}: {want}"),
            CliError::UnknownName { flag, value, hint } => {
                write!(f, "--{flag} {value}: unknown {}{hint}", flag.to_uppercase())
            }
            CliError::UnknownRule(code) => {
                write!(f, "unknown rule {code} (see gotags check --explain)")
            }
            CliError::NotInMatrix(p) => write!(
                f,
                "{}: not a source file of a directory matched by ./...",
                p.display()
            ),
            CliError::LockTakesOneModule => f.write_str(
                "matrix --write and --check take one module (a lock file records one module's files)",
            ),
            CliError::GenerateTakesOneDirectory => {
                f.write_str("generate takes one directory, or .go files of one directory")
            }
            CliError::NoGoroot => f.write_str(
                "listing std or cmd needs the Go distribution: pass --goroot or set GOROOT",
            ),
            CliError::NotAGoroot(p) => {
                write!(f, "{}: no src directory (is this a GOROOT?)", p.display())
            }
            CliError::Exists(p) => write!(
                f,
                "{} already exists (use --force to overwrite)",
                p.display()
            ),
            CliError::WriteFile { path, source } => write!(f, "{}: {source}", path.display()),
            CliError::Stdout(e) => write!(f, "writing output: {e}"),
            CliError::Eval(e) => f.write_str(&e.render()),
            CliError::Release(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CliError {}

impl From<ContextError> for CliError {
    fn from(e: ContextError) -> Self {
        CliError::Context(e)
    }
}

impl CliError {
    /// The line(s) printed on stderr.
    pub fn report(&self) -> String {
        match self {
            CliError::Eval(e) => e.render(),
            other => format!("gotags: {other}"),
        }
    }
}
