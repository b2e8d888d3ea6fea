//! `gotags check`: diagnostics over every file of a module for every platform at once.
//!
//! * `vet`: vet's buildtag replay over the comment lines [`crate::syntax::comments`] found;
//! * `diagnostic`: the finding type every rule produces and every format prints;
//! * the configurations a run evaluates come from the one model, [`crate::configs`], and
//!   are resolved exactly as `gotags matrix` resolves them;
//! * `matrix_gaps`: the `gotags matrix` evaluation and coverage gaps of the run's
//!   configurations, which the matrix-scope rules (GT5xx) read;
//! * `fix`: quick fixes (a rule's `fix`) and applying their edits;
//! * `rules`: one module per rule, each with its code, scope, documentation and tests;
//!   `registry` lists them, one line each;
//! * `engine`: runs the rules over walked facts, merges per-platform findings and applies
//!   `//gotags:ignore`, `--select`/`--ignore` and severity overrides;
//! * `baseline`: finding fingerprints (stable across line moves) and baseline files.

pub mod baseline;
pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod matrix_gaps;
pub mod registry;
pub mod rule;
pub mod rules;
pub mod vet;

#[cfg(test)]
pub(crate) mod testing;

pub use diagnostic::{Diagnostic, Finding, Offsets, Severity};
pub use engine::{run, run_config, CheckInput, Selection};
pub mod command;
