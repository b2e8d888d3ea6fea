//! The `check` command as a library call: resolves configuration (file and flags), walks
//! each path once with whole-file facts, builds the platform list and runs the engine.
//! Returns data; the binary prints it.

use super::diagnostic::{Diagnostic, Severity};
use super::engine::{self, CheckInput, Selection};
use super::rule::RunInput;
use crate::config::Config;
use crate::configs::{tag_sets_of, CgoMode, ConfigSet, TagSet};
use crate::facts::ReadDepth;
use crate::walk;
use std::path::{Path, PathBuf};

/// Command-line settings; `None`/empty means "from gotags.toml, else the default".
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub platforms: Option<String>,
    /// The cgo mode of platforms without `/cgo` or `/nocgo` (`--cgo`).
    pub cgo: Option<CgoMode>,
    pub tags: Option<Vec<String>>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub config: Option<PathBuf>,
    pub goroot: String,
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
        .map(|s| s.trim().to_uppercase())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Runs the whole check. `cwd` shortens file names.
pub fn run(opts: &CheckOptions, cwd: &Path) -> Result<Vec<Diagnostic>, CheckError> {
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
    let cgo = config.matrix.cgo_mode(opts.cgo);
    let given_sets: Option<Vec<Vec<String>>> = match (&opts.tags, &config.matrix.tags) {
        (Some(t), _) => Some(vec![t.clone()]),
        (None, Some(sets)) if !sets.is_empty() => Some(sets.clone()),
        _ => None,
    };
    let tag_sets: Vec<Vec<String>> = given_sets.clone().unwrap_or_else(|| vec![Vec::new()]);
    let sets: Option<Vec<TagSet>> = given_sets.as_deref().map(tag_sets_of);
    // The same specs and the same resolver as `gotags matrix`: grammar errors surface before
    // any walking.
    crate::configs::spec::parse(&spec).map_err(|e| e.to_string())?;
    for code in split_codes(&opts.select)
        .iter()
        .chain(&split_codes(&opts.ignore))
    {
        if code != "ALL"
            && !super::registry::RULES
                .iter()
                .any(|r| r.info.code.starts_with(code.as_str()))
        {
            return Err(format!(
                "unknown rule code {code} (see gotags check --explain)"
            ));
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
    let mut checked: Option<ConfigSet> = None;
    for start in &paths {
        let start = start
            .canonicalize()
            .map_err(|e| format!("{}: {}", start.display(), crate::facts::go_errno_text(&e)))?;
        if !start.is_dir() {
            return Err(format!("{}: not a directory", start.display()));
        }
        let module = walk::find_module(&start)?;
        let gomod = std::fs::read_to_string(module.root.join("go.mod")).unwrap_or_default();
        let reqs = requires(&gomod);
        let configs = crate::matrix::resolve(&module.root, &spec, sets.clone(), cgo)
            .map_err(|e| e.to_string())?;
        let plats = ConfigSet::new(configs).map_err(|e| e.to_string())?;
        let (dirs, problems) = walk::walk_to(&module, &start, ReadDepth::Full);
        if let Some(p) = problems.first() {
            return Err(format!("{}: {}", p.path.display(), p.message));
        }
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
        all.extend(engine::run(&input));
        checked = Some(plats);
    }
    // Run-scope rules (GT208: user tags named like platforms), once per run.
    let tags_source = match (&opts.tags, &config.path) {
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
    Ok(all)
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
