//! What a rule is: its stable code, default severity, documentation, and a pure function
//! from one file's facts to findings.

use super::diagnostic::{Finding, Severity};
use super::platforms::Platform;
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
    pub platforms: &'a [Platform],
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
    /// The matrix's coverage gaps that concern this file (GT5xx).
    pub gaps: &'a [super::matrix_gaps::GapFact],
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

/// A rule: documentation plus a pure check over one file.
pub struct Rule {
    pub info: RuleInfo,
    pub check: fn(&FileInput, &mut Vec<Finding>),
    /// The quick fix, when the finding can be repaired mechanically (see [`super::fix`]).
    pub fix: Option<super::fix::Fix>,
}
