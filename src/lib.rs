//! gotags: which Go files compile on which platform and Go release, what `//go:embed` pulls
//! in and which `//go:generate` steps run, exactly as the Go toolchain would, without running
//! Go.
//!
//! The layers, whose imports point one way:
//! - [`go`]: Go's own rules and per-release tables (no I/O): the scanner, keywords, Unicode
//!   classes, literals, line index, go/build's header reader, [`go::release`].
//! - [`syntax`]: plain data from bytes over that one scanner: package clause and imports,
//!   constraint lines, embed and generate directives, top-level declarations.
//! - [`source`] and [`facts`]: a [`source::Source`] (the [`source::Disk`], or an
//!   [`source::Overlay`] of editor buffers) and [`facts::FileFacts`] built from its bytes;
//!   [`walk`] reads a module through a Source once.
//! - [`configs`], [`context`], [`classify`]: one configuration model, evaluated per file.
//! - Commands that return data: [`list`], [`matrix`], [`embed_report`], [`generate`],
//!   [`check`], [`packages`] (go's package patterns and go.work).
//! - Front ends: [`render`], the `gotags` binary's `cli`, and the [`lsp`] server.
//!
//! # Load a module from a Source and list it for one platform
//!
//! Everything below runs on in-memory buffers: an [`source::Overlay`] over a directory
//! that does not exist on disk.
//!
//! ```
//! use gotags::context::BuildContext;
//! use gotags::embed::AssetCache;
//! use gotags::facts::ReadDepth;
//! use gotags::list::{self, ListOptions};
//! use gotags::source::{Disk, Overlay};
//! use gotags::walk;
//! use std::path::Path;
//!
//! let root = Path::new("/nonexistent/gotags-doc/m");
//! let mut buffers = Overlay::new(Disk);
//! buffers.set(root.join("go.mod"), b"module example.com/m\n\ngo 1.23\n".to_vec());
//! buffers.set(root.join("f_linux.go"), b"package m\n".to_vec());
//! buffers.set(root.join("f_windows.go"), b"package m\n".to_vec());
//! buffers.set(root.join("cgo.go"), b"//go:build cgo\n\npackage m\n".to_vec());
//!
//! let module = walk::find_module_in(&buffers, root)?;
//! let (dirs, problems) = walk::walk_in(&buffers, &module, root, ReadDepth::Header);
//! assert!(problems.is_empty());
//!
//! let linux = BuildContext::for_port("linux", "amd64", false, &[])?;
//! let pkgs = list::list(&module, &dirs, &linux, &AssetCache::new(), root, ListOptions::default());
//! assert_eq!(pkgs[0].import_path, "example.com/m");
//! assert_eq!(pkgs[0].go_files, ["f_linux.go"]);
//! assert_eq!(pkgs[0].ignored_go_files, ["cgo.go", "f_windows.go"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Evaluate a constraint under a configuration
//!
//! ```
//! use gotags::context::BuildContext;
//!
//! let darwin = BuildContext::for_port("darwin", "arm64", true, &["integration".to_string()])?;
//! assert!(gotags::eval::evaluate("//go:build unix && integration", &darwin)?);
//! assert!(!gotags::eval::evaluate("linux || (windows && !cgo)", &darwin)?);
//! let err = gotags::eval::evaluate("linux &&& amd64", &darwin).unwrap_err();
//! assert_eq!(err.offset, 8);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Run the checks on unsaved buffers
//!
//! [`check::command::run_in`] takes any shared Source, which is how the language server checks
//! what the editor shows rather than what is saved.
//!
//! ```
//! use gotags::check::command::{self, CheckOptions};
//! use gotags::source::{Disk, Overlay};
//! use std::path::Path;
//! use std::sync::Arc;
//!
//! let root = Path::new("/nonexistent/gotags-doc/c");
//! let mut buffers = Overlay::new(Disk);
//! buffers.set(root.join("go.mod"), b"module example.com/c\n\ngo 1.23\n".to_vec());
//! buffers.set(root.join("a.go"), b"//go:build linx\n\npackage c\n".to_vec());
//! buffers.set(root.join("b.go"), b"package c\n".to_vec());
//!
//! let opts = CheckOptions {
//!     platforms: Some("linux/amd64,windows/amd64".into()),
//!     select: vec!["GT201".into()],
//!     ..CheckOptions::default()
//! };
//! let report = command::run_in(Arc::new(buffers), &opts, root)?;
//! let found: Vec<(&str, &str, u32)> = report
//!     .diagnostics
//!     .iter()
//!     .map(|d| (d.code.as_str(), d.file.as_str(), d.line))
//!     .collect();
//! assert_eq!(found, [("GT201", "a.go", 1)]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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
pub mod hashing;
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
pub mod versioned_text;
pub mod walk;
