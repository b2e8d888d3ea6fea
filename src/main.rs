//! The `gotags` binary: a thin clap front end over the library. Parses arguments, builds the
//! `BuildContext`, calls a command and hands its data to a renderer.

use clap::{Args, Parser, Subcommand, ValueEnum};
use gotags::context::{self, BuildContext, ContextOverrides, HostInfo};
use gotags::embed::AssetCache;
use gotags::list::{self, ListOptions};
use gotags::render;
use gotags::walk;
use std::io::Write;
use std::path::PathBuf;
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
    List(ListArgs),
    /// Evaluate a `//go:build` expression (or a `// +build` line) under a build context.
    Eval(EvalArgs),
    /// Evaluate every platform, cgo setting and tag set at once: grouped file sets, reasons,
    /// coverage gaps and a minimal CI matrix.
    Matrix(MatrixArgs),
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CgoChoice {
    On,
    Off,
    Both,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum MatrixFormat {
    Table,
    Markdown,
    Json,
}

#[derive(Args, Debug)]
struct MatrixArgs {
    /// Directory to evaluate, as `./...` run there (default: the current directory).
    path: Option<PathBuf>,
    /// `all` (49 ports), `first-class`, `goreleaser`, or a comma list such as
    /// `linux/amd64,linux/arm/7,linux/amd64/v3`.
    #[arg(long, default_value = "all")]
    platforms: String,
    /// Tag sets separated by `;`, tags by `,`; an empty set is the default: `";integration;a,b"`.
    #[arg(long = "tags-sets")]
    tags_sets: Option<String>,
    /// cgo settings to evaluate.
    #[arg(long, value_enum, default_value = "both")]
    cgo: CgoChoice,
    #[arg(long, value_enum, default_value = "table")]
    format: MatrixFormat,
    /// Explain one file's verdict on every configuration.
    #[arg(long)]
    explain: Option<PathBuf>,
    /// Print the smallest set of configurations that compiles every compiled file.
    #[arg(long)]
    cover: bool,
    /// Also list every declaration present on some configurations and absent on others,
    /// used or not (informational; JSON key `gaps.decl_differences`).
    #[arg(long)]
    all_decl_differences: bool,
}

#[derive(Args, Debug, Clone)]
struct ContextArgs {
    /// Target operating system (default: $GOOS, else the host's).
    #[arg(long)]
    goos: Option<String>,
    /// Target architecture (default: $GOARCH, else the host's).
    #[arg(long)]
    goarch: Option<String>,
    /// Build tags, comma-separated (default: -tags from $GOFLAGS).
    #[arg(long)]
    tags: Option<String>,
    /// Whether cgo is enabled (default: $CGO_ENABLED, else Go's rule: on for a native build with a C compiler).
    #[arg(long, value_enum)]
    cgo: Option<OnOff>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OnOff {
    On,
    Off,
}

#[derive(Args, Debug)]
struct ListArgs {
    /// Directory to list, as `go list ./...` run there (default: the current directory);
    /// or `std` / `cmd` for the Go distribution's packages under `--goroot`.
    path: Option<PathBuf>,
    /// The Go distribution for `std` and `cmd` (default: $GOROOT).
    #[arg(long)]
    goroot: Option<PathBuf>,
    #[command(flatten)]
    context: ContextArgs,
    /// Print a stream of JSON objects with `go list -e -json` field names.
    #[arg(long)]
    json: bool,
    /// Also fill TestEmbedFiles and XTestEmbedFiles, as `go list -test` does.
    #[arg(long)]
    test: bool,
}

#[derive(Args, Debug)]
struct EvalArgs {
    /// The expression: `linux && !cgo`, `//go:build linux`, or `// +build linux,amd64`.
    expr: String,
    #[command(flatten)]
    context: ContextArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::List(args) => run_list(args),
        Command::Eval(args) => run_eval(args),
        Command::Matrix(args) => run_matrix(args),
    }
}

/// Exit status for usage errors and unreadable inputs (documented in README.md).
const EXIT_USAGE: u8 = 2;

fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("gotags: {message}");
    ExitCode::from(EXIT_USAGE)
}

fn build_context(args: &ContextArgs) -> Result<BuildContext, String> {
    let tags = match &args.tags {
        Some(t) => Some(context::parse_tags_value(t).map_err(|e| e.to_string())?),
        None => None,
    };
    let overrides = ContextOverrides {
        goos: args.goos.clone(),
        goarch: args.goarch.clone(),
        tags,
        cgo: args.cgo.map(|c| c == OnOff::On),
    };
    let goenv = gotags::goenv::GoEnv::load();
    let process = |name: &str| std::env::var(name).ok();
    let lookup = |name: &str| goenv.lookup(name, &process);
    BuildContext::from_env(&lookup, &overrides, &HostInfo::current(), &context::on_path)
        .map_err(|e| e.to_string())
}

fn run_matrix(args: MatrixArgs) -> ExitCode {
    use gotags::matrix::{self, configs::CgoMode};
    use std::io::IsTerminal;
    let (cwd, start, module) = match locate(&args.path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let cgo = match args.cgo {
        CgoChoice::On => CgoMode::On,
        CgoChoice::Off => CgoMode::Off,
        CgoChoice::Both => CgoMode::Both,
    };
    let configs = match matrix::resolve_configs(
        &module.root,
        &args.platforms,
        args.tags_sets.as_deref(),
        cgo,
    ) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    let (dirs, problems) = walk::walk(&module, &start);
    for p in &problems {
        eprintln!("gotags: {}: {}", p.path.display(), p.message);
    }
    let opts = matrix::RunOptions {
        cover: args.cover,
        all_decl_differences: args.all_decl_differences,
    };
    let m = match matrix::run_with(module, dirs, configs, opts, &cwd) {
        Ok(m) => m,
        Err(e) => return usage_error(e),
    };
    let out = std::io::stdout();
    let color = out.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out.lock());
    let written = if let Some(file) = &args.explain {
        let abs = normalize(&if file.is_absolute() {
            file.clone()
        } else {
            cwd.join(file)
        });
        match m.locate(&abs) {
            Some((d, found)) => {
                let di = m
                    .eval
                    .dirs
                    .iter()
                    .position(|x| std::ptr::eq(x, d))
                    .unwrap_or(0);
                render::matrix::write_explain(
                    &mut out,
                    &m,
                    &file.display().to_string(),
                    found.map(|fi| (di, fi)),
                )
            }
            None => {
                return usage_error(format!(
                    "{}: not a source file of a directory matched by ./...",
                    file.display()
                ))
            }
        }
    } else {
        match args.format {
            MatrixFormat::Table => render::matrix::write_table(&mut out, &m, color),
            MatrixFormat::Markdown => render::matrix::write_markdown(&mut out, &m),
            MatrixFormat::Json => render::matrix::write_json(&mut out, &m),
        }
    };
    let flushed = written.and_then(|_| out.flush());
    drop(out);
    // The process ends here: freeing the matrix piece by piece would only cost time.
    std::mem::forget(m);
    if let Err(e) = flushed {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return usage_error(format!("writing output: {e}"));
        }
    }
    ExitCode::SUCCESS
}

/// The working directory, the normalized start directory and its module.
fn locate(path: &Option<PathBuf>) -> Result<(PathBuf, PathBuf, walk::Module), ExitCode> {
    let cwd = std::env::current_dir()
        .map_err(|e| usage_error(format!("cannot read the current directory: {e}")))?;
    let start = match path {
        Some(p) if p.is_absolute() => p.clone(),
        Some(p) => cwd.join(p),
        None => cwd.clone(),
    };
    let start = match std::fs::metadata(&start) {
        Ok(m) if m.is_dir() => normalize(&start),
        Ok(_) => return Err(usage_error(format!("{}: not a directory", start.display()))),
        Err(e) => {
            return Err(usage_error(format!(
                "{}: {}",
                start.display(),
                gotags::facts::go_errno_text(&e)
            )))
        }
    };
    let module = walk::find_module(&start).map_err(usage_error)?;
    Ok((cwd, start, module))
}

fn run_list(args: ListArgs) -> ExitCode {
    let ctx = match build_context(&args.context) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => return usage_error(format!("cannot read the current directory: {e}")),
    };
    let goroot_pattern = args
        .path
        .as_ref()
        .and_then(|p| p.to_str())
        .and_then(walk::GorootPattern::parse);
    if let Some(pattern) = goroot_pattern {
        let goroot = args
            .goroot
            .clone()
            .or_else(|| std::env::var_os("GOROOT").map(PathBuf::from));
        let Some(goroot) = goroot else {
            return usage_error(
                "listing std or cmd needs the Go distribution: pass --goroot or set GOROOT",
            );
        };
        if !goroot.join("src").is_dir() {
            return usage_error(format!(
                "{}: no src directory (is this a GOROOT?)",
                goroot.display()
            ));
        }
        let (module, dirs, problems) = walk::walk_goroot(&goroot, pattern);
        for p in &problems {
            eprintln!("gotags: {}: {}", p.path.display(), p.message);
        }
        let opts = ListOptions {
            test: args.test,
            goroot_pattern: Some(pattern),
        };
        let cache = AssetCache::new();
        let packages = list::list(&module, &dirs, &ctx, &cache, &cwd, opts);
        return emit(&packages, args.json, &ctx);
    }
    let start = match &args.path {
        Some(p) if p.is_absolute() => p.clone(),
        Some(p) => cwd.join(p),
        None => cwd.clone(),
    };
    let start = match std::fs::metadata(&start) {
        Ok(m) if m.is_dir() => normalize(&start),
        Ok(_) => return usage_error(format!("{}: not a directory", start.display())),
        Err(e) => {
            return usage_error(format!(
                "{}: {}",
                start.display(),
                gotags::facts::go_errno_text(&e)
            ))
        }
    };
    let module = match walk::find_module(&start) {
        Ok(m) => m,
        Err(e) => return usage_error(e),
    };
    let (dirs, problems) = walk::walk(&module, &start);
    for p in &problems {
        eprintln!("gotags: {}: {}", p.path.display(), p.message);
    }
    let cache = AssetCache::new();
    let opts = ListOptions {
        test: args.test,
        goroot_pattern: None,
    };
    let packages = list::list(&module, &dirs, &ctx, &cache, &cwd, opts);
    emit(&packages, args.json, &ctx)
}

fn emit(packages: &[list::ListedPackage], json: bool, ctx: &BuildContext) -> ExitCode {
    let out = std::io::stdout();
    let mut out = out.lock();
    let written = if json {
        render::json::write_packages(&mut out, packages)
    } else {
        render::text::write_packages(&mut out, packages, ctx)
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return usage_error(format!("writing output: {e}"));
        }
    }
    ExitCode::SUCCESS
}

/// Removes `.` and `..` components without touching the disk, as filepath.Clean does.
fn normalize(p: &std::path::Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn run_eval(args: EvalArgs) -> ExitCode {
    let ctx = match build_context(&args.context) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    match gotags::eval::evaluate(&args.expr, &ctx) {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.render());
            ExitCode::from(EXIT_USAGE)
        }
    }
}
