//! `json` (one array) and `json-lines` (one object per line) with the `Diagnostic` fields.

use crate::check::Diagnostic;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, diags)?;
    writeln!(out)
}

pub fn write_lines(out: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    for d in diags {
        serde_json::to_writer(&mut *out, d)?;
        writeln!(out)?;
    }
    Ok(())
}
