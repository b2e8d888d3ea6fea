//! `go generate` without running anything (spec §8): which `//go:generate` directives run
//! for a platform, in Go's order, as the argv Go would execute, with Go's error messages.
//!
//! * the directive lines of a file, read as `go generate` reads them, are [`crate::syntax::generate`];
//! * `split`: word splitting and quoted words (`grammar/go-generate.ebnf`);
//! * `expand`: `os.Expand` with go generate's variables;
//! * `file`: one file's steps, `-command` aliases and errors;
//! * `plan`: packages and files in Go's order;
//! * `render`: `go generate -n` text, `file:line:` text and JSON.

pub mod expand;
pub mod file;
pub mod plan;
pub mod render;
pub mod split;

#[cfg(test)]
mod grammar_tests;

pub use file::{FileEnv, FilePlan, KeepAll, LineFilter, Step};
pub use plan::{generate_context, plan, plan_named, Event, PlannedError, PlannedStep, RunEnv};
