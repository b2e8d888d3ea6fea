//! Output formats for `gotags check` findings. Each format is a pure function from the
//! diagnostics (and, for `full`, the files' text) to bytes on a writer.

pub mod checkstyle;
pub mod concise;
pub mod full;
pub mod github;
pub mod json;
pub mod rdjson;
pub mod sarif;

use crate::check::Diagnostic;
use std::io::{self, Write};

/// The formats `--format` and `--output FMT:FILE` accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Full,
    Concise,
    Json,
    JsonLines,
    Sarif,
    Github,
    Rdjson,
    Checkstyle,
}

impl Format {
    pub const NAMES: &'static [&'static str] = &[
        "full",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "github",
        "rdjson",
        "checkstyle",
    ];

    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "full" => Format::Full,
            "concise" => Format::Concise,
            "json" => Format::Json,
            "json-lines" => Format::JsonLines,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            "rdjson" => Format::Rdjson,
            "checkstyle" => Format::Checkstyle,
            _ => return None,
        })
    }
}

/// Writes `diags` in `format`. `color` only affects `full`, which shows snippets of `texts`
/// (the files' text as the check command read it).
pub fn write(
    out: &mut dyn Write,
    format: Format,
    diags: &[Diagnostic],
    color: bool,
    texts: &crate::check::command::SourceTexts,
) -> io::Result<()> {
    match format {
        Format::Full => full::write(out, diags, color, texts),
        Format::Concise => concise::write(out, diags),
        Format::Json => json::write(out, diags),
        Format::JsonLines => json::write_lines(out, diags),
        Format::Sarif => sarif::write(out, diags),
        Format::Github => github::write(out, diags),
        Format::Rdjson => rdjson::write(out, diags),
        Format::Checkstyle => checkstyle::write(out, diags),
    }
}

/// `" [linux/amd64, windows/amd64]"` when the finding lists platforms, else "".
pub fn platform_suffix(d: &Diagnostic) -> String {
    if d.platforms.is_empty() {
        return String::new();
    }
    const SHOWN: usize = 6;
    let mut list: Vec<&str> = d.platforms.iter().take(SHOWN).map(String::as_str).collect();
    let more = d.platforms.len().saturating_sub(SHOWN);
    let extra = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    list.sort_unstable();
    format!(" [{}{extra}]", list.join(", "))
}
