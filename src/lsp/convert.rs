//! Conversions between gotags' data and LSP's: paths and URIs, findings to LSP diagnostics
//! (UTF-16 ranges over the file's current text), byte edits to text edits.

use super::text::range_in;
use crate::check::fix::Edit;
use crate::check::{Diagnostic, Severity};
use crate::go::lines::LineIndex;
use lsp_types::{self as lt, NumberOrString, Uri};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The file path of a `file:` URI.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// The `file:` URI of a path.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let u = url::Url::from_file_path(path).ok()?;
    Uri::from_str(u.as_str()).ok()
}

/// A text and its line index, for position conversion.
pub struct Text<'a> {
    pub src: &'a [u8],
    pub index: &'a LineIndex,
}

/// One finding as an LSP diagnostic.
pub fn diagnostic(d: &Diagnostic, t: &Text) -> lt::Diagnostic {
    let mut message = d.message.clone();
    if !d.platforms.is_empty() {
        let shown: Vec<&str> = d.platforms.iter().take(8).map(String::as_str).collect();
        message.push_str(&format!("\non: {}", shown.join(", ")));
        if d.platforms.len() > 8 {
            message.push_str(&format!(" and {} more", d.platforms.len() - 8));
        }
    }
    if let Some(h) = &d.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    lt::Diagnostic {
        range: range_in(t.src, t.index, d.line, d.column, d.end_line, d.end_column),
        severity: Some(match d.severity {
            Severity::Error => lt::DiagnosticSeverity::ERROR,
            Severity::Warning => lt::DiagnosticSeverity::WARNING,
            Severity::Info => lt::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.clone())),
        source: Some("gotags".into()),
        message,
        ..lt::Diagnostic::default()
    }
}

/// Byte edits as LSP text edits over `t`.
pub fn text_edits(edits: &[Edit], t: &Text) -> Vec<lt::TextEdit> {
    edits
        .iter()
        .map(|e| lt::TextEdit {
            range: lt::Range::new(
                super::text::position_in(t.src, t.index, e.start),
                super::text::position_in(t.src, t.index, e.end),
            ),
            new_text: e.text.clone(),
        })
        .collect()
}
