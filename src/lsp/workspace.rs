//! The analysis state of one workspace: the module's walked facts (read from the disk once,
//! at start), with the facts of open buffers swapped in from their bytes; the configured
//! platforms and rule selection; and the check findings per directory. A buffer change
//! re-derives that one file's facts and re-evaluates only its package (with the packages it
//! imports, for GT502), and the importers when the package's presence per platform changed.

use super::explain::{compiles, platforms_of, Platform};
use super::settings::Settings;
use crate::check::engine::{self, CheckInput, Selection};
use crate::check::Diagnostic;
use crate::config::Config;
use crate::configs::{tag_sets_of, ConfigSet};
use crate::facts::{FileFacts, HeaderOutcome, ReadDepth};
use crate::source::{Disk, Overlay};
use crate::walk::{self, DirFacts, Module};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Why the workspace could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    Module(crate::walk::ModuleError),
    Config(crate::config::ConfigFileError),
    Platforms(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Module(m) => write!(f, "no Go module: {m}"),
            LoadError::Config(m) => write!(f, "gotags.toml: {m}"),
            LoadError::Platforms(m) => write!(f, "platforms: {m}"),
        }
    }
}

/// The configurations and rules a workspace is checked with.
pub struct Plan {
    pub set: ConfigSet,
    /// The same configurations with their contexts, for hovers and lenses.
    pub platforms: Vec<Platform>,
    pub selection: Selection,
    pub embed_max_file_size: Option<u64>,
}

/// Resolves gotags.toml and the client's settings (settings win) into a plan, as
/// `gotags check` resolves its configurations.
pub fn plan(config: &Config, settings: &Settings, root: &Path) -> Result<Plan, LoadError> {
    let spec = settings
        .platforms
        .clone()
        .or_else(|| config.matrix.platforms.as_ref().map(|p| p.as_arg()))
        .unwrap_or_else(|| "all".into());
    let given: Option<Vec<Vec<String>>> = match (&settings.tags, &config.matrix.tags) {
        (Some(t), _) if !t.is_empty() => Some(t.clone()),
        (_, Some(sets)) if !sets.is_empty() => Some(sets.clone()),
        _ => None,
    };
    let sets = given.as_deref().map(tag_sets_of);
    let cgo = config.matrix.cgo_mode(None);
    let configs = crate::matrix::resolve_in(&Disk, root, &spec, sets, cgo)
        .map_err(|e| LoadError::Platforms(format!("{e:?}")))?;
    let set = ConfigSet::new(configs).map_err(|e| LoadError::Platforms(format!("{e:?}")))?;
    let up = |v: &[String]| -> Vec<String> {
        v.iter()
            .flat_map(|s| s.split(','))
            .map(|s| s.trim().to_uppercase())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let select = if settings.select.is_empty() {
        up(&config.check.select)
    } else {
        up(&settings.select)
    };
    let ignore = up(&config.check.ignore)
        .into_iter()
        .chain(up(&settings.ignore))
        .collect();
    Ok(Plan {
        platforms: platforms_of(&set),
        set,
        selection: Selection {
            select,
            ignore,
            enable: up(&config.check.enable),
            severity: config.severities(),
        },
        embed_max_file_size: config.embed.max_file_size,
    })
}

/// One module's facts and findings.
pub struct Workspace {
    pub module: Module,
    pub dirs: Vec<DirFacts>,
    by_dir: HashMap<PathBuf, usize>,
    by_import: HashMap<String, usize>,
    pub plan: Plan,
    requires: Vec<String>,
    pub goroot: String,
    /// The open buffers, which the analysis reads through an [`Overlay`] on the disk.
    buffers: std::collections::BTreeMap<PathBuf, std::sync::Arc<[u8]>>,
    /// Findings per directory (files relative to the module root).
    pub diags: Vec<Vec<Diagnostic>>,
}

impl Workspace {
    /// Walks the module around `root` once, with whole-file facts.
    pub fn load(root: &Path, settings: &Settings, goroot: String) -> Result<Workspace, LoadError> {
        let module = walk::find_module(root).map_err(LoadError::Module)?;
        let config = Config::discover(&module.root)
            .map_err(LoadError::Config)?
            .unwrap_or_default();
        let plan = plan(&config, settings, &module.root)?;
        let requires = module.requires.clone();
        let (dirs, _problems) = walk::walk_to(&module, &module.root, ReadDepth::Full);
        let by_dir = dirs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.dir.clone(), i))
            .collect();
        let by_import = dirs
            .iter()
            .enumerate()
            .map(|(i, d)| (module.import_path(&d.rel), i))
            .collect();
        let n = dirs.len();
        Ok(Workspace {
            module,
            dirs,
            by_dir,
            by_import,
            plan,
            requires,
            goroot,
            buffers: Default::default(),
            diags: vec![Vec::new(); n],
        })
    }

    /// The directory index and file name of a path the walk knows the directory of.
    pub fn locate(&self, path: &Path) -> Option<(usize, String)> {
        let dir = self.by_dir.get(path.parent()?)?;
        Some((*dir, path.file_name()?.to_str()?.to_string()))
    }

    /// The facts of a file, if the walk has them.
    pub fn file(&self, path: &Path) -> Option<(&DirFacts, &FileFacts)> {
        let (di, name) = self.locate(path)?;
        let d = &self.dirs[di];
        Some((d, d.files.iter().find(|f| f.name == name)?))
    }

    /// Replaces (or adds, or with `None` removes) one file's facts; returns its directory.
    pub fn set_facts(&mut self, path: &Path, facts: Option<FileFacts>) -> Option<usize> {
        let (di, name) = self.locate(path)?;
        let files = &mut self.dirs[di].files;
        let at = files.binary_search_by(|f| f.name.as_str().cmp(&name));
        match (at, facts) {
            (Ok(i), Some(f)) => files[i] = f,
            (Err(i), Some(f)) => files.insert(i, f),
            (Ok(i), None) => {
                files.remove(i);
            }
            (Err(_), None) => {}
        }
        Some(di)
    }

    /// Swaps in the facts of an editor buffer (derived from its bytes alone).
    pub fn set_buffer(&mut self, path: &Path, text: &[u8]) -> Option<usize> {
        let (_, name) = self.locate(path)?;
        if !is_source_name(&name) {
            return None;
        }
        self.buffers.insert(path.to_path_buf(), text.into());
        let facts = FileFacts::from_bytes(path, &name, text, false, ReadDepth::Full);
        self.set_facts(path, Some(facts))
    }

    /// Re-reads one file from the disk (a closed buffer, a watched-file event).
    pub fn reread(&mut self, path: &Path) -> Option<usize> {
        self.buffers.remove(path);
        let (_, name) = self.locate(path)?;
        if !is_source_name(&name) {
            return None;
        }
        let facts = path
            .is_file()
            .then(|| FileFacts::read_to(path, &name, false, ReadDepth::Full));
        self.set_facts(path, facts)
    }

    fn input<'a>(&'a self, dirs: &'a [DirFacts]) -> CheckInput<'a> {
        let mut overlay = Overlay::new(Disk);
        for (p, b) in &self.buffers {
            overlay.set(p.clone(), b.clone());
        }
        CheckInput {
            source: std::sync::Arc::new(overlay),
            module: &self.module,
            dirs,
            platforms: &self.plan.set,
            requires: &self.requires,
            cwd: &self.module.root,
            goroot: self.goroot.clone(),
            selection: &self.plan.selection,
            embed_max_file_size: self.plan.embed_max_file_size,
        }
    }

    /// Checks every directory.
    pub fn analyse_all(&mut self) {
        let all = engine::run(&self.input(&self.dirs));
        let mut per: Vec<Vec<Diagnostic>> = vec![Vec::new(); self.dirs.len()];
        for d in all {
            let full = self.module.root.join(&d.file);
            if let Some(di) = full.parent().and_then(|p| self.by_dir.get(p)) {
                per[*di].push(d);
            }
        }
        self.diags = per;
    }

    /// Module directories the files of `di` import.
    fn imports_of(&self, di: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.dirs[di]
            .files
            .iter()
            .filter_map(|f| match &f.header {
                HeaderOutcome::Read(h) => Some(&h.imports),
                _ => None,
            })
            .flatten()
            .filter_map(|i| self.by_import.get(&i.path).copied())
            .filter(|j| *j != di)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Per platform: does the package of `di` have a Go file there (what importers see)?
    fn presence(&self, di: usize) -> Vec<bool> {
        self.plan
            .platforms
            .iter()
            .map(|p| {
                self.dirs[di]
                    .files
                    .iter()
                    .any(|f| f.is_go() && !f.is_test() && compiles(f, &p.ctx))
            })
            .collect()
    }

    /// Is the package of `j` certainly non-empty on every configuration? True when its Go
    /// files all read cleanly under one package name and one non-test file has no
    /// constraint at all (no name suffix, no build line, no cgo): that file is in GoFiles
    /// everywhere. Such a package cannot be an empty import (GT502), so an importer's
    /// re-check need not evaluate it.
    fn never_empty(&self, j: usize) -> bool {
        let d = &self.dirs[j];
        if d.rel.contains('@') || (self.module.path == "std" && d.rel == "builtin") {
            return false;
        }
        let mut name: Option<&str> = None;
        let mut unconstrained = false;
        for f in d.files.iter().filter(|f| f.is_go()) {
            let HeaderOutcome::Read(h) = &f.header else {
                return false;
            };
            if h.parse_error.is_some() {
                return false;
            }
            if h.package_name == "documentation" {
                continue;
            }
            let own = match h.package_name.strip_suffix("_test") {
                Some(base) if f.is_test() => base,
                _ => h.package_name.as_str(),
            };
            if name.is_some_and(|n| n != own) {
                return false;
            }
            name = Some(own);
            unconstrained |= !f.is_test()
                && f.name_constraint == crate::filename::NameConstraint::None
                && h.go_build.is_none()
                && h.plus_build.is_empty()
                && !h.imports_c();
        }
        unconstrained
    }

    /// Re-checks one directory, with the packages it imports that could be empty somewhere
    /// as context (the rest cannot change its findings).
    pub fn analyse_one(&mut self, di: usize) {
        let imports: Vec<usize> = self
            .imports_of(di)
            .into_iter()
            .filter(|&j| !self.never_empty(j))
            .collect();
        let own = self.dirs[di].dir.clone();
        // The directory itself is moved into the run's input and back, not copied.
        let placeholder = DirFacts {
            dir: own.clone(),
            rel: String::new(),
            files: Vec::new(),
            irregular: false,
            hidden: Vec::new(),
        };
        let mut subset = vec![std::mem::replace(&mut self.dirs[di], placeholder)];
        subset.extend(imports.into_iter().map(|j| self.dirs[j].clone()));
        let found = engine::run(&self.input(&subset));
        if let Some(back) = subset.into_iter().next() {
            self.dirs[di] = back;
        }
        self.diags[di] = found
            .into_iter()
            .filter(|d| self.module.root.join(&d.file).parent() == Some(own.as_path()))
            .collect();
    }

    /// Re-checks directory `di` after one of its files changed (`before`: its presence per
    /// platform before the change); returns the directories whose findings can change
    /// with it and must be re-checked next (its importers, when its presence changed).
    pub fn analyse_changed(&mut self, di: usize, before: &[bool]) -> Vec<usize> {
        self.analyse_one(di);
        if self.presence(di) == before {
            return Vec::new();
        }
        let path = self.module.import_path(&self.dirs[di].rel);
        (0..self.dirs.len())
            .filter(|&j| j != di)
            .filter(|&j| {
                self.dirs[j].files.iter().any(|f| match &f.header {
                    HeaderOutcome::Read(h) => h.imports.iter().any(|i| i.path == path),
                    _ => false,
                })
            })
            .collect()
    }

    /// The presence vector of a directory (call before changing it).
    pub fn presence_of(&self, di: usize) -> Vec<bool> {
        self.presence(di)
    }

    /// Findings of one file.
    pub fn diags_of(&self, path: &Path) -> Vec<&Diagnostic> {
        let Some((di, _)) = self.locate(path) else {
            return Vec::new();
        };
        self.diags[di]
            .iter()
            .filter(|d| self.module.root.join(&d.file) == path)
            .collect()
    }
}

/// Names go/build considers (the walk's filter): a source extension, no `_`/`.` prefix.
fn is_source_name(name: &str) -> bool {
    !crate::filename::is_hidden(name)
        && crate::platform::is_source_ext(crate::filename::extension(name))
}

#[cfg(test)]
mod tests {
    use super::Workspace;
    use crate::lsp::settings::Settings;
    use std::path::Path;

    /// A directory re-checked on its own (with only the imports that can be empty) finds
    /// exactly what the whole-module run finds for it.
    #[test]
    fn one_directory_matches_the_whole_run() {
        // GOTAGS_EQUIV_ROOT adds a tree of one's own (a copy of GOROOT/src, say).
        let extra = std::env::var("GOTAGS_EQUIV_ROOT").ok();
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let roots = ["corpus/mistakes", "corpus/gaps"].map(|m| here.join(m));
        for root in roots.iter().cloned().chain(extra.map(Into::into)) {
            let module = root.display().to_string();
            let mut ws = match Workspace::load(&root, &Settings::default(), String::new()) {
                Ok(ws) => ws,
                Err(e) => panic!("{module}: {e}"),
            };
            ws.analyse_all();
            let whole = ws.diags.clone();
            assert!(whole.iter().any(|d| !d.is_empty()), "{module}: no findings");
            for (di, expected) in whole.iter().enumerate() {
                ws.analyse_one(di);
                assert_eq!(&ws.diags[di], expected, "{module}: {}", ws.dirs[di].rel);
            }
        }
    }
}
