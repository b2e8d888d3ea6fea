//! The `check` command as a library call: resolves configuration (file and flags), walks
//! each path once with whole-file facts through a [`Source`], builds the platform list and
//! runs the engine. Returns data, the text of the snippets included; the binary prints it.

use super::baseline::CheckedModule;
use super::diagnostic::{Diagnostic, Severity};
use super::engine::{self, CheckInput, Selection};
use super::rule::RunInput;
use crate::config::Config;
use crate::configs::{tag_sets_of, CgoMode, ConfigSet, TagSet};
use crate::facts::ReadDepth;
use crate::go::lines::LineIndex;
use crate::matrix::MatrixError;
use crate::packages::ModuleSet;
use crate::source::{Disk, FileKind, SharedSource, Source, SourceError};
use crate::walk::{self, ModuleError, WalkProblem};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Command-line settings; `None`/empty means "from gotags.toml, else the default".
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Directories (each checked as `./...`) and files (checked in their package; only
    /// their findings are kept).
    pub paths: Vec<PathBuf>,
    pub platforms: Option<String>,
    /// The cgo mode of platforms without `/cgo` or `/nocgo` (`--cgo`).
    pub cgo: Option<CgoMode>,
    /// Tag sets, each checked on every platform (`--tags` is one set).
    pub tags_sets: Option<Vec<Vec<String>>>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Off-by-default rules to run too.
    pub enable: Vec<String>,
    pub config: Option<PathBuf>,
    pub goroot: String,
    /// Packages already chosen (by the package-pattern resolver), checked instead of
    /// walking `paths` (which then only locates gotags.toml).
    pub packages: Option<Vec<PackageTarget>>,
    /// Name each finding's module ([`Diagnostic::module`]) and list the modules in the
    /// report: a run over several modules.
    pub per_module: bool,
    /// The Go releases to evaluate, each one more dimension of the configurations
    /// (`--go 1.22,1.27`; `None`: gotags.toml `[matrix] go`, else the selected release). A
    /// list also stands for the releases the module supports (GT209, GT505).
    pub releases: Option<Vec<String>>,
}

/// One module's packages to check, and the files to keep findings of (`None`: all).
#[derive(Clone, Debug)]
pub struct PackageTarget {
    pub set: ModuleSet,
    pub files: Option<Vec<PathBuf>>,
}

/// A usage or I/O problem (exit status 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// gotags.toml could not be found, read or parsed.
    Config(crate::config::ConfigFileError),
    /// A platform spec that does not parse, or selects no configuration Go accepts.
    Platforms(MatrixError),
    /// `--select`/`--ignore` names no rule.
    UnknownRule { code: String },
    /// A path argument that cannot be resolved.
    Path { path: PathBuf, error: SourceError },
    /// A path argument that is not a directory.
    NotADirectory { path: PathBuf },
    /// No module around a path argument.
    Module(ModuleError),
    /// The walk could not read part of the tree.
    Walk(WalkProblem),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Config(e) => write!(f, "{e}"),
            CheckError::Platforms(e) => e.fmt(f),
            CheckError::UnknownRule { code } => {
                write!(f, "unknown rule {code} (see gotags check --explain)")
            }
            CheckError::Path { path, error } => write!(f, "{}: {}", path.display(), error.text),
            CheckError::NotADirectory { path } => write!(f, "{}: not a directory", path.display()),
            CheckError::Module(e) => e.fmt(f),
            CheckError::Walk(p) => write!(f, "{}: {}", p.path.display(), p.message),
        }
    }
}

impl std::error::Error for CheckError {}

/// The text of each file a finding names, keyed by the finding's `file` ("" when it cannot
/// be read): what the `full` format shows snippets from.
pub type SourceTexts = BTreeMap<String, String>;

/// What a check run found.
#[derive(Clone, Debug, Default)]
pub struct CheckReport {
    pub diagnostics: Vec<Diagnostic>,
    pub texts: SourceTexts,
    /// Directories and files that could not be read (the run went on without them).
    pub problems: Vec<WalkProblem>,
    /// The modules checked, in first-checked order (fingerprints and SARIF runs use them).
    pub modules: Vec<CheckedModule>,
}

/// Module paths named by `require` directives of a go.mod text.
pub use crate::walk::requires;

fn split_codes(v: &[String]) -> Vec<String> {
    v.iter()
        .flat_map(|s| s.split(','))
        .filter(|s| !s.trim().is_empty())
        .map(super::registry::code_prefix)
        .collect()
}

/// A start directory, and the files to keep findings of (`None`: all of them).
type Target = (PathBuf, Option<Vec<PathBuf>>);

/// A path argument: a directory walked as `./...`, or files grouped under their directory.
fn targets(source: &dyn Source, paths: &[PathBuf]) -> Result<Vec<Target>, CheckError> {
    let mut out: Vec<Target> = Vec::new();
    for p in paths {
        let abs = source.canonicalize(p).map_err(|error| CheckError::Path {
            path: p.clone(),
            error,
        })?;
        if source.stat(&abs).is_ok_and(|m| m.kind == FileKind::Dir) {
            out.push((abs, None));
            continue;
        }
        let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        match out.iter_mut().find(|(d, f)| *d == dir && f.is_some()) {
            Some((_, Some(files))) => files.push(abs),
            _ => out.push((dir, Some(vec![abs]))),
        }
    }
    Ok(out)
}

/// Runs the whole check on the disk. `cwd` shortens file names.
pub fn run(opts: &CheckOptions, cwd: &Path) -> Result<CheckReport, CheckError> {
    run_in(Disk::shared(), opts, cwd)
}

/// Runs the whole check with every file read through `source` (gotags.toml aside).
pub fn run_in(
    source: SharedSource,
    opts: &CheckOptions,
    cwd: &Path,
) -> Result<CheckReport, CheckError> {
    let paths: Vec<PathBuf> = if opts.paths.is_empty() {
        vec![cwd.to_path_buf()]
    } else {
        opts.paths.iter().map(|p| cwd.join(p)).collect()
    };
    let config = match &opts.config {
        Some(f) => Config::load(&cwd.join(f)).map_err(CheckError::Config)?,
        None => Config::discover(&paths[0])
            .map_err(CheckError::Config)?
            .unwrap_or_default(),
    };
    let spec = opts
        .platforms
        .clone()
        .or_else(|| config.matrix.platforms.as_ref().map(|p| p.as_arg()))
        .unwrap_or_else(|| "all".into());
    let cgo = config.matrix.cgo_mode(opts.cgo);
    let releases: Vec<String> = opts
        .releases
        .clone()
        .or_else(|| config.matrix.go.clone())
        .unwrap_or_default();
    let given_sets: Option<Vec<Vec<String>>> = match (&opts.tags_sets, &config.matrix.tags) {
        (Some(t), _) if !t.is_empty() => Some(t.clone()),
        (None, Some(sets)) if !sets.is_empty() => Some(sets.clone()),
        _ => None,
    };
    let tag_sets: Vec<Vec<String>> = given_sets.clone().unwrap_or_else(|| vec![Vec::new()]);
    let sets: Option<Vec<TagSet>> = given_sets.as_deref().map(tag_sets_of);
    // The same specs and the same resolver as `gotags matrix`: grammar errors surface before
    // any walking.
    crate::configs::spec::parse(&spec).map_err(|e| CheckError::Platforms(MatrixError::Spec(e)))?;
    for code in [&opts.select, &opts.ignore, &opts.enable]
        .map(|v| split_codes(v))
        .concat()
    {
        if code != "ALL"
            && !super::registry::RULES
                .iter()
                .any(|r| r.info.code.starts_with(code.as_str()))
        {
            return Err(CheckError::UnknownRule { code });
        }
    }
    let selection = Selection {
        select: if opts.select.is_empty() {
            split_codes(&config.check.select)
        } else {
            split_codes(&opts.select)
        },
        ignore: split_codes(&[&config.check.ignore[..], &opts.ignore].concat()),
        enable: split_codes(&[&config.check.enable[..], &opts.enable].concat()),
        severity: config.severities(),
    };
    let mut all = Vec::new();
    let mut checked: Option<ConfigSet> = None;
    let mut problems = Vec::new();
    let mut modules: Vec<CheckedModule> = Vec::new();
    let jobs: Vec<Job> = match &opts.packages {
        Some(given) => given.iter().map(Job::Given).collect(),
        None => targets(&*source, &paths)?
            .into_iter()
            .map(Job::Walk)
            .collect(),
    };
    for job in jobs {
        let (module, dirs, files, go) = match job {
            Job::Walk((start, files)) => {
                let module = walk::find_module_in(&*source, &start).map_err(CheckError::Module)?;
                let (dirs, found) = walk::walk_in(&*source, &module, &start, ReadDepth::Full);
                problems.extend(found);
                (Cow::Owned(module), Cow::Owned(dirs), files, None)
            }
            Job::Given(t) => (
                Cow::Borrowed(&*t.set.module),
                Cow::Borrowed(t.set.dirs.as_slice()),
                t.files.clone(),
                t.set.go.clone(),
            ),
        };
        if !modules.iter().any(|m| m.root == module.root) {
            modules.push(CheckedModule {
                path: module.path.clone(),
                root: module.root.clone(),
                go: go.clone(),
            });
        }
        let configs = crate::matrix::resolve_releases_in(
            &*source,
            &module.root,
            &spec,
            sets.clone(),
            cgo,
            &releases,
        )
        .map_err(CheckError::Platforms)?;
        let plats =
            ConfigSet::new(configs).map_err(|e| CheckError::Platforms(MatrixError::Config(e)))?;
        let input = CheckInput {
            module: &module,
            dirs: &dirs,
            platforms: &plats,
            requires: &module.requires,
            cwd,
            goroot: opts.goroot.clone(),
            selection: &selection,
            embed_max_file_size: config.embed.max_file_size,
            source: source.clone(),
        };
        let mut found = engine::run(&input);
        if opts.per_module {
            for d in &mut found {
                d.module = Some(module.path.clone());
            }
        }
        match &files {
            None => all.extend(found),
            Some(files) => all.extend(found.into_iter().filter(|d| {
                let shown = cwd.join(&d.file);
                files
                    .iter()
                    .any(|f| shown == *f || source.canonicalize(&shown).is_ok_and(|c| c == *f))
            })),
        }
        checked = Some(plats);
    }
    // Run-scope rules (GT208: user tags named like platforms), once per run.
    let tags_source = match (&opts.tags_sets, &config.path) {
        (None, Some(p)) if config.matrix.tags.is_some() => {
            crate::generate::plan::short_path(p, cwd)
        }
        _ => "<command line>".to_string(),
    };
    if let Some(platforms) = &checked {
        let run = RunInput {
            platforms,
            tag_sets: &tag_sets,
            tags_source: &tags_source,
        };
        all.extend(engine::run_config(&run, &selection));
    }
    let texts = snippet_texts(&*source, &mut all, cwd);
    Ok(CheckReport {
        diagnostics: all,
        texts,
        problems,
        modules,
    })
}

/// One unit of a check run: a path to walk as `./...`, or packages already chosen.
enum Job<'a> {
    Walk(Target),
    Given(&'a PackageTarget),
}

/// The text of every file a finding names, read through `source` once each, as far as
/// the findings' last line ([`snippet_text`]); the findings' byte offsets and UTF-16
/// columns are taken from the same bytes.
fn snippet_texts(source: &dyn Source, diags: &mut [Diagnostic], cwd: &Path) -> SourceTexts {
    let mut by_file: BTreeMap<String, (u32, Vec<usize>)> = BTreeMap::new();
    for (i, d) in diags.iter().enumerate() {
        let (last, at) = by_file.entry(d.file.clone()).or_default();
        *last = (*last).max(d.end_line).max(d.line);
        at.push(i);
    }
    let mut texts = SourceTexts::new();
    for (file, (line, at)) in by_file {
        let bytes = snippet_text(source, &cwd.join(&file), line);
        let index = LineIndex::new(&bytes);
        for i in at {
            diags[i].locate(&bytes, &index);
        }
        texts.insert(file, String::from_utf8_lossy(&bytes).into_owned());
    }
    texts
}

/// A snippet never reads more than this much of a file.
const SNIPPET_LIMIT: usize = 4 << 20;
/// Nor more than this much of one line (a minified or NUL-filled line is cut).
const SNIPPET_LINE_LIMIT: usize = 4096;

/// The first `lines` lines of `path` (empty when it cannot be read), cut at
/// [`SNIPPET_LIMIT`] bytes and at a line longer than [`SNIPPET_LINE_LIMIT`]: enough to show
/// every finding in it, without reading a sparse 1 GiB file whole for a finding on line 1.
/// Positions past the cut are clamped by the renderer.
fn snippet_text(source: &dyn Source, path: &Path, lines: u32) -> Vec<u8> {
    use std::io::Read;
    let Ok(mut reader) = source.open(path) else {
        // A file that vanished (or is not a regular file) shows no snippet.
        return Vec::new();
    };
    let mut buf: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 64 * 1024];
    let mut newlines = 0u32;
    let mut line_start = 0usize;
    'read: while buf.len() < SNIPPET_LIMIT {
        let n = match reader.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        for &b in &chunk[..n] {
            buf.push(b);
            if b == b'\n' {
                newlines += 1;
                line_start = buf.len();
                if newlines >= lines {
                    break 'read;
                }
            } else if buf.len() - line_start > SNIPPET_LINE_LIMIT {
                break 'read;
            }
        }
    }
    buf.truncate(SNIPPET_LIMIT);
    buf
}

/// Does any finding make the run fail?
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::{requires, snippet_text, SNIPPET_LINE_LIMIT};
    use crate::source::{Disk, Overlay};

    /// Regression (hostile trees): a finding in a sparse 1 GiB file made `check` read it
    /// whole for the snippet (2–3 GiB peak). The snippet stops after the finding's line,
    /// and a line is cut at the line limit.
    #[test]
    fn snippets_read_only_as_far_as_the_findings() {
        let mut o = Overlay::new(Disk);
        let mut big = b"package p\n\n// line three\n".to_vec();
        big.resize(8 << 20, 0);
        o.set("/virtual/big.go", big);
        assert_eq!(
            snippet_text(&o, "/virtual/big.go".as_ref(), 1),
            b"package p\n"
        );
        assert_eq!(
            snippet_text(&o, "/virtual/big.go".as_ref(), 3),
            b"package p\n\n// line three\n"
        );
        let cut = snippet_text(&o, "/virtual/big.go".as_ref(), 4);
        assert!(cut.starts_with(b"package p\n\n// line three\n"));
        assert!(cut.len() <= 26 + SNIPPET_LINE_LIMIT + 1, "{}", cut.len());
        assert_eq!(snippet_text(&o, "/virtual/missing.go".as_ref(), 1), b"");
    }

    #[test]
    fn gomod_requires() {
        let m = "module m\n\nrequire example.com/a v1.0.0\nrequire (\n\tgolang.org/x/tools v0.21.0 // indirect\n\t\"example.com/q\" v1\n)\n";
        assert_eq!(
            requires(m),
            vec!["example.com/a", "golang.org/x/tools", "example.com/q"]
        );
    }
}
