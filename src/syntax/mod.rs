//! What Go source bytes say, as plain data, over the one scanner in [`crate::go`]: each
//! module is `fn(&[u8]) -> data`, with no I/O.
//!
//! * [`header`] — the package clause and imports, with go/parser's error messages;
//! * [`constraints`] — which `//go:build` / `// +build` lines count, and [`constraints::deciding`];
//! * [`comments`] — vet's constraint-comment areas, `//gotags:ignore`, directive comments;
//! * [`embed`] — the declaration a `//go:embed` directive precedes;
//! * [`generate`] — `//go:generate` lines as `go generate` reads them;
//! * [`decls`] — top-level declarations and the names a file uses.

pub mod comments;
pub mod constraints;
pub mod decls;
pub mod embed;
pub mod generate;
pub mod header;
pub mod names;
