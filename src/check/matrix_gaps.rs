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
use crate::syntax::decls::FileScan;
use crate::walk::{DirFacts, Module};
use std::collections::HashMap;
use std::path::Path;

/// The evaluated matrix of one walked tree, with lookups for placing findings.
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
        let eval = evaluate::evaluate_set(module, dirs, platforms.clone(), bits, cache, cwd);
        let hidden: Vec<Vec<String>> = eval
            .dirs
            .iter()
            .map(|d| gaps::hidden_sources(&dirs[d.dir_index]))
            .collect();
        let gaps = crate::matrix::gaps_of(&eval, dirs, &hidden, false);
        let by_rel = eval
            .dirs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.rel.clone(), i))
            .collect();
        let by_path = eval
            .dirs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.import_path.clone(), i))
            .collect();
        MatrixInput {
            dirs,
            platforms,
            eval,
            gaps,
            by_rel,
            by_path,
        }
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

/// The declaration scan the walk made of a file, if any.
pub fn scan_of(f: &FileFacts) -> Option<&FileScan> {
    f.body.as_ref()?.decls.as_ref()
}
