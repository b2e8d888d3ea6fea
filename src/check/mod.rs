//! `gotags check`: diagnostics over every file of a module for every platform at once.
//!
//! * `vet`: vet's buildtag replay over the comment lines [`crate::syntax::comments`] found;
//! * `diagnostic`: the finding type every rule produces and every format prints;
//! * `platforms`: the build configurations a run evaluates;
//! * `matrix_gaps`: the `gotags matrix` coverage gaps, evaluated once per run and attached to
//!   the files they concern (GT5xx);
//! * `fix`: quick fixes (a rule's `fix`) and applying their edits;
//! * `rules`: one module per rule, each with its code, documentation and tests; `registry`
//!   lists them;
//! * `engine`: runs the rules over walked facts, merges per-platform findings and applies
//!   `//gotags:ignore`, `--select`/`--ignore` and severity overrides.

pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod matrix_gaps;
pub mod platforms;
pub mod registry;
pub mod rule;
pub mod rules;
pub mod universe;
pub mod vet;

#[cfg(test)]
pub(crate) mod testing;

pub use diagnostic::{Diagnostic, Finding, Severity};
pub use engine::{run, CheckInput, Selection};
pub mod command;
