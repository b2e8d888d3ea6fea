//! The finding every rule produces and every output format prints.

use serde::Serialize;

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
    pub help: Option<String>,
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

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
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
    pub help: Option<String>,
    /// Platforms that trip it (`goos/goarch` or `goos/goarch cgo`); empty when it does not
    /// depend on the platform.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<String>,
    /// The module path of the file's module, when the run covered several modules
    /// (`--all-modules`, a workspace); `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
}
