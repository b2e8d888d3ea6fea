//! The analysis state of one workspace: the module's walked facts (read from the disk once,
//! at start), with the facts of open buffers swapped in from their bytes; the configured
//! platforms and rule selection; and the check findings per directory. A buffer change
//! re-derives that one file's facts and re-evaluates only its package (with the packages it
//! imports, for GT502), and the importers when the package's presence per platform changed.

use super::settings::Settings;
use crate::check::engine::{self, CheckInput, Selection};
use crate::check::Diagnostic;
use crate::config::Config;
use crate::configs::{eval, tag_sets_of, Bits, ConfigSet, Evaluator, FileBits};
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
    /// The platforms, tag sets or cgo setting do not make a configuration set.
    Platforms(crate::matrix::MatrixError),
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
    /// The configurations with their contexts and labels (for hovers and lenses too).
    pub set: ConfigSet,
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
    let configs =
        crate::matrix::resolve_in(&Disk, root, &spec, sets, cgo).map_err(LoadError::Platforms)?;
    let set = ConfigSet::new(configs).map_err(|e| LoadError::Platforms(e.into()))?;
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
    pub goroot: String,
    /// The open buffers, which the analysis reads through an [`Overlay`] on the disk.
    buffers: std::collections::BTreeMap<PathBuf, std::sync::Arc<[u8]>>,
    /// Findings per directory (files relative to the module root).
    pub diags: Vec<Vec<Diagnostic>>,
    /// Per directory, memoised until one of its files changes: its presence per
    /// configuration and whether it is [`Workspace::never_empty`].
    memo: Vec<DirMemo>,
}

/// What a directory's facts imply, kept until they change.
#[derive(Clone, Default)]
struct DirMemo {
    presence: Option<Vec<bool>>,
    never_empty: Option<bool>,
}

impl Workspace {
    /// Walks the module around `root` once, with whole-file facts.
    pub fn load(root: &Path, settings: &Settings, goroot: String) -> Result<Workspace, LoadError> {
        let mut module = walk::find_module(root).map_err(LoadError::Module)?;
        // cmd/go's build mode from the module's own vendor directory and go line.
        module.mode =
            crate::list::build_mode::gather(&Disk, &module.root, module.go.as_deref(), false, None);
        let config = Config::discover(&module.root)
            .map_err(LoadError::Config)?
            .unwrap_or_default();
        let plan = plan(&config, settings, &module.root)?;
        let (dirs, _problems) = walk::walk_in(&Disk, &module, &module.root, ReadDepth::Full);
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
            goroot,
            buffers: Default::default(),
            diags: vec![Vec::new(); n],
            memo: vec![DirMemo::default(); n],
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
        if let Some(m) = self.memo.get_mut(di) {
            *m = DirMemo::default();
        }
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
            requires: &self.module.requires,
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

    /// Where each file of `d` compiles, over the plan's configurations (one bitset
    /// evaluation per file).
    fn compile_bits(&self, d: &DirFacts) -> Vec<Bits> {
        let ev = Evaluator::new(&self.plan.set);
        d.files
            .iter()
            .map(|f| eval::compiles(f, &FileBits::of(f, &ev.oracle), &ev.cgo))
            .collect()
    }

    /// Per platform: does the package of `di` have a Go file there (what importers see)?
    /// Call it before changing the directory, for [`Workspace::analyse_changed`].
    pub fn presence_of(&mut self, di: usize) -> Vec<bool> {
        if let Some(p) = self.memo.get(di).and_then(|m| m.presence.clone()) {
            return p;
        }
        let mut on = Bits::empty(self.plan.set.len());
        let d = &self.dirs[di];
        for (f, bits) in d.files.iter().zip(self.compile_bits(d)) {
            if f.is_go() && !f.is_test() {
                on.union_with(&bits);
            }
        }
        let p = on.to_bools();
        if let Some(m) = self.memo.get_mut(di) {
            m.presence = Some(p.clone());
        }
        p
    }

    /// Is the package of `j` certainly non-empty on every configuration? True when its Go
    /// files all read cleanly under one package name and one non-test file has no
    /// constraint at all (no name suffix, no build line, no cgo): that file is in GoFiles
    /// everywhere. Such a package cannot be an empty import (GT502), so an importer's
    /// re-check need not evaluate it. Files whose well-formed constraints hold on none of
    /// the configurations (a `//go:build ignore` generator in `package main`, say) are
    /// left out: go/build drops them before it compares package names.
    fn never_empty(&mut self, j: usize) -> bool {
        if let Some(known) = self.memo.get(j).and_then(|m| m.never_empty) {
            return known;
        }
        let answer = self.never_empty_of(&self.dirs[j]);
        if let Some(m) = self.memo.get_mut(j) {
            m.never_empty = Some(answer);
        }
        answer
    }

    fn never_empty_of(&self, d: &DirFacts) -> bool {
        if d.rel.contains('@') || (self.module.path == "std" && d.rel == "builtin") {
            return false;
        }
        let mut name: Option<&str> = None;
        let mut unconstrained = false;
        let compiled = self.compile_bits(d);
        for (f, on) in d.files.iter().zip(&compiled).filter(|(f, _)| f.is_go()) {
            let HeaderOutcome::Read(h) = &f.header else {
                return false;
            };
            if h.parse_error.is_some() {
                return false;
            }
            let well_formed = h
                .go_build
                .as_deref()
                .into_iter()
                .chain(&h.plus_build)
                .all(|c| c.expr.is_ok());
            if well_formed && on.is_empty() {
                continue;
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
        if self.presence_of(di) == before {
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
    use std::path::{Path, PathBuf};

    fn mistakes() -> (PathBuf, Workspace) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/mistakes");
        match Workspace::load(&root, &Settings::default(), String::new()) {
            Ok(ws) => (root, ws),
            Err(e) => panic!("corpus/mistakes: {e}"),
        }
    }

    /// A buffer that makes `plat` non-empty everywhere re-checks its importer (GT502 goes
    /// away there), and the incremental findings equal a whole run over the same buffers.
    #[test]
    fn an_edit_rechecks_importers_and_matches_the_whole_run() {
        let (root, mut ws) = mistakes();
        ws.analyse_all();
        let (_, mut whole) = mistakes();
        let plat = root.join("matrixgaps/plat");
        let other = plat.join("plat_other.go");
        let text = b"//go:build !linux && !darwin\n\npackage plat\n\nfunc Open() {}\n";
        let Some((di, _)) = ws.locate(&other) else {
            panic!("matrixgaps/plat not walked")
        };
        let use_dir = ws.by_dir[&root.join("matrixgaps/use")];
        let gt502 = |ws: &Workspace| ws.diags[use_dir].iter().any(|d| d.code == "GT502");
        assert!(gt502(&ws), "GT502 not planted in matrixgaps/use");
        let before = ws.presence_of(di);
        assert_eq!(ws.set_buffer(&other, text), Some(di));
        let importers = ws.analyse_changed(di, &before);
        assert_eq!(importers, vec![use_dir]);
        for j in importers {
            ws.analyse_one(j);
        }
        assert!(!gt502(&ws), "GT502 stays after plat became non-empty");
        whole.set_buffer(&other, text);
        whole.analyse_all();
        assert_eq!(ws.diags, whole.diags);
    }

    /// A generator that no configuration compiles (`//go:build ignore`, `package main`)
    /// does not stop a package with an unconstrained file from being never empty; the
    /// same file without the constraint does (its package name conflicts somewhere).
    #[test]
    fn never_empty_ignores_files_no_configuration_compiles() {
        let (root, mut ws) = mistakes();
        let plat = root.join("matrixgaps/plat");
        let Some((di, _)) = ws.locate(&plat.join("plat.go")) else {
            panic!("matrixgaps/plat not walked")
        };
        assert!(!ws.never_empty(di), "plat is empty off linux and darwin");
        ws.set_buffer(&plat.join("plat.go"), b"package plat\n");
        assert!(ws.never_empty(di));
        ws.set_buffer(&plat.join("gen.go"), b"//go:build ignore\n\npackage main\n");
        assert!(ws.never_empty(di));
        ws.set_buffer(&plat.join("gen.go"), b"package main\n");
        assert!(!ws.never_empty(di));
    }

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
