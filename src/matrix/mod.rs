//! `gotags matrix`: every platform, cgo setting and tag set at once. The walked facts are
//! evaluated for all configurations together ([`evaluate`]), grouped into configurations with
//! identical file sets, explained per file ([`explain`]), searched for coverage gaps
//! ([`gaps`], with the declaration scanner [`crate::syntax::decls`]) and, on request, reduced
//! to a minimal CI matrix ([`cover`]). Configurations come from the one configuration model
//! ([`crate::configs`], re-exported here as `configs`) or a GoReleaser file ([`goreleaser`]).
//! The result carries everything a renderer prints, the per-file reasons included.
//! [`lock`] records and compares per-file coverage (`--write`/`--check` lock files).
//!
//! File reading: the declaration scanner needs whole non-test `.go` files. A walk to
//! [`crate::facts::ReadDepth::Decls`] (what the CLI does) or [`crate::facts::ReadDepth::Full`]
//! (as `check` does) scans them in its single read, and nothing is read again. Only for
//! facts walked to the header alone does the matrix read, through the [`Source`], each `.go`
//! file some configuration compiles as GoFiles/CgoFiles, in one parallel pass.

pub mod cover;
pub mod evaluate;
pub mod explain;
pub mod gaps;
pub mod goreleaser;
pub mod heatmap;
pub mod lock;
pub mod view;

pub use crate::configs;

use crate::configs::{spec, Bits, CgoMode, Config, ConfigError, SpecError, TagSet};
use crate::embed::AssetCache;
use crate::hashing::FastMap as HashMap;
use crate::source::{Disk, SharedSource, Source};
use crate::syntax::decls::{self, FileScan};
use crate::walk::{DirFacts, Module};
use evaluate::{DirMatrix, Evaluation};
use explain::Reason;
use gaps::Gaps;
use rayon::prelude::*;
use std::fmt;
use std::path::{Path, PathBuf};
use view::List;

/// What the matrix command computed.
pub struct Matrix {
    pub module: Module,
    pub eval: Evaluation,
    pub dirs: Vec<DirFacts>,
    /// Per evaluated directory: `.`/`_` source names.
    pub hidden: Vec<Vec<String>>,
    pub gaps: Gaps,
    /// Configurations with identical compiled files module-wide, in first-member order.
    pub groups: Vec<Bits>,
    pub cover: Option<cover::Cover>,
    /// With [`RunOptions::reasons`]: per evaluated directory, per file, the file's reasons
    /// grouped over configurations.
    pub reasons: Option<Vec<explain::DirReasons>>,
}

/// One file's reasons, grouped over configurations with the same verdict.
pub type FileReasons = Vec<(Reason, Bits)>;

/// Why the matrix could not be run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatrixError {
    /// A platform spec the grammar rejects.
    Spec(SpecError),
    /// A configuration Go would reject, or none at all.
    Config(ConfigError),
    /// `--platforms goreleaser` without a GoReleaser file.
    NoGoReleaserFile { dir: PathBuf },
    /// The GoReleaser file could not be read.
    GoReleaserRead { path: PathBuf, message: String },
    /// The GoReleaser file does not parse.
    GoReleaserParse {
        path: PathBuf,
        message: goreleaser::GoReleaserError,
    },
    /// The GoReleaser file has no Go builds.
    GoReleaserEmpty { path: PathBuf },
    /// A `--go` or `[matrix] go` release gotags does not know.
    Release(crate::go::release::UnknownRelease),
}

impl fmt::Display for MatrixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MatrixError::Spec(e) => e.fmt(f),
            MatrixError::Config(e) => e.fmt(f),
            MatrixError::NoGoReleaserFile { dir } => write!(
                f,
                "--platforms goreleaser: no .goreleaser.yaml or .goreleaser.yml in {}",
                dir.display()
            ),
            MatrixError::GoReleaserRead { path, message } => {
                write!(f, "{}: {message}", path.display())
            }
            MatrixError::GoReleaserParse { path, message } => {
                write!(f, "{}: {message}", path.display())
            }
            MatrixError::GoReleaserEmpty { path } => write!(f, "{}: no Go builds", path.display()),
            MatrixError::Release(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for MatrixError {}

impl From<SpecError> for MatrixError {
    fn from(e: SpecError) -> MatrixError {
        MatrixError::Spec(e)
    }
}

impl From<ConfigError> for MatrixError {
    fn from(e: ConfigError) -> MatrixError {
        MatrixError::Config(e)
    }
}

/// What to compute beyond the per-configuration listings and the gap findings.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Compute the minimal covering set of configurations.
    pub cover: bool,
    /// Also list every top-level declaration present on some building configurations and
    /// absent on others (informational, not findings).
    pub all_decl_differences: bool,
    /// Compute every file's reasons ([`Matrix::reasons`]), as the JSON output shows them.
    pub reasons: bool,
}

/// Runs the whole matrix over walked directories.
pub fn run(
    module: Module,
    dirs: Vec<DirFacts>,
    configs: Vec<Config>,
    want_cover: bool,
    cwd: &Path,
) -> Result<Matrix, MatrixError> {
    let opts = RunOptions {
        cover: want_cover,
        ..RunOptions::default()
    };
    run_with(module, dirs, configs, opts, cwd)
}

/// [`run`] with every option, over the disk.
pub fn run_with(
    module: Module,
    dirs: Vec<DirFacts>,
    configs: Vec<Config>,
    opts: RunOptions,
    cwd: &Path,
) -> Result<Matrix, MatrixError> {
    run_in(Disk::shared(), module, dirs, configs, opts, cwd)
}

/// [`run_with`] with embed assets (and any declaration scan the walk left out) read
/// through `source`.
pub fn run_in(
    source: SharedSource,
    module: Module,
    dirs: Vec<DirFacts>,
    configs: Vec<Config>,
    opts: RunOptions,
    cwd: &Path,
) -> Result<Matrix, MatrixError> {
    let want_cover = opts.cover;
    let cache = AssetCache::with_source(source);
    let eval = evaluate::evaluate(&module, &dirs, configs, &cache, cwd)?;
    let hidden: Vec<Vec<String>> = eval
        .dirs
        .par_iter()
        .map(|d| gaps::hidden_sources(&dirs[d.dir_index]))
        .collect();
    let gaps = gaps_in(
        cache.source(),
        &eval,
        &dirs,
        &hidden,
        opts.all_decl_differences,
    );
    let groups = module_groups(&eval);
    let cover = want_cover.then(|| {
        let mut c = cover::cover_ranked(
            eval.configs.len(),
            &all_compiled(&eval),
            &preference(&eval.configs),
        );
        c.cross_cgo = cover::cross_cgo(&eval.configs, &c.configs);
        c
    });
    let reasons = opts.reasons.then(|| {
        eval.dirs
            .par_iter()
            .map(|d| explain::DirReasons::of(&eval, d, &dirs[d.dir_index].files))
            .collect()
    });
    Ok(Matrix {
        module,
        eval,
        dirs,
        hidden,
        gaps,
        groups,
        cover,
        reasons,
    })
}

/// Tie-break order for the cover: first-class ports, then cgo off, then matrix order.
fn preference(configs: &[Config]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..configs.len()).collect();
    order.sort_by_key(|&i| {
        let c = &configs[i];
        let first = crate::platform::find_port(&c.platform.goos, &c.platform.goarch)
            .is_some_and(|p| p.first_class);
        (!first, c.cgo, i)
    });
    let mut rank = vec![0; configs.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// Every file's compiled configurations, across all directories.
pub fn all_compiled(eval: &Evaluation) -> Vec<Bits> {
    eval.dirs
        .iter()
        .flat_map(|d| d.compiled.iter().cloned())
        .collect()
}

/// Per evaluated directory, per file: the scan of each `.go` file that is in GoFiles or
/// CgoFiles under some configuration (`None` for the others).
pub type Scans = Vec<Vec<Option<Box<FileScan>>>>;

/// [`Scans`] borrowed: from the walk's whole-file facts where it read them
/// ([`crate::facts::ReadDepth::Full`]), else from a [`Scans`] read for the purpose.
pub type ScanRefs<'a> = Vec<Vec<Option<&'a FileScan>>>;

/// Per evaluated directory, per file: is it in GoFiles or CgoFiles under some configuration?
fn used_files(eval: &Evaluation, dirs: &[DirFacts]) -> Vec<Vec<bool>> {
    eval.dirs
        .iter()
        .map(|d| {
            let facts = &dirs[d.dir_index];
            let mut used = vec![false; facts.files.len()];
            for class in &d.classes {
                if let Some(l) = d.package(class) {
                    for &id in l.ids(List::GoFiles).iter().chain(l.ids(List::CgoFiles)) {
                        if let Some(u) = used.get_mut(id as usize) {
                            *u = true;
                        }
                    }
                }
            }
            used
        })
        .collect()
}

/// Reads through `source` and scans, in parallel, each used `.go` file whose walk did not
/// already scan it (none after a walk to `Decls` or `Full` depth).
fn read_scans(
    source: &dyn Source,
    eval: &Evaluation,
    dirs: &[DirFacts],
    used: &[Vec<bool>],
) -> Scans {
    eval.dirs
        .par_iter()
        .zip(used)
        .map(|(d, used)| {
            let facts = &dirs[d.dir_index];
            used.par_iter()
                .enumerate()
                .map(|(fi, &u)| {
                    let f = &facts.files[fi];
                    if !u || f.body.as_ref().is_some_and(|b| b.decls.is_some()) {
                        return None;
                    }
                    let text = source.read(&facts.dir.join(&f.name)).ok()?;
                    Some(Box::new(decls::scan_file(&text)))
                })
                .collect()
        })
        .collect()
}

/// The scan of every used file: the walk's own where it has one, else the one read here.
pub fn scan_refs<'a>(
    eval: &Evaluation,
    dirs: &'a [DirFacts],
    used: &[Vec<bool>],
    read: &'a Scans,
) -> ScanRefs<'a> {
    eval.dirs
        .iter()
        .enumerate()
        .map(|(di, d)| {
            let facts = &dirs[d.dir_index];
            (0..facts.files.len())
                .map(|fi| {
                    if !used[di][fi] {
                        return None;
                    }
                    let walked = facts.files[fi].body.as_ref().and_then(|b| b.decls.as_ref());
                    walked.or_else(|| read.get(di)?.get(fi)?.as_deref())
                })
                .collect()
        })
        .collect()
}

/// The gap findings of an evaluation, scanning only files the walk did not already scan
/// (none when it read to [`crate::facts::ReadDepth::Decls`] or `Full`), from the disk.
pub fn gaps_of(
    eval: &Evaluation,
    dirs: &[DirFacts],
    hidden: &[Vec<String>],
    all_decl_differences: bool,
) -> Gaps {
    gaps_in(&Disk, eval, dirs, hidden, all_decl_differences)
}

/// [`gaps_of`], reading any missing scan through `source`.
pub fn gaps_in(
    source: &dyn Source,
    eval: &Evaluation,
    dirs: &[DirFacts],
    hidden: &[Vec<String>],
    all_decl_differences: bool,
) -> Gaps {
    let used = used_files(eval, dirs);
    let read = read_scans(source, eval, dirs, &used);
    let refs = scan_refs(eval, dirs, &used, &read);
    gaps::find(eval, dirs, hidden, &refs, all_decl_differences)
}

/// Groups configurations whose compiled files are identical across the module.
fn module_groups(eval: &Evaluation) -> Vec<Bits> {
    let n = eval.configs.len();
    let all = all_compiled(eval);
    let mut by_sig: HashMap<Vec<bool>, usize> = HashMap::default();
    let mut groups: Vec<Bits> = Vec::new();
    for c in 0..n {
        let sig: Vec<bool> = all.iter().map(|b| b.get(c)).collect();
        let next = groups.len();
        let k = *by_sig.entry(sig).or_insert(next);
        if k == next {
            groups.push(Bits::empty(n));
        }
        groups[k].set(c);
    }
    groups
}

impl Matrix {
    /// One file's verdict on every configuration, grouped, compiled groups first
    /// (`file` as [`Matrix::locate`] found it: a file index, or `None` for a hidden name).
    pub fn explain_file(&self, di: usize, file: Option<usize>) -> Vec<(Reason, Bits)> {
        let n = self.eval.configs.len();
        let Some(fi) = file else {
            return vec![(Reason::Hidden, Bits::full(n))];
        };
        let Some(d) = self.eval.dirs.get(di) else {
            return Vec::new();
        };
        let Some(f) = self.dirs[d.dir_index].files.get(fi) else {
            return Vec::new();
        };
        let mut groups = explain::file_reasons(&self.eval, d, f);
        groups.sort_by_key(|(r, _)| !r.is_compiled());
        groups
    }

    /// Finds the evaluated directory and file index for a path (`None`: a hidden name).
    pub fn locate(&self, path: &Path) -> Option<(&DirMatrix, Option<usize>)> {
        let dir = path.parent()?;
        let name = path.file_name()?.to_string_lossy().into_owned();
        let (di, d) = self
            .eval
            .dirs
            .iter()
            .enumerate()
            .find(|(_, d)| self.dirs[d.dir_index].dir == dir)?;
        let facts = &self.dirs[d.dir_index];
        match facts.files.iter().position(|f| f.name == name) {
            Some(i) => Some((d, Some(i))),
            None if self.hidden[di].contains(&name) => Some((d, None)),
            None => None,
        }
    }
}

/// Resolves the command line's `--platforms`, `--tags-sets` and `--cgo` into configurations.
/// With `goreleaser`, each build contributes its platforms with its own tags (unless
/// `--tags-sets` is given, which then applies to every build).
pub fn resolve_configs(
    module_root: &Path,
    platforms: &str,
    tag_sets: Option<&str>,
    cgo: CgoMode,
) -> Result<Vec<Config>, MatrixError> {
    let sets = tag_sets.map(configs::parse_tag_sets);
    resolve_in(&Disk, module_root, platforms, sets, cgo)
}

/// [`resolve_configs`] with tag sets already split, reading a GoReleaser file through
/// `source`.
pub fn resolve_in(
    source: &dyn Source,
    module_root: &Path,
    platforms: &str,
    tag_sets: Option<Vec<TagSet>>,
    cgo: CgoMode,
) -> Result<Vec<Config>, MatrixError> {
    let items = match spec::parse(platforms)? {
        spec::Selection::Items(items) => items,
        spec::Selection::GoReleaser => {
            return goreleaser_configs(source, module_root, tag_sets, cgo)
        }
    };
    let sets = tag_sets.unwrap_or_else(|| vec![TagSet::new(Vec::new())]);
    let out = configs::expand(&items, &sets, cgo);
    (!out.is_empty())
        .then_some(out)
        .ok_or(ConfigError::Empty.into())
}

/// [`resolve_in`] with the Go release as one more dimension: every configuration once per
/// release of `releases` (empty: the selected release only, labels without a release).
pub fn resolve_releases(
    module_root: &Path,
    platforms: &str,
    tag_sets: Option<Vec<TagSet>>,
    cgo: CgoMode,
    releases: &[String],
) -> Result<Vec<Config>, MatrixError> {
    resolve_releases_in(&Disk, module_root, platforms, tag_sets, cgo, releases)
}

/// [`resolve_releases`], reading a GoReleaser file through `source`.
pub fn resolve_releases_in(
    source: &dyn Source,
    module_root: &Path,
    platforms: &str,
    tag_sets: Option<Vec<TagSet>>,
    cgo: CgoMode,
    releases: &[String],
) -> Result<Vec<Config>, MatrixError> {
    let releases = configs::parse_releases(releases).map_err(MatrixError::Release)?;
    if releases.is_empty() {
        return resolve_in(source, module_root, platforms, tag_sets, cgo);
    }
    if platforms.trim() == "goreleaser" {
        let base = goreleaser_configs(source, module_root, tag_sets, cgo)?;
        return Ok(releases
            .iter()
            .flat_map(|&r| {
                base.iter()
                    .filter(move |c| {
                        r.find_port_or_broken(&c.platform.goos, &c.platform.goarch)
                            .is_some()
                    })
                    .map(move |c| Config {
                        go: Some(r),
                        ..c.clone()
                    })
            })
            .collect());
    }
    let sets = tag_sets.unwrap_or_else(|| vec![TagSet::new(Vec::new())]);
    let out = configs::expand_releases(platforms, &sets, cgo, &releases)?;
    (!out.is_empty())
        .then_some(out)
        .ok_or(ConfigError::Empty.into())
}

fn goreleaser_configs(
    source: &dyn Source,
    module_root: &Path,
    tag_sets: Option<Vec<TagSet>>,
    cgo: CgoMode,
) -> Result<Vec<Config>, MatrixError> {
    let path =
        goreleaser::find_config(module_root).ok_or_else(|| MatrixError::NoGoReleaserFile {
            dir: module_root.to_path_buf(),
        })?;
    let bytes = source
        .read(&path)
        .map_err(|e| MatrixError::GoReleaserRead {
            path: path.clone(),
            message: e.text,
        })?;
    let text = String::from_utf8(bytes).map_err(|_| MatrixError::GoReleaserRead {
        path: path.clone(),
        message: "stream did not contain valid UTF-8".to_string(),
    })?;
    let builds =
        goreleaser::parse_builds(&text).map_err(|message| MatrixError::GoReleaserParse {
            path: path.clone(),
            message,
        })?;
    let mut out: Vec<Config> = Vec::new();
    for b in builds {
        let build_sets = tag_sets
            .clone()
            .unwrap_or_else(|| vec![TagSet::new(b.tags)]);
        // The build's own CGO_ENABLED is what GoReleaser builds with.
        let build_cgo = b
            .cgo
            .map_or(cgo, |on| if on { CgoMode::On } else { CgoMode::Off });
        for c in configs::product(&b.platforms, &build_sets, build_cgo) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    if out.is_empty() {
        return Err(MatrixError::GoReleaserEmpty { path });
    }
    Ok(out)
}
