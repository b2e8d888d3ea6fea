//! The default `full` format: codespan-reporting diagnostics with the source line, a label
//! under the span, the platforms and the help line. Colour only when asked (the caller
//! decides: a terminal and no `NO_COLOR`). The source text comes with the findings
//! ([`SourceTexts`]); nothing is read here.

use crate::check::command::SourceTexts;
use crate::check::{Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use std::collections::HashMap;
use std::io::{self, Write};

/// Byte offset of a 1-based line:column in `text` (clamped to the text).
fn offset(text: &str, line: u32, column: u32) -> usize {
    let mut off = 0usize;
    for _ in 1..line {
        match text[off..].find('\n') {
            Some(i) => off += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[off..].find('\n').map_or(text.len(), |i| off + i);
    let mut at = (off + column.saturating_sub(1) as usize).min(line_end);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub fn write(
    out: &mut dyn Write,
    diags: &[Diagnostic],
    color: bool,
    texts: &SourceTexts,
) -> io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let config = term::Config::default();
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let mut errors = 0;
    let mut warnings = 0;
    for d in diags {
        let id = *ids.entry(d.file.as_str()).or_insert_with(|| {
            // Only the snippet needs the text; a file without one shows no snippet.
            let text = texts.get(&d.file).cloned().unwrap_or_default();
            files.add(d.file.clone(), text)
        });
        let text = files
            .get(id)
            .map(|f| f.source().clone())
            .unwrap_or_default();
        let start = offset(&text, d.line, d.column);
        let mut end = offset(&text, d.end_line, d.end_column).max(start);
        if end == start && start < text.len() {
            end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        let base = match d.severity {
            Severity::Error => {
                errors += 1;
                CsDiagnostic::error()
            }
            Severity::Warning => {
                warnings += 1;
                CsDiagnostic::warning()
            }
            Severity::Info => CsDiagnostic::note(),
        };
        let mut notes = Vec::new();
        if !d.platforms.is_empty() {
            notes.push(format!("on: {}", d.platforms.join(", ")));
        }
        if let Some(h) = &d.help {
            notes.push(format!("help: {h}"));
        }
        let label = if text.is_empty() {
            Vec::new()
        } else {
            vec![Label::primary(id, start..end)]
        };
        let cs = base
            .with_code(d.code.clone())
            .with_message(d.message.clone())
            .with_labels(label)
            .with_notes(notes);
        term::emit(&mut buffer, &config, &files, &cs)
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    out.write_all(buffer.as_slice())?;
    if !diags.is_empty() {
        writeln!(
            out,
            "gotags: {} finding{} ({errors} error{}, {warnings} warning{})",
            diags.len(),
            if diags.len() == 1 { "" } else { "s" },
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}
