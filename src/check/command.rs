//! The `check` command as a library call: resolves configuration (file and flags), walks
//! each path once with whole-file facts, builds the platform list and runs the engine.
//! Returns data; the binary prints it.

use super::diagnostic::{Diagnostic, Severity};
use super::engine::{self, CheckInput, Selection};
use super::platforms::{self, Platform};
use super::rules::gt208;
use crate::config::Config;
use crate::facts::ReadDepth;
use crate::walk;
use std::path::{Path, PathBuf};

/// Command-line settings; `None`/empty means "from gotags.toml, else the default".
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Directories (each checked as `./...`) and files (checked in their package; only
    /// their findings are kept).
    pub paths: Vec<PathBuf>,
    pub platforms: Option<String>,
    /// Tag sets, each checked on every platform (`--tags` is one set).
    pub tags_sets: Option<Vec<Vec<String>>>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Off-by-default rules to run too.
    pub enable: Vec<String>,
    pub config: Option<PathBuf>,
    pub goroot: String,
}

/// What a run found: the findings, and the directories and files that could not be read
/// (reported by the caller; the run went on without them).
#[derive(Clone, Debug, Default)]
pub struct CheckRun {
    pub diagnostics: Vec<Diagnostic>,
    pub problems: Vec<walk::WalkProblem>,
}

/// A usage or I/O problem (exit status 2).
pub type CheckError = String;

/// Module paths named by `require` directives of a go.mod text.
pub fn requires(gomod: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in gomod.lines() {
        let line = line.split("//").next().unwrap_or_default().trim();
        if in_block {
            if line == ")" {
                in_block = false;
            } else if let Some(path) = line.split_whitespace().next() {
                out.push(path.trim_matches('"').to_string());
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("require") {
            let rest = rest.trim();
            if rest == "(" {
                in_block = true;
            } else if let Some(path) = rest.split_whitespace().next() {
                out.push(path.trim_matches('"').to_string());
            }
        }
    }
    out
}

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
fn targets(paths: &[PathBuf]) -> Result<Vec<Target>, CheckError> {
    let mut out: Vec<Target> = Vec::new();
    for p in paths {
        let abs = p
            .canonicalize()
            .map_err(|e| format!("{}: {}", p.display(), crate::facts::go_errno_text(&e)))?;
        if abs.is_dir() {
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

/// Runs the whole check. `cwd` shortens file names.
pub fn run(opts: &CheckOptions, cwd: &Path) -> Result<CheckRun, CheckError> {
    let paths: Vec<PathBuf> = if opts.paths.is_empty() {
        vec![cwd.to_path_buf()]
    } else {
        opts.paths.iter().map(|p| cwd.join(p)).collect()
    };
    let config = match &opts.config {
        Some(f) => Config::load(&cwd.join(f))?,
        None => Config::discover(&paths[0])?.unwrap_or_default(),
    };
    let spec = opts
        .platforms
        .clone()
        .or_else(|| config.matrix.platforms.as_ref().map(|p| p.as_arg()))
        .unwrap_or_else(|| "all".into());
    let tag_sets: Vec<Vec<String>> = match (&opts.tags_sets, &config.matrix.tags) {
        (Some(t), _) if !t.is_empty() => t.clone(),
        (None, Some(sets)) if !sets.is_empty() => sets.clone(),
        _ => vec![Vec::new()],
    };
    let mut plats: Vec<Platform> = Vec::new();
    for tags in &tag_sets {
        for mut p in platforms::parse(&spec, tags)? {
            if !tags.is_empty() {
                p.label = format!("{} tags={}", p.label, tags.join(","));
            }
            plats.push(p);
        }
    }
    for code in split_codes(&opts.select)
        .iter()
        .chain(&split_codes(&opts.ignore))
        .chain(&split_codes(&opts.enable))
    {
        if code != "ALL"
            && !super::registry::RULES
                .iter()
                .any(|r| r.info.code.starts_with(code.as_str()))
        {
            return Err(format!("unknown rule {code} (see gotags check --explain)"));
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
        enable: split_codes(&config.check.enable)
            .into_iter()
            .chain(split_codes(&opts.enable))
            .collect(),
        severity: config.severities(),
    };
    let mut all = Vec::new();
    let mut problems = Vec::new();
    for (start, files) in targets(&paths)? {
        let module = walk::find_module(&start)?;
        let gomod = std::fs::read_to_string(module.root.join("go.mod")).unwrap_or_default();
        let reqs = requires(&gomod);
        let (dirs, found) = walk::walk_to(&module, &start, ReadDepth::Full);
        problems.extend(found);
        let input = CheckInput {
            module: &module,
            dirs: &dirs,
            platforms: &plats,
            requires: &reqs,
            cwd,
            goroot: opts.goroot.clone(),
            selection: &selection,
            embed_max_file_size: config.embed.max_file_size,
        };
        let found = engine::run(&input);
        match &files {
            None => all.extend(found),
            Some(files) => all.extend(found.into_iter().filter(|d| {
                let shown = cwd.join(&d.file);
                files
                    .iter()
                    .any(|f| shown == *f || shown.canonicalize().is_ok_and(|c| c == *f))
            })),
        }
    }
    // GT208: user tags named like platforms, once per run.
    if selection.enabled(gt208::RULE.info.code) {
        let source = match (&opts.tags_sets, &config.path) {
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
    Ok(CheckRun {
        diagnostics: all,
        problems,
    })
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
