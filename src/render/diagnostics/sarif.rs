//! SARIF 2.1.0 for GitHub code scanning: one run per checked module, each with its own
//! `automationDetails.id` (`gotags/check/<module path>/`: GitHub takes everything before the
//! last `/` as the analysis category, so each module's alerts are tracked on their own), the
//! rules of the registry as `tool.driver.rules` (with `helpUri` into `docs/rules.md`), and
//! one result per finding with a physical location and `partialFingerprints` that do not move
//! with line numbers ([`crate::check::baseline`] says what they hash).

use super::{help_uri, message_and_help, uri_path, Findings};
use crate::check::{registry, Diagnostic, Severity};
use serde_json::json;
use std::io::{self, Write};

/// The `partialFingerprints` key gotags' fingerprints are stored under.
pub const FINGERPRINT_KEY: &str = "gotags/v1";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rules() -> Vec<serde_json::Value> {
    registry::RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.info.code,
                "name": r.info.name,
                "shortDescription": {"text": r.info.finds},
                "fullDescription": {"text": format!("{} {}", r.info.finds, r.info.why)},
                "help": {
                    "text": r.info.fix,
                    "markdown": format!("{}\n\n[{} documentation]({})", r.info.fix, r.info.code, help_uri(r.info.code)),
                },
                "helpUri": help_uri(r.info.code),
                "defaultConfiguration": {"level": level(r.info.severity)},
                "properties": {"severity": r.info.severity.as_str()},
            })
        })
        .collect()
}

fn result(d: &Diagnostic, fingerprint: Option<&str>) -> serde_json::Value {
    let text = message_and_help(d, "\nhelp: ");
    let mut r = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri_path(&d.file), "uriBaseId": "%SRCROOT%"},
                "region": {
                    "startLine": d.line.max(1),
                    "startColumn": d.column.max(1),
                    "endLine": d.end_line.max(d.line).max(1),
                    "endColumn": d.end_column.max(1),
                },
            },
        }],
    });
    if let Some(i) = registry::RULES.iter().position(|x| x.info.code == d.code) {
        r["ruleIndex"] = json!(i);
    }
    if let Some(fp) = fingerprint {
        r["partialFingerprints"] = json!({ FINGERPRINT_KEY: fp });
    }
    // SARIF's level vocabulary says `note`; gotags' own word rides along.
    r["properties"] = json!({"severity": d.severity.as_str()});
    if !d.platforms.is_empty() {
        r["properties"]["platforms"] = json!(d.platforms);
    }
    r
}

fn run(module: Option<&str>, results: Vec<serde_json::Value>) -> serde_json::Value {
    let mut run = json!({
        "tool": {"driver": {
            "name": "gotags",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": super::rules_doc_url(),
            "rules": rules(),
        }},
        "results": results,
    });
    if let Some(path) = module {
        run["automationDetails"] = json!({"id": format!("gotags/check/{path}/")});
        run["properties"] = json!({"module": path});
    }
    // gotags counts columns in bytes; SARIF's choices are UTF-16 code units or Unicode code
    // points. They agree on ASCII lines, which build lines are.
    run["columnKind"] = json!("unicodeCodePoints");
    run
}

/// The SARIF document as a JSON value: one run per module of `findings.modules` (findings
/// outside every module, such as run-scope ones about the command line, go to the first), or
/// one run without automation details when no module is named.
pub fn document(findings: &Findings) -> serde_json::Value {
    let n = findings.modules.len().max(1);
    let mut per_run: Vec<Vec<serde_json::Value>> = vec![Vec::new(); n];
    for (i, d) in findings.diags.iter().enumerate() {
        let id = findings.ids.get(i);
        let at = id.and_then(|id| id.module).filter(|&m| m < n).unwrap_or(0);
        per_run[at].push(result(d, id.map(|id| id.fingerprint.as_str())));
    }
    let runs: Vec<serde_json::Value> = per_run
        .into_iter()
        .enumerate()
        .map(|(i, results)| run(findings.modules.get(i).map(|m| m.path.as_str()), results))
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": runs,
    })
}

pub fn write(out: &mut dyn Write, findings: &Findings) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(findings))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::baseline::{CheckedModule, Identity};
    use crate::check::command::SourceTexts;
    use std::path::PathBuf;

    fn diag(code: &'static str, file: &str) -> Diagnostic {
        let f = crate::check::Finding::at(code, 3, 1, 3, "m".into());
        Diagnostic::placed(f, Severity::Info, file.into(), Vec::new())
    }

    #[test]
    fn one_run_per_module_with_fingerprints_and_help_uris() {
        let modules = vec![
            CheckedModule {
                path: "example.com/a".into(),
                root: PathBuf::from("/w/a"),
                go: None,
            },
            CheckedModule {
                path: "example.com/b".into(),
                root: PathBuf::from("/w/b"),
                go: None,
            },
        ];
        let diags = vec![diag("GT201", "a/x.go"), diag("GT101", "b/y.go")];
        let ids = vec![
            Identity {
                fingerprint: "00000000000000aa".into(),
                module: Some(0),
            },
            Identity {
                fingerprint: "00000000000000bb".into(),
                module: Some(1),
            },
        ];
        let texts = SourceTexts::new();
        let doc = document(&Findings {
            diags: &diags,
            texts: &texts,
            ids: &ids,
            modules: &modules,
            baselined: 0,
        });
        let runs = doc["runs"].as_array().cloned().unwrap_or_default();
        assert_eq!(runs.len(), 2);
        assert_eq!(
            runs[1]["automationDetails"]["id"],
            "gotags/check/example.com/b/"
        );
        assert_eq!(runs[1]["results"][0]["ruleId"], "GT101");
        assert_eq!(
            runs[1]["results"][0]["partialFingerprints"][FINGERPRINT_KEY],
            "00000000000000bb"
        );
        assert_eq!(runs[0]["results"][0]["level"], "note");
        let rule = &runs[0]["tool"]["driver"]["rules"][0];
        assert_eq!(
            rule["helpUri"],
            help_uri(rule["id"].as_str().unwrap_or_default())
        );
        assert!(rule["helpUri"]
            .as_str()
            .is_some_and(|u| u.ends_with("#gt101")));
        // Unless the build names a published copy, the link is the page in this source tree.
        let info = runs[0]["tool"]["driver"]["informationUri"].as_str();
        if option_env!("GOTAGS_RULES_DOC_URL").is_none() {
            let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
            assert!(page.is_file());
            assert!(
                info.is_some_and(|u| u.starts_with("file:///") && u.ends_with("/docs/rules.md"))
            );
        }
    }
}
