//! The `gotags` binary: a thin clap front end over the library. Parses arguments, builds the
//! `BuildContext`, calls a command and hands its data to a renderer.

use clap::{Args, Parser, Subcommand, ValueEnum};
use gotags::context::{self, BuildContext, ContextOverrides, HostInfo};
use gotags::embed::AssetCache;
use gotags::embed_report::{self, Budgets, ByteSize};
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
    /// The Go release whose rules apply: 1.21 … 1.27 (also 1.26.3, go1.26). Default: the
    /// release `go` would run here (GOTOOLCHAIN, $GOROOT/VERSION, PATH, the module's go line).
    #[arg(long = "go", global = true, value_name = "RELEASE")]
    go: Option<String>,
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
    /// Report what `//go:embed` pulls in, with sizes per variable, package and platform, and
    /// check size budgets (exit 1 on a breach).
    Embed(EmbedArgs),
    /// Show the `//go:generate` commands `go generate ./...` would run, without running them.
    Generate(GenerateArgs),
    /// Report build-constraint, generate and embed mistakes for every platform at once.
    Check(CheckArgs),
    /// Show the Go release, platform, cgo, tags, experiments and release tags in force, and
    /// where each came from.
    Env(EnvArgs),
    /// Write a commented gotags.toml template to the current directory.
    Init {
        /// Overwrite an existing gotags.toml.
        #[arg(long)]
        force: bool,
    },
    /// Print shell completions.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff).
    Man,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Directories to check, each as `./...` there (default: the current directory).
    paths: Vec<PathBuf>,
    /// Platforms: all, first-class, or goos/goarch[/cgo|/nocgo],... (default: gotags.toml, else all).
    #[arg(long)]
    platforms: Option<String>,
    /// User build tags, comma-separated (default: gotags.toml [matrix] tags, else none).
    #[arg(long)]
    tags: Option<String>,
    /// Output format on stdout.
    #[arg(long, default_value = "full", value_parser = clap::builder::PossibleValuesParser::new(gotags::render::diagnostics::Format::NAMES))]
    format: String,
    /// Also write FMT to FILE (repeatable), e.g. `--output sarif:gotags.sarif`.
    #[arg(long = "output", value_name = "FMT:FILE")]
    outputs: Vec<String>,
    /// Only these codes or prefixes (comma-separated, e.g. GT1,GT302).
    #[arg(long)]
    select: Vec<String>,
    /// Leave out these codes or prefixes.
    #[arg(long)]
    ignore: Vec<String>,
    /// Exit 0 even when error-level findings are reported.
    #[arg(long)]
    exit_zero: bool,
    /// Print the documentation of a rule (or, without CODE... every rule's summary) and exit.
    #[arg(long, value_name = "CODE", num_args = 0..=1, default_missing_value = "")]
    explain: Option<String>,
    /// Read this configuration file instead of looking for gotags.toml.
    #[arg(long)]
    config: Option<PathBuf>,
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
    /// `linux/amd64,linux/arm/7,linux/amd64/v3` (default: gotags.toml, else all).
    #[arg(long)]
    platforms: Option<String>,
    /// Tag sets separated by `;`, tags by `,`; an empty set is the default: `";integration;a,b"`.
    #[arg(long = "tags-sets")]
    tags_sets: Option<String>,
    /// cgo settings to evaluate (default: gotags.toml, else both).
    #[arg(long, value_enum)]
    cgo: Option<CgoChoice>,
    /// Read this configuration file instead of looking for gotags.toml.
    #[arg(long)]
    config: Option<PathBuf>,
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

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Args, Debug)]
struct EmbedArgs {
    /// Directory to report on, as `./...` run there (default: the current directory).
    path: Option<PathBuf>,
    #[command(flatten)]
    context: ContextArgs,
    /// Every port of `go tool dist list` (cgo off unless --cgo on or CGO_ENABLED=1).
    #[arg(long, conflicts_with_all = ["goos", "goarch"])]
    all_platforms: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Budget for the total embedded bytes per platform (e.g. 10MiB, 500KB, 1.5MB, 123).
    #[arg(long, value_name = "SIZE")]
    budget: Option<ByteSize>,
    /// Budget for the embedded bytes of any one package.
    #[arg(long, value_name = "SIZE")]
    budget_package: Option<ByteSize>,
    /// Budget for any single embedded file.
    #[arg(long, value_name = "SIZE")]
    budget_file: Option<ByteSize>,
    /// Read settings ([embed] budgets) from this file instead of the nearest gotags.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum GenerateFormat {
    /// `file:line: command` per step; errors on stderr.
    Text,
    /// A JSON array of steps and errors.
    Json,
    /// Exactly what `go generate -n` prints (on stdout).
    Go,
}

#[derive(Args, Debug)]
struct GenerateArgs {
    /// A directory to scan, as `go generate ./...` run there (default: the current
    /// directory); or `.go` files of one directory, which form one package whose build
    /// constraints are all ignored, as `go generate a.go b.go` does.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    context: ContextArgs,
    /// Only directives whose line matches this regular expression.
    #[arg(long)]
    run: Option<String>,
    /// Leave out directives whose line matches this regular expression.
    #[arg(long)]
    skip: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: GenerateFormat,
}

#[derive(Args, Debug)]
struct EnvArgs {
    #[command(flatten)]
    context: ContextArgs,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
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
    let mut selection = None;
    if let Some(dir) = command_dir(&cli.command) {
        match gotags::toolchain::apply(cli.go.as_deref(), &dir) {
            Ok(s) => {
                for w in &s.warnings {
                    eprintln!("gotags: warning: {w}");
                }
                let is_env = matches!(cli.command, Command::Env(_));
                if !is_env && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                    eprintln!("gotags: {s}");
                }
                selection = Some(s);
            }
            Err(e) => return usage_error(e),
        }
    }
    match cli.command {
        Command::Env(args) => match selection {
            Some(s) => run_env(args, &s),
            None => usage_error("no Go release selected"),
        },
        Command::List(args) => run_list(args),
        Command::Eval(args) => run_eval(args),
        Command::Matrix(args) => run_matrix(args),
        Command::Embed(args) => run_embed(args),
        Command::Generate(args) => run_generate(args),
        Command::Check(args) => run_check(args),
        Command::Init { force } => run_init(force),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "gotags", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            match clap_mangen::Man::new(cmd).render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => usage_error(format!("writing output: {e}")),
            }
        }
    }
}

/// The directory whose main module may raise the Go release (the command's path, else the
/// current directory); `None` for commands that apply no Go rules.
fn command_dir(command: &Command) -> Option<PathBuf> {
    let path = match command {
        Command::List(a) => a.path.clone(),
        Command::Matrix(a) => a.path.clone(),
        Command::Embed(a) => a.path.clone(),
        Command::Generate(a) => a.paths.first().cloned(),
        Command::Check(a) => a.paths.first().cloned(),
        Command::Eval(_) | Command::Env(_) => None,
        Command::Init { .. } | Command::Completions { .. } | Command::Man => return None,
    };
    Some(gotags::toolchain::module_search_dir(path.as_deref()))
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
        release: None,
    };
    let goenv = gotags::goenv::GoEnv::load();
    let process = |name: &str| std::env::var(name).ok();
    let lookup = |name: &str| goenv.lookup(name, &process);
    BuildContext::from_env(&lookup, &overrides, &HostInfo::current(), &context::on_path)
        .map_err(|e| e.to_string())
}

/// Resolves a PATH argument to an existing, clean absolute directory.
fn start_dir(path: Option<&PathBuf>, cwd: &std::path::Path) -> Result<PathBuf, String> {
    let start = match path {
        Some(p) if p.is_absolute() => p.clone(),
        Some(p) => cwd.join(p),
        None => cwd.to_path_buf(),
    };
    match std::fs::metadata(&start) {
        Ok(m) if m.is_dir() => Ok(normalize(&start)),
        Ok(_) => Err(format!("{}: not a directory", start.display())),
        Err(e) => Err(format!(
            "{}: {}",
            start.display(),
            gotags::facts::go_errno_text(&e)
        )),
    }
}

/// `-run`/`-skip` as `go generate` applies them.
struct RegexFilter {
    run: Option<regex::bytes::Regex>,
    skip: Option<regex::bytes::Regex>,
}

impl gotags::generate::LineFilter for RegexFilter {
    fn keep(&self, line: &[u8]) -> bool {
        self.run.as_ref().map_or(true, |r| r.is_match(line))
            && !self.skip.as_ref().is_some_and(|r| r.is_match(line))
    }
}

fn run_generate(args: GenerateArgs) -> ExitCode {
    use gotags::generate::{self as g, render as gr};
    let ctx = match build_context(&args.context) {
        Ok(c) => g::generate_context(&c),
        Err(e) => return usage_error(e),
    };
    let compile = |re: &Option<String>| -> Result<Option<regex::bytes::Regex>, String> {
        re.as_deref()
            .filter(|r| !r.is_empty())
            .map(|r| regex::bytes::Regex::new(r).map_err(|e| format!("generate: {e}")))
            .transpose()
    };
    let filter = match (compile(&args.run), compile(&args.skip)) {
        (Ok(run), Ok(skip)) => RegexFilter { run, skip },
        (Err(e), _) | (_, Err(e)) => return usage_error(e),
    };
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => return usage_error(format!("cannot read the current directory: {e}")),
    };
    let process_env = |name: &str| std::env::var(name).ok();
    let env = g::RunEnv {
        goroot: g::plan::goroot_guess(&process_env),
        path: std::env::var("PATH").unwrap_or_default(),
        cwd: &cwd,
        process_env: &process_env,
    };
    let named_files = !args.paths.is_empty()
        && args
            .paths
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "go"));
    let events = if named_files {
        match named_go_files(&args.paths, &cwd) {
            Ok(d) => g::plan_named(&d, &ctx, &env, &filter).0,
            Err(e) => return usage_error(e),
        }
    } else {
        if args.paths.len() > 1 {
            return usage_error("generate takes one directory, or .go files of one directory");
        }
        let start = match start_dir(args.paths.first(), &cwd) {
            Ok(s) => s,
            Err(e) => return usage_error(e),
        };
        let module = match walk::find_module(&start) {
            Ok(m) => m,
            Err(e) => return usage_error(e),
        };
        let (dirs, problems) = walk::walk_to(&module, &start, gotags::facts::ReadDepth::Full);
        for p in &problems {
            eprintln!("gotags: {}: {}", p.path.display(), p.message);
        }
        g::plan(&module, &dirs, &ctx, &env, &filter).0
    };
    let failed = events.iter().any(|e| matches!(e, g::Event::Error(_)));
    let out = std::io::stdout();
    let mut out = out.lock();
    let written = match args.format {
        GenerateFormat::Go => gr::write_go(&mut out, &events),
        GenerateFormat::Json => gr::write_json(&mut out, &events),
        GenerateFormat::Text => gr::write_text(&mut out, &mut std::io::stderr(), &events),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return usage_error(format!("writing output: {e}"));
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    use gotags::check::{command, registry};
    use gotags::render::diagnostics::{self as rd, Format};
    use std::io::IsTerminal;
    if let Some(code) = &args.explain {
        if code.is_empty() {
            for r in registry::RULES {
                println!(
                    "{}  {:<34} {}",
                    r.info.code,
                    r.info.name,
                    r.info.severity.as_str()
                );
            }
            return ExitCode::SUCCESS;
        }
        return match registry::find(&code.to_uppercase()) {
            Some(r) => {
                print!("{}", r.info.explain());
                ExitCode::SUCCESS
            }
            None => usage_error(format!("unknown rule code {code}")),
        };
    }
    let Some(format) = Format::parse(&args.format) else {
        return usage_error(format!("unknown format {}", args.format));
    };
    let mut outputs = Vec::new();
    for o in &args.outputs {
        let parsed = o
            .split_once(':')
            .and_then(|(f, file)| Format::parse(f).map(|f| (f, PathBuf::from(file))));
        match parsed {
            Some(x) if !x.1.as_os_str().is_empty() => outputs.push(x),
            _ => {
                return usage_error(format!(
                    "--output {o}: want FMT:FILE with FMT one of {}",
                    Format::NAMES.join(", ")
                ))
            }
        }
    }
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => return usage_error(format!("cannot read the current directory: {e}")),
    };
    let tags = match &args.tags {
        Some(t) => match context::parse_tags_value(t) {
            Ok(t) => Some(t),
            Err(e) => return usage_error(e),
        },
        None => None,
    };
    let process_env = |name: &str| std::env::var(name).ok();
    let opts = command::CheckOptions {
        paths: args.paths.clone(),
        platforms: args.platforms.clone(),
        tags,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        config: args.config.clone(),
        goroot: gotags::generate::plan::goroot_guess(&process_env),
    };
    let diags = match command::run(&opts, &cwd) {
        Ok(d) => d,
        Err(e) => return usage_error(e),
    };
    for (fmt, file) in &outputs {
        let written = std::fs::File::create(cwd.join(file)).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            rd::write(&mut w, *fmt, &diags, false, &cwd)?;
            w.flush()
        });
        if let Err(e) = written {
            return usage_error(format!("{}: {e}", file.display()));
        }
    }
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty());
    let out = std::io::stdout();
    let mut out = out.lock();
    if let Err(e) = rd::write(&mut out, format, &diags, color, &cwd).and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return usage_error(format!("writing output: {e}"));
        }
    }
    if command::has_errors(&diags) && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_init(force: bool) -> ExitCode {
    let path = PathBuf::from(gotags::config::FILE_NAME);
    if path.exists() && !force {
        return usage_error(format!(
            "{} already exists (use --force to overwrite)",
            path.display()
        ));
    }
    match std::fs::write(&path, gotags::config::TEMPLATE) {
        Ok(()) => {
            eprintln!("gotags: wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => usage_error(format!("{}: {e}", path.display())),
    }
}

fn run_matrix(args: MatrixArgs) -> ExitCode {
    use gotags::matrix::{self, configs::CgoMode};
    use std::io::IsTerminal;
    let (cwd, start, module) = match locate(&args.path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let config = match load_config(&args.config, &cwd, &start) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    use gotags::config::CgoSetting;
    let cgo = match (args.cgo, config.matrix.cgo) {
        (Some(CgoChoice::On), _) | (None, Some(CgoSetting::On)) => CgoMode::On,
        (Some(CgoChoice::Off), _) | (None, Some(CgoSetting::Off)) => CgoMode::Off,
        (Some(CgoChoice::Both), _) | (None, Some(CgoSetting::Both)) | (None, None) => CgoMode::Both,
    };
    let platforms = args
        .platforms
        .clone()
        .or_else(|| config.matrix.platforms.as_ref().map(|p| p.as_arg()))
        .unwrap_or_else(|| "all".to_string());
    let tags_sets = args
        .tags_sets
        .clone()
        .or_else(|| config.matrix.tags_sets_arg());
    let configs = match matrix::resolve_configs(&module.root, &platforms, tags_sets.as_deref(), cgo)
    {
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
    let (cwd, start, module) = match locate(&args.path) {
        Ok(found) => found,
        Err(code) => return code,
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

/// The facts of `.go` files named on the command line, which must share a directory, read
/// in full (their directives are scanned).
fn named_go_files(paths: &[PathBuf], cwd: &std::path::Path) -> Result<walk::DirFacts, String> {
    let mut dir: Option<PathBuf> = None;
    let mut files = Vec::new();
    for p in paths {
        let abs = normalize(&cwd.join(p));
        let parent = abs
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default();
        match &dir {
            Some(d) if d != &parent => {
                return Err(format!(
                    "named files must all be in one directory; have {} and {}",
                    d.display(),
                    parent.display()
                ))
            }
            _ => dir = Some(parent),
        }
        let meta = std::fs::metadata(&abs)
            .map_err(|e| format!("{}: {}", abs.display(), gotags::facts::go_errno_text(&e)))?;
        if !meta.is_file() {
            return Err(format!("{}: not a regular file", abs.display()));
        }
        let name = abs
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push(gotags::facts::FileFacts::read_to(
            &abs,
            &name,
            false,
            gotags::facts::ReadDepth::Full,
        ));
    }
    let dir = dir.unwrap_or_else(|| cwd.to_path_buf());
    Ok(walk::DirFacts {
        rel: String::new(),
        dir,
        files,
        irregular: false,
    })
}

/// `--config FILE`, else the nearest gotags.toml above `start`, else the defaults.
fn load_config(
    explicit: &Option<PathBuf>,
    cwd: &std::path::Path,
    start: &std::path::Path,
) -> Result<gotags::config::Config, String> {
    match explicit {
        Some(f) => gotags::config::Config::load(&cwd.join(f)),
        None => gotags::config::Config::discover(start).map(Option::unwrap_or_default),
    }
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

/// Exit status when a budget is exceeded.
const EXIT_BUDGET: u8 = 1;

fn run_embed(args: EmbedArgs) -> ExitCode {
    let base = match build_context(&args.context) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    let contexts = if args.all_platforms {
        let cgo = match args.context.cgo {
            Some(c) => c == OnOff::On,
            None => std::env::var("CGO_ENABLED").is_ok_and(|v| v == "1"),
        };
        let mut all = Vec::new();
        for p in gotags::platform::ports() {
            match BuildContext::for_port(p.goos, p.goarch, cgo, &base.build_tags) {
                Ok(c) => all.push(c),
                Err(e) => return usage_error(e),
            }
        }
        all
    } else {
        vec![base]
    };
    let (cwd, start, module) = match locate(&args.path) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let (dirs, problems) = walk::walk(&module, &start);
    for p in &problems {
        eprintln!("gotags: {}: {}", p.path.display(), p.message);
    }
    // The cache holds one entry per asset file; freeing it at exit costs time and buys nothing.
    let cache = std::mem::ManuallyDrop::new(AssetCache::new());
    let config = match load_config(&args.config, &cwd, &start) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    let mut report = embed_report::collect(&module, &dirs, &contexts, &cache, args.all_platforms);
    let budgets = Budgets {
        total: args.budget.or(config.embed.budget),
        package: args.budget_package.or(config.embed.budget_package),
        file: args.budget_file.or(config.embed.budget_file),
    };
    let mut breached = false;
    if !budgets.is_empty() {
        let outcome = embed_report::evaluate(&report, &budgets);
        breached = !outcome.breaches.is_empty();
        report.budget = Some(outcome);
    }
    // Buffered: the report can be megabytes, and stdout is line-buffered.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        Format::Json => render::embed::write_json(&mut out, &report),
        Format::Text => render::embed::write_text(&mut out, &report),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return usage_error(format!("writing output: {e}"));
        }
    }
    if breached {
        if args.format == Format::Json {
            eprintln!("gotags: embed budget exceeded (see \"budget\" in the report)");
        }
        return ExitCode::from(EXIT_BUDGET);
    }
    ExitCode::SUCCESS
}

fn run_env(args: EnvArgs, selection: &gotags::toolchain::Selection) -> ExitCode {
    let ctx = match build_context(&args.context) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    let goenv = gotags::goenv::GoEnv::load();
    let lookup = |name: &str| -> Option<(String, &'static str)> {
        match std::env::var(name) {
            Ok(v) if !v.is_empty() => Some((v, "environment")),
            _ => goenv
                .lookup(name, &|_| None)
                .filter(|v| !v.is_empty())
                .map(|v| (v, "go env file")),
        }
    };
    let inputs = gotags::envinfo::Inputs {
        lookup: &lookup,
        goos_flag: args.context.goos.is_some(),
        goarch_flag: args.context.goarch.is_some(),
        tags_flag: args.context.tags.is_some(),
        cgo_flag: args.context.cgo.is_some(),
    };
    let report = gotags::envinfo::report(&ctx, selection, &inputs);
    let text = if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(t) => t + "\n",
            Err(e) => return usage_error(format!("encoding JSON: {e}")),
        }
    } else {
        gotags::envinfo::render_text(&report)
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            usage_error(format!("writing output: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
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
