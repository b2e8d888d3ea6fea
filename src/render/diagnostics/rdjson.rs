//! reviewdog's Diagnostic Format (rdjson): one object with a `diagnostics` array.

use super::platform_suffix;
use crate::check::Diagnostic;
use serde_json::json;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            let severity = d.severity.as_str().to_ascii_uppercase();
            json!({
                "message": format!("{}{}", d.message, platform_suffix(d)),
                "location": {
                    "path": d.file,
                    "range": {
                        "start": {"line": d.line, "column": d.column},
                        "end": {"line": d.end_line, "column": d.end_column},
                    },
                },
                "severity": severity,
                "code": {"value": d.code},
            })
        })
        .collect();
    let doc = json!({"source": {"name": "gotags"}, "diagnostics": items});
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
