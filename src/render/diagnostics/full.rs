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
    // The files borrow the texts: a copy of every snippet text would double what the
    // report already holds.
    let mut files: SimpleFiles<&str, &str> = SimpleFiles::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let config = term::Config::default();
    let new_buffer = || {
        if color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        }
    };
    for d in diags {
        let id = *ids.entry(d.file.as_str()).or_insert_with(|| {
            // Only the snippet needs the text; a file without one shows no snippet.
            let text = texts.get(&d.file).map_or("", String::as_str);
            files.add(d.file.as_str(), text)
        });
        let text = files.get(id).map_or("", |f| *f.source());
        let start = offset(text, d.line, d.column);
        let mut end = offset(text, d.end_line, d.end_column).max(start);
        if end == start && start < text.len() {
            end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        let base = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
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
        let mut buffer = new_buffer();
        term::emit(&mut buffer, &config, &files, &cs)
            .map_err(|e| io::Error::other(e.to_string()))?;
        let bytes = buffer.as_slice();
        // codespan calls the lowest level `note`; gotags calls it `info` everywhere.
        match (d.severity, memchr::memmem::find(bytes, b"note[")) {
            (Severity::Info, Some(at)) => {
                out.write_all(&bytes[..at])?;
                out.write_all(b"info")?;
                out.write_all(&bytes[at + 4..])?;
            }
            _ => out.write_all(bytes)?,
        }
    }
    if !diags.is_empty() {
        let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        let summary = summary(diags.len(), errors, warnings, count(Severity::Info));
        writeln!(out, "{summary}")?;
    }
    Ok(())
}

/// The closing line: every severity counted.
fn summary(total: usize, errors: usize, warnings: usize, infos: usize) -> String {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "gotags: {total} finding{} ({errors} error{}, {warnings} warning{}, {infos} info{})",
        s(total),
        s(errors),
        s(warnings),
        s(infos)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_every_severity() {
        assert_eq!(
            summary(4, 1, 2, 1),
            "gotags: 4 findings (1 error, 2 warnings, 1 info)"
        );
        assert_eq!(
            summary(1, 0, 0, 1),
            "gotags: 1 finding (0 errors, 0 warnings, 1 info)"
        );
    }
}
