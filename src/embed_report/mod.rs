//! The `embed` command's data and logic: for every `//go:embed` directive in files that
//! compile, the variable and its type, each pattern's files and sizes, rolled up per variable,
//! package and platform under explicit size rules ([`sizing`]), with explanations and budgets.
//! Pure functions over walked facts and the `AssetCache`; rendering lives in `render::embed`.
//!
//! * which variable follows a directive, and its type, is [`crate::syntax::embed`];
//! * [`seeds`] — a file's patterns grouped into directives and variables;
//! * [`sizing`] — the size rules (shared vs own copy) and totals;
//! * [`collect`] — the report for one or many build contexts;
//! * [`explain`] — hidden files left out, double matches, platform-only directives;
//! * [`binary`] — what the linker stores besides the contents, per [`layout`] (GOARCH);
//! * [`contents`] — `--exact`: files folded by their contents;
//! * [`binaries`] — the packages each `main` package links, following its imports;
//! * [`size`] — human byte units; [`budget`] — budgets and breaches;
//! * [`model`] — the serialisable report.

pub mod binaries;
pub mod binary;
pub mod budget;
pub mod collect;
pub mod contents;
pub mod explain;
pub mod layout;
pub mod model;
pub mod seeds;
pub mod size;
pub mod sizing;

#[cfg(test)]
mod corpus_tests;

pub use budget::{evaluate, Breach, BudgetOutcome, Budgets};
pub use collect::{collect, collect_with, Options};
pub use model::EmbedReport;
pub use size::ByteSize;
