//! gotags: which Go files compile on which platform, what `//go:embed` pulls in and which
//! `//go:generate` steps run, exactly as the Go 1.23 toolchain would, without running Go.
//!
//! Data flows one way: `walk` reads every file once into `facts::FileFacts`; `context`
//! describes build configurations; `classify` and `list` evaluate configurations against the
//! facts without touching the disk (embed resolution reads asset metadata once, cached);
//! `render` formats results.

pub mod check;
pub mod classify;
pub mod config;
pub mod configs;
pub mod constraint;
pub mod context;
pub mod embed;
pub mod embed_report;
pub mod envinfo;
pub mod eval;
pub mod facts;
pub mod filename;
pub mod generate;
pub mod go;
pub mod goenv;
pub mod list;
pub mod lsp;
pub mod matrix;
pub mod modpath;
pub mod packages;
pub mod platform;
pub mod render;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod toolchain;
pub mod walk;
