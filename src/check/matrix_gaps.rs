//! What the matrix-scope rules (GT5xx) see: the `gotags matrix` evaluation of the run's own
//! configurations over the walked facts, its coverage gaps, and lookups from a gap's
//! directory and file names back to the walk. No rule logic lives here: each rule reads the
//! gaps of its kind and places its own findings.
//!
//! The matrix is evaluated once per walked tree, from the file bits the engine already
//! computed (so every constraint is evaluated once per run), over exactly the
//! configurations `check` reports on (same index). `check` walks with
//! [`crate::facts::ReadDepth::Full`], so the declaration scans come with the facts and no
//! file is read again.

use crate::configs::{Bits, ConfigSet, FileBits};
use crate::embed::AssetCache;
use crate::facts::FileFacts;
use crate::matrix::evaluate::{self, DirMatrix, Evaluation};
use crate::matrix::gaps::{self, Gaps};
use crate::matrix::view::{List, Strings};
use crate::syntax::decls::FileScan;
use crate::walk::{DirFacts, Module};
use std::collections::HashMap;
use std::path::Path;

/// The evaluated matrix of one walked tree, with lookups for placing findings. Its
/// directories keep their file bits and compiled sets; the class views are dropped once the
/// gaps are found.
pub struct MatrixInput<'a> {
    pub dirs: &'a [DirFacts],
    pub platforms: &'a ConfigSet,
    pub eval: Evaluation,
    pub gaps: Gaps,
    by_rel: HashMap<String, usize>,
    by_path: HashMap<String, usize>,
}

impl<'a> MatrixInput<'a> {
    /// Evaluates the matrix from precomputed file bits and finds its gaps.
    pub fn new(
        module: &Module,
        dirs: &'a [DirFacts],
        platforms: &'a ConfigSet,
        bits: Vec<Vec<FileBits>>,
        cache: &AssetCache,
        cwd: &Path,
    ) -> MatrixInput<'a> {
        let mut eval = evaluate_compact(module, dirs, platforms, bits, cache, cwd);
        let hidden: Vec<Vec<String>> = eval
            .dirs
            .iter()
            .map(|d| gaps::hidden_sources(&dirs[d.dir_index]))
            .collect();
        let gaps = crate::matrix::gaps_of(&eval, dirs, &hidden, false);
        // The rules read the gaps, the bits and where each file compiles: the class views
        // are dropped before they run.
        for d in &mut eval.dirs {
            d.classes = Vec::new();
            d.class_of = Vec::new();
            d.strings = Strings::default();
        }
        let (mut by_rel, mut by_path) = (HashMap::new(), HashMap::new());
        for (i, d) in eval.dirs.iter().enumerate() {
            by_rel.insert(d.rel.clone(), i);
            by_path.insert(d.import_path.clone(), i);
        }
        MatrixInput {
            dirs,
            platforms,
            eval,
            gaps,
            by_rel,
            by_path,
        }
    }

    /// Every directory's file bits (walk order), the rest of the matrix dropped.
    pub fn into_bits(self) -> Vec<Vec<FileBits>> {
        let mut bits: Vec<Vec<FileBits>> = vec![Vec::new(); self.dirs.len()];
        for d in self.eval.dirs {
            if let Some(b) = bits.get_mut(d.dir_index) {
                *b = d.bits;
            }
        }
        bits
    }

    /// The evaluated directory at `rel` (module-relative, as gaps name it).
    pub fn dir_by_rel(&self, rel: &str) -> Option<&DirMatrix> {
        self.eval.dirs.get(*self.by_rel.get(rel)?)
    }

    /// The evaluated directory of the package `import_path`.
    pub fn dir_by_path(&self, import_path: &str) -> Option<&DirMatrix> {
        self.eval.dirs.get(*self.by_path.get(import_path)?)
    }

    /// The walked facts of an evaluated directory.
    pub fn facts(&self, d: &DirMatrix) -> &'a DirFacts {
        &self.dirs[d.dir_index]
    }

    /// The index and facts of file `name` of an evaluated directory.
    pub fn file(&self, d: &DirMatrix, name: &str) -> Option<(usize, &'a FileFacts)> {
        self.facts(d)
            .files
            .iter()
            .enumerate()
            .find(|(_, f)| f.name == name)
    }

    /// The configurations in `set`, as a bit set over the run's configurations.
    pub fn bits(&self, set: &[usize]) -> Bits {
        let mut b = Bits::empty(self.platforms.len());
        for &i in set {
            b.set(i);
        }
        b
    }
}

/// Directories evaluated at a time. Each chunk's package views are cut down to what the
/// gaps and the GT5xx rules read before the next chunk is evaluated, so a run holds the
/// full views of one chunk, not of the module (they were most of check's peak memory).
const CHUNK: usize = 64;

/// [`evaluate::evaluate_set`] chunk by chunk, every package view cut to what the gaps read.
fn evaluate_compact(
    module: &Module,
    dirs: &[DirFacts],
    platforms: &ConfigSet,
    bits: Vec<Vec<FileBits>>,
    cache: &AssetCache,
    cwd: &Path,
) -> Evaluation {
    let mut bits = bits.into_iter();
    let mut out: Option<Evaluation> = None;
    for (k, chunk) in dirs.chunks(CHUNK).enumerate() {
        let b: Vec<Vec<FileBits>> = bits.by_ref().take(chunk.len()).collect();
        let mut ev = evaluate::evaluate_set(module, chunk, platforms.clone(), b, cache, cwd);
        for d in &mut ev.dirs {
            d.dir_index += k * CHUNK;
            compact(d);
        }
        match &mut out {
            None => out = Some(ev),
            Some(o) => o.dirs.append(&mut ev.dirs),
        }
    }
    out.unwrap_or_else(|| {
        evaluate::evaluate_set(module, dirs, platforms.clone(), Vec::new(), cache, cwd)
    })
}

/// Keeps of each class's package view what the gaps read: GoFiles and CgoFiles (declaration
/// gaps, empty packages), and the invalid files and the error (a dead file's reasons; a
/// dead file is in no compiled list, so the other lists never decide one). Where each file
/// compiles stays in `compiled`.
fn compact(d: &mut DirMatrix) {
    for class in &mut d.classes {
        if let Some(v) = &mut class.view {
            v.retain(&[List::GoFiles, List::CgoFiles, List::InvalidGoFiles]);
        }
    }
}

/// The declaration scan the walk made of a file, if any.
pub fn scan_of(f: &FileFacts) -> Option<&FileScan> {
    f.body.as_ref()?.decls.as_ref()
}
