//! Checkstyle XML (version 4.3), grouped by file.

use super::platform_suffix;
use crate::check::Diagnostic;
use std::io::{self, Write};

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn write(out: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<checkstyle version=\"4.3\">")?;
    for in_file in diags.chunk_by(|a, b| a.file == b.file) {
        writeln!(out, "  <file name=\"{}\">", xml_escape(&in_file[0].file))?;
        for d in in_file {
            let severity = d.severity.as_str();
            writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"gotags.{}\"/>",
                d.line,
                d.column,
                xml_escape(&format!("{}{}", d.message, platform_suffix(d))),
                d.code
            )?;
        }
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}
