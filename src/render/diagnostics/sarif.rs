//! SARIF 2.1.0 for GitHub code scanning: one run, the rules of the registry as
//! `tool.driver.rules`, one result per finding with a physical location.

use super::platform_suffix;
use crate::check::{registry, Diagnostic, Severity};
use serde_json::json;
use std::io::{self, Write};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF document as a JSON value.
pub fn document(diags: &[Diagnostic]) -> serde_json::Value {
    let rules: Vec<serde_json::Value> = registry::RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.info.code,
                "name": r.info.name,
                "shortDescription": {"text": r.info.finds},
                "fullDescription": {"text": format!("{} {}", r.info.finds, r.info.why)},
                "help": {"text": r.info.fix},
                "defaultConfiguration": {"level": level(r.info.severity)},
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            let mut text = format!("{}{}", d.message, platform_suffix(d));
            if let Some(h) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(h);
            }
            let mut r = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&d.file)},
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column,
                        },
                    },
                }],
            });
            if let Some(i) = registry::RULES.iter().position(|x| x.info.code == d.code) {
                r["ruleIndex"] = json!(i);
            }
            // SARIF's level vocabulary says `note`; gotags' own word rides along.
            r["properties"] = json!({"severity": d.severity.as_str()});
            if !d.platforms.is_empty() {
                r["properties"]["platforms"] = json!(d.platforms);
            }
            r
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "gotags",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

/// A relative path as a URI reference (percent-encoding what URIs cannot hold).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn write(out: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(diags))?;
    writeln!(out)
}
