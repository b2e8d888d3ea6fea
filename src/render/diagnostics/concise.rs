//! `path:line:col: severity[CODE] message`: one line per finding, the shape editors'
//! quickfix lists (vim `%f:%l:%c: %m`, emacs compilation mode) and GitHub's Go problem
//! matcher parse.

use super::platform_suffix;
use crate::check::Diagnostic;
use std::io::{self, Write};

pub fn line(d: &Diagnostic) -> String {
    let message = d.message.replace('\n', " ");
    format!(
        "{}:{}:{}: {}[{}] {message}{}",
        d.file,
        d.line,
        d.column,
        d.severity.as_str(),
        d.code,
        platform_suffix(d)
    )
}

pub fn write(out: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    for d in diags {
        writeln!(out, "{}", line(d))?;
    }
    Ok(())
}
