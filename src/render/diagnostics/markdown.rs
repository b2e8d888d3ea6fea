//! `markdown`: a findings summary fit for `$GITHUB_STEP_SUMMARY` and pull-request comments.
//! GitHub shows at most 10 error and 10 warning annotations per step; this page carries every
//! finding (up to [`MAX_ROWS`], then a count), each rule linked to its documentation.

use super::{help_uri, message_and_help, Findings};
use crate::check::Severity;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// Table rows before the rest is only counted (a step summary holds at most 1 MiB).
pub const MAX_ROWS: usize = 1000;

/// Escapes text for a table cell: `|`, backticks, `<`, and newlines.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('`', "\\`")
        .replace('<', "&lt;")
        .replace(['\r', '\n'], " ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn write(out: &mut dyn Write, findings: &Findings) -> io::Result<()> {
    let diags = findings.diags;
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let files: BTreeSet<&str> = diags.iter().map(|d| d.file.as_str()).collect();
    writeln!(out, "## gotags check\n")?;
    let mut line = if diags.is_empty() {
        "No findings".to_string()
    } else {
        format!(
            "**{}, {}, {}** in {}",
            plural(count(Severity::Error), "error", "errors"),
            plural(count(Severity::Warning), "warning", "warnings"),
            plural(count(Severity::Info), "info", "infos"),
            plural(files.len(), "file", "files"),
        )
    };
    if findings.baselined > 0 {
        line.push_str(&format!(
            " ({} recorded in the baseline not shown)",
            plural(findings.baselined, "finding", "findings")
        ));
    }
    writeln!(out, "{line}.")?;
    if diags.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n| severity | rule | where | finding |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    let mut order: Vec<usize> = (0..diags.len()).collect();
    order.sort_by_key(|&i| {
        (
            diags[i].severity,
            &diags[i].file,
            diags[i].line,
            diags[i].column,
        )
    });
    for &i in order.iter().take(MAX_ROWS) {
        let d = &diags[i];
        let text = message_and_help(d, " — help: ");
        writeln!(
            out,
            "| {} | [{}]({}) | `{}:{}:{}` | {} |",
            d.severity.as_str(),
            d.code,
            help_uri(&d.code),
            d.file.replace('`', "'"),
            d.line,
            d.column,
            cell(&text)
        )?;
    }
    if diags.len() > MAX_ROWS {
        writeln!(
            out,
            "\n…and {} more (see the SARIF or JSON output).",
            plural(diags.len() - MAX_ROWS, "finding", "findings")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::command::SourceTexts;
    use crate::check::Diagnostic;

    fn diag(severity: Severity, message: &str) -> Diagnostic {
        let f = crate::check::Finding::at("GT201", 1, 1, 1, message.into());
        Diagnostic::placed(f, severity, "a.go".into(), vec!["linux/amd64".into()])
    }

    fn render(diags: &[Diagnostic], baselined: usize) -> String {
        let texts = SourceTexts::new();
        let mut out = Vec::new();
        let f = Findings {
            diags,
            texts: &texts,
            ids: &[],
            modules: &[],
            baselined,
        };
        write(&mut out, &f).expect("in memory");
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn counts_rows_and_escapes() {
        let text = render(
            &[
                diag(Severity::Warning, "a | b\nc"),
                diag(Severity::Error, "e"),
            ],
            2,
        );
        assert!(text.contains("**1 error, 1 warning, 0 infos** in 1 file (2 findings recorded in the baseline not shown)."), "{text}");
        assert!(text.contains("a \\| b c [linux/amd64]"), "{text}");
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("| error") || l.starts_with("| warning"))
            .collect();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].starts_with("| error"), "errors first");
        let link = format!("({}#", super::super::rules_doc_url());
        assert!(rows[0].contains(&link), "{text}");
    }

    #[test]
    fn many_findings_are_counted_past_the_cap() {
        let diags = vec![diag(Severity::Info, "x"); MAX_ROWS + 3];
        let text = render(&diags, 0);
        assert!(text.contains("…and 3 findings more"), "{text}");
        assert_eq!(
            text.lines().filter(|l| l.starts_with("| info")).count(),
            MAX_ROWS
        );
        assert_eq!(render(&[], 0), "## gotags check\n\nNo findings.\n");
    }
}
