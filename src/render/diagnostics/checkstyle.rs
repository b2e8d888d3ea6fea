//! Checkstyle XML (version 4.3), grouped by file.

use super::platform_suffix;
use crate::check::{Diagnostic, Severity};
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
    let mut i = 0;
    while i < diags.len() {
        let file = &diags[i].file;
        writeln!(out, "  <file name=\"{}\">", xml_escape(file))?;
        while i < diags.len() && &diags[i].file == file {
            let d = &diags[i];
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"gotags.{}\"/>",
                d.line,
                d.column,
                xml_escape(&format!("{}{}", d.message, platform_suffix(d))),
                d.code
            )?;
            i += 1;
        }
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}
