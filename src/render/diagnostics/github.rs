//! GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.

use crate::check::{Diagnostic, Severity};
use std::io::{self, Write};

/// Escapes a message (`%`, CR, LF) as the runner expects.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(out: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let message = super::message_and_help(d, "\nhelp: ");
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&d.file),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            escape_property(&format!("gotags {} ({})", d.code, d.severity.as_str())),
            escape_data(&message)
        )?;
    }
    Ok(())
}
