//! `gotags check`: diagnostics over every file of a module for every platform at once.
//!
//! * `lex` / `source`: whole-file facts gathered during the walk's single read;
//! * `diagnostic`: the finding type every rule produces and every format prints;
//! * `platforms`: the build configurations a run evaluates;
//! * `rules`: one module per rule, each with its code, documentation and tests; `registry`
//!   lists them;
//! * `engine`: runs the rules over walked facts, merges per-platform findings and applies
//!   `//gotags:ignore`, `--select`/`--ignore` and severity overrides.

pub mod lex;
pub mod source;
