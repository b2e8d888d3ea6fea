//! What a rule is: its stable code, default severity, documentation, and a pure function
//! at one of four scopes ([`Check`]): one file's facts, one directory's files, the run's
//! configuration, or the configuration matrix evaluated over the whole run (coverage gaps). Registering a rule is
//! one line in `registry`; no rule calls another.

use super::diagnostic::{Finding, Severity};
use super::matrix_gaps::MatrixInput;
use crate::configs::ConfigSet;
use crate::embed::AssetCache;
use crate::facts::{BodyFacts, FileFacts, HeaderFacts, HeaderOutcome};
use crate::generate::FilePlan;
use crate::walk::{DirFacts, Module};

/// A rule's identity and documentation (shown by `gotags check --explain CODE`).
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable code, e.g. `GT101`.
    pub code: &'static str,
    /// Short kebab-case name.
    pub name: &'static str,
    pub severity: Severity,
    /// What it finds.
    pub finds: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A Go snippet that triggers it.
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

impl RuleInfo {
    /// The `--explain` text.
    pub fn explain(&self) -> String {
        format!(
            "{} ({}) [default severity: {}]\n\nWhat it finds\n  {}\n\nWhy it matters\n  {}\n\nExample\n{}\n\nFix\n  {}\n",
            self.code,
            self.name,
            self.severity.as_str(),
            self.finds,
            self.why,
            self.example
                .lines()
                .map(|l| format!("  {l}"))
                .collect::<Vec<_>>()
                .join("\n"),
            self.fix
        )
    }
}

/// The generate plan of a file under one platform (only platforms that compile it).
pub struct PlatformPlan {
    pub platform: usize,
    pub plan: FilePlan,
}

/// Everything a rule may look at for one file; nothing here touches the disk except the
/// memoising embed cache.
pub struct FileInput<'a> {
    pub module: &'a Module,
    pub dir: &'a DirFacts,
    pub file: &'a FileFacts,
    /// The run's configurations (index = the platform numbers of findings).
    pub platforms: &'a ConfigSet,
    /// Per platform: does the file compile there (name, constraints, cgo)?
    pub compiles: &'a [bool],
    /// Per platform, with the `generate` tag: the generate plan where the file is scanned.
    pub generate: &'a [PlatformPlan],
    /// Module paths required by go.mod (for pinned generators).
    pub requires: &'a [String],
    pub cache: &'a AssetCache,
    /// Some other file of the directory carries a platform constraint (name or tag).
    pub dir_has_other_platform_files: bool,
    /// `[embed] max_file_size`: embedded files above this many bytes are reported.
    pub embed_max_file_size: Option<u64>,
}

impl FileInput<'_> {
    pub fn header(&self) -> Option<&HeaderFacts> {
        match &self.file.header {
            HeaderOutcome::Read(h) => Some(h),
            _ => None,
        }
    }

    pub fn body(&self) -> Option<&BodyFacts> {
        self.file.body.as_deref()
    }
}

/// What a directory-scope rule sees: one walked directory and the run's configurations.
pub struct DirInput<'a> {
    pub module: &'a Module,
    pub dir: &'a DirFacts,
    /// The run's configurations (index = the platform numbers of findings).
    pub platforms: &'a ConfigSet,
}

/// A finding of a directory-scope rule, placed in one file of the directory.
pub struct InDir {
    /// Index into the directory's files.
    pub file: usize,
    pub finding: Finding,
}

/// What a run-scope rule sees: the configuration the run checks and where it came from.
pub struct RunInput<'a> {
    pub platforms: &'a ConfigSet,
    /// The user tag sets, as given.
    pub tag_sets: &'a [Vec<String>],
    /// Where the tag sets were set: a gotags.toml path as shown, or `<command line>`.
    pub tags_source: &'a str,
}

/// A finding of a matrix-scope rule, placed in one file of the walk.
pub struct Located {
    /// Index into the walked directories.
    pub dir: usize,
    /// Index into that directory's files.
    pub file: usize,
    pub finding: Finding,
}

impl Located {
    /// `finding` in file `file` of the evaluated directory `d`.
    pub fn at(d: &crate::matrix::evaluate::DirMatrix, file: usize, finding: Finding) -> Located {
        let dir = d.dir_index;
        Located { dir, file, finding }
    }
}

/// The scope a rule works at, and its pure function.
pub enum Check {
    /// Once per file.
    File(fn(&FileInput, &mut Vec<Finding>)),
    /// Once per directory, for what depends on the directory's files together (so a
    /// directory of n files costs O(n), not O(n) per file).
    Dir(fn(&DirInput, &mut Vec<InDir>)),
    /// Once per run, about the configuration itself; findings are placed at `tags_source`.
    Run(fn(&RunInput, &mut Vec<Finding>)),
    /// Once per walked tree, over the matrix evaluation and its coverage gaps.
    Matrix(fn(&MatrixInput, &mut Vec<Located>)),
}

/// A rule: documentation plus a pure check.
pub struct Rule {
    pub info: RuleInfo,
    pub check: Check,
    /// The quick fix, when the finding can be repaired mechanically (see [`super::fix`]).
    pub fix: Option<super::fix::Fix>,
}
