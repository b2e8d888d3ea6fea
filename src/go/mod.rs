//! Go's own rules, with no I/O and nothing from above: what each Go release knows, character
//! classes, the one scanner, the keyword table, literal values, line positions, and go/build's
//! header byte reader.
//!
//! * [`release`] — per-release tables (ports, known names, experiments, feature levels, tags);
//! * [`unicode`] — `IsLetter`/`IsDigit`/`IsSpace` tables and Go's UTF-8 decoding;
//! * [`token`] — keywords, operators and predeclared names;
//! * [`scanner`] — go/scanner's tokens, semicolon insertion and error messages;
//! * [`literal`] — `strconv.Unquote`;
//! * [`lines`] — byte offsets to line, byte column and UTF-16 column;
//! * [`reader`] — how many bytes go/build reads as a file's header;
//! * [`build_mode`] — cmd/go's choice between module and vendor mode.

pub mod build_mode;
pub mod import_path;
pub mod lines;
pub mod literal;
pub mod reader;
pub mod release;
pub mod scanner;
pub mod token;
pub mod unicode;
