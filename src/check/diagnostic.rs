//! The finding every rule produces and every output format prints.

use crate::go::lines::LineIndex;
use serde::Serialize;
use std::borrow::Cow;

/// How serious a finding is. `Error` findings make `gotags check` exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// What a rule reports about one place in one file (positions 1-based, columns in bytes,
/// `end_column` exclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// Most rules' help is fixed text: borrowed, it costs no allocation per finding.
    pub help: Option<Cow<'static, str>>,
    /// Indexes into the run's platform list that trip the rule; `None` when the finding
    /// does not depend on the platform.
    pub platforms: Option<Vec<usize>>,
}

impl Finding {
    /// A finding spanning `len` bytes from `line:column`.
    pub fn at(code: &'static str, line: u32, column: u32, len: u32, message: String) -> Finding {
        Finding {
            code,
            message,
            line,
            column,
            end_line: line,
            end_column: column + len.max(1),
            help: None,
            platforms: None,
        }
    }

    /// A finding about a whole file (its name, its place in the matrix): 1:1, one column.
    pub fn whole_file(code: &'static str, message: String) -> Finding {
        Finding::at(code, 1, 1, 1, message)
    }

    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// The finding tripped only on these platforms (indexes into the run's list).
    pub fn on(mut self, platforms: Vec<usize>) -> Finding {
        self.platforms = Some(platforms);
        self
    }
}

/// A finding placed in a file, ready to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    /// The file as shown (relative to the working directory when inside it).
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Cow<'static, str>>,
    /// Platforms that trip it (`goos/goarch` or `goos/goarch cgo`); empty when it does not
    /// depend on the platform.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<String>,
    /// The module path of the file's module, when the run covered several modules
    /// (`--all-modules`, a workspace); `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// The span in the file's bytes, with the columns editors count; `None` when the file
    /// (or that much of it) could not be read, or the finding is not about a file.
    #[serde(flatten)]
    pub offsets: Option<Offsets>,
}

/// A diagnostic's span as byte offsets into its file (0-based, end exclusive) and UTF-16
/// columns (1-based, as the language server protocol counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Offsets {
    pub offset: usize,
    pub end_offset: usize,
    pub utf16_column: u32,
    pub end_utf16_column: u32,
}

impl Diagnostic {
    /// `x` placed in the file shown as `file`, tripped on `platforms` (labels).
    pub fn placed(x: Finding, severity: Severity, file: String, platforms: Vec<String>) -> Self {
        Diagnostic {
            code: x.code.to_string(),
            severity,
            message: x.message,
            file,
            line: x.line,
            column: x.column,
            end_line: x.end_line,
            end_column: x.end_column,
            help: x.help,
            platforms,
            module: None,
            offsets: None,
        }
    }

    /// Fills [`Diagnostic::offsets`] from the file's bytes `src` (read at least as far as
    /// the span); a position past them, or past the end of its line, leaves it unset.
    pub fn locate(&mut self, src: &[u8], index: &LineIndex) {
        let at = |line: u32, column: u32| {
            let off = index.offset(line, column)?;
            let p = index.position(src, off);
            (p.line == line).then_some((off, p.utf16_column))
        };
        self.offsets = at(self.line, self.column)
            .zip(at(self.end_line, self.end_column))
            .map(
                |((offset, utf16_column), (end_offset, end_utf16_column))| Offsets {
                    offset,
                    end_offset,
                    utf16_column,
                    end_utf16_column,
                },
            );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_bytes_and_utf16_units_after_non_ascii_text() {
        let src = "package p\n\nvar s = 1 // é 😀 x\n".as_bytes();
        let f = Finding::at("GT000", 3, 22, 1, String::new());
        let mut d = Diagnostic::placed(f, Severity::Info, "a.go".into(), Vec::new());
        d.locate(src, &LineIndex::new(src));
        let want = Offsets {
            offset: 32,
            end_offset: 33,
            utf16_column: 19,
            end_utf16_column: 20,
        };
        assert_eq!(d.offsets, Some(want));
        assert_eq!(&src[32..33], b"x");
        let json = serde_json::to_value(&d).expect("json");
        assert_eq!(
            (json["offset"].as_u64(), json["utf16_column"].as_u64()),
            (Some(32), Some(19))
        );
        // Past the bytes read (a cut snippet), or past the line's end: no offsets.
        d.locate(&src[..20], &LineIndex::new(&src[..20]));
        assert_eq!(d.offsets, None);
        d.end_column = 40;
        d.locate(src, &LineIndex::new(src));
        assert_eq!(d.offsets, None);
    }
}
