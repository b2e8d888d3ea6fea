//! `//go:embed`, exactly as Go 1.23's `go list` sees it (spec §7):
//!
//! * [`scan_directives`] finds directives and splits their arguments (go/build's `findEmbed`
//!   and `parseGoEmbed`), with Go's positions; [`token_scan`] is Go 1.26's collection;
//! * [`path_match`] is Go's `path.Match`, implemented natively (see [`pathmatch`] for why
//!   globset is not used);
//! * [`resolve`] / [`resolve_pattern`] / [`explain_pattern`] turn patterns into files the way
//!   cmd/go's `resolveEmbed` does, through a memoising, thread-safe [`AssetCache`];
//! * [`is_bad_embed_name`] is cmd/go's `isBadEmbedName`;
//! * [`header::embed_scan_reachable`] tells whether go/build's embed scan runs at all (it does
//!   not when its import reader already hit the end of the file).
//!
//! The argument and pattern syntax is written down in `grammar/embed-patterns.ebnf`, whose
//! examples are checked by the unit tests.
//!
//! Behaviour follows Unix: `\` is always an escape in patterns, paths are raw bytes.

pub mod fscache;
pub mod glob;
pub mod header;
pub mod names;
pub mod pathmatch;
pub mod resolve;
pub mod scan;
pub mod token_scan;

#[cfg(test)]
mod fixture_tests;
#[cfg(test)]
mod fuzz_tests;
#[cfg(test)]
mod grammar_tests;

pub use fscache::AssetCache;
pub use names::is_bad_embed_name;
pub use pathmatch::{path_match, PatternSyntaxError};
pub use resolve::{
    explain_pattern, explain_raw, explain_with, resolve, resolve_pattern, resolve_raw,
    resolve_with, BadNames, EmbedError, EmbeddedFile, MatchProblem, PatternError, PatternReport,
};
pub use scan::{scan_directives, EmbedDirective, EmbedPatternAt, EmbedScan};
