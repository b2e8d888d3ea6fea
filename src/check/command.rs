//! The `check` command as a library call: resolves configuration (file and flags), walks
//! each path once with whole-file facts through a [`Source`], builds the platform list and
//! runs the engine. Returns data, the text of the snippets included; the binary prints it.

use super::diagnostic::{Diagnostic, Severity};
use super::engine::{self, CheckInput, Selection};
use super::platforms::{self, Platform};
use super::rules::gt208;
use crate::config::Config;
use crate::facts::ReadDepth;
use crate::source::{Disk, FileKind, SharedSource, Source, SourceError};
use crate::walk::{self, ModuleError, WalkProblem};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Command-line settings; `None`/empty means "from gotags.toml, else the default".
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub platforms: Option<String>,
    pub tags: Option<Vec<String>>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub config: Option<PathBuf>,
    pub goroot: String,
}

/// A usage or I/O problem (exit status 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// gotags.toml could not be found, read or parsed (the config loader's message).
    Config(String),
    /// A platform spec that does not parse.
    Platforms(String),
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
            CheckError::Config(m) | CheckError::Platforms(m) => f.write_str(m),
            CheckError::UnknownRule { code } => {
                write!(f, "unknown rule code {code} (see gotags check --explain)")
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
}

/// Module paths named by `require` directives of a go.mod text.
pub use crate::walk::requires;

fn split_codes(v: &[String]) -> Vec<String> {
    v.iter()
        .flat_map(|s| s.split(','))
        .map(|s| s.trim().to_uppercase())
        .filter(|s| !s.is_empty())
        .collect()
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
    let tag_sets: Vec<Vec<String>> = match (&opts.tags, &config.matrix.tags) {
        (Some(t), _) => vec![t.clone()],
        (None, Some(sets)) if !sets.is_empty() => sets.clone(),
        _ => vec![Vec::new()],
    };
    let mut plats: Vec<Platform> = Vec::new();
    for tags in &tag_sets {
        for mut p in platforms::parse(&spec, tags).map_err(CheckError::Platforms)? {
            if !tags.is_empty() {
                p.label = format!("{} tags={}", p.label, tags.join(","));
            }
            plats.push(p);
        }
    }
    for code in split_codes(&opts.select)
        .iter()
        .chain(&split_codes(&opts.ignore))
    {
        if code != "ALL"
            && !super::registry::RULES
                .iter()
                .any(|r| r.info.code.starts_with(code.as_str()))
        {
            return Err(CheckError::UnknownRule { code: code.clone() });
        }
    }
    let selection = Selection {
        select: if opts.select.is_empty() {
            split_codes(&config.check.select)
        } else {
            split_codes(&opts.select)
        },
        ignore: split_codes(&config.check.ignore)
            .into_iter()
            .chain(split_codes(&opts.ignore))
            .collect(),
        severity: config.severities(),
    };
    let mut all = Vec::new();
    for start in &paths {
        let start = source
            .canonicalize(start)
            .map_err(|error| CheckError::Path {
                path: start.clone(),
                error,
            })?;
        if !source.stat(&start).is_ok_and(|m| m.kind == FileKind::Dir) {
            return Err(CheckError::NotADirectory { path: start });
        }
        let module = walk::find_module_in(&*source, &start).map_err(CheckError::Module)?;
        let (dirs, problems) = walk::walk_in(&*source, &module, &start, ReadDepth::Full);
        if let Some(p) = problems.into_iter().next() {
            return Err(CheckError::Walk(p));
        }
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
        all.extend(engine::run(&input));
    }
    // GT208: user tags named like platforms, once per run.
    if selection.enabled(gt208::RULE.info.code) {
        let source = match (&opts.tags, &config.path) {
            (None, Some(p)) if config.matrix.tags.is_some() => {
                crate::generate::plan::short_path(p, cwd)
            }
            _ => "<command line>".to_string(),
        };
        let mut seen: Vec<&str> = Vec::new();
        for set in &tag_sets {
            for t in gt208::shadowing(set) {
                if seen.contains(&t) {
                    continue;
                }
                seen.push(t);
                all.push(Diagnostic {
                    code: gt208::RULE.info.code.into(),
                    severity: selection
                        .severity
                        .get(gt208::RULE.info.code)
                        .copied()
                        .unwrap_or(gt208::RULE.info.severity),
                    message: format!(
                        "build tag `{t}` is a platform name: it is set on every platform checked"
                    ),
                    file: source.clone(),
                    line: 1,
                    column: 1,
                    end_line: 1,
                    end_column: 2,
                    help: Some("choose a tag that is not a GOOS/GOARCH name".into()),
                    platforms: Vec::new(),
                });
            }
        }
    }
    let texts = snippet_texts(&*source, &all, cwd);
    Ok(CheckReport {
        diagnostics: all,
        texts,
    })
}

/// The text of every file a finding names, read through `source` once each.
fn snippet_texts(source: &dyn Source, diags: &[Diagnostic], cwd: &Path) -> SourceTexts {
    let mut texts = SourceTexts::new();
    for d in diags {
        if !texts.contains_key(&d.file) {
            // A file that vanished shows no snippet.
            let text = source
                .read(&cwd.join(&d.file))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            texts.insert(d.file.clone(), text);
        }
    }
    texts
}

/// Does any finding make the run fail?
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::requires;

    #[test]
    fn gomod_requires() {
        let m = "module m\n\nrequire example.com/a v1.0.0\nrequire (\n\tgolang.org/x/tools v0.21.0 // indirect\n\t\"example.com/q\" v1\n)\n";
        assert_eq!(
            requires(m),
            vec!["example.com/a", "golang.org/x/tools", "example.com/q"]
        );
    }
}
