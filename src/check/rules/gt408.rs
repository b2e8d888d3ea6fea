//! GT408 `embed-multiple-into-string`: several files embedded into a string or []byte.
//! See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::syntax::embed::EmbedTarget;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT408",
        name: "embed-multiple-into-string",
        severity: Severity::Error,
        finds:
            "A `string` or `[]byte` variable whose `//go:embed` patterns match more than one file.",
        why: "The compiler rejects it: `invalid go:embed: multiple files for type string`.",
        example: "-- p.go --\npackage p\n\nimport _ \"embed\"\n\n//go:embed *.txt\nvar s string\n-- a.txt --\na\n-- b.txt --\nb\n",
        fix: "Embed one file, or use an embed.FS.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let reports = super::embed_reports(input);
    for s in super::embed_sites(input) {
        let EmbedTarget::Var { type_text, .. } = &s.target else {
            continue;
        };
        if !matches!(type_text.as_str(), "string" | "[]byte" | "[]uint8") {
            continue;
        }
        let mut files: Vec<&str> = reports
            .iter()
            .filter(|(p, _)| p.line == s.line)
            .filter_map(|(_, r)| r.as_ref().ok())
            .flat_map(|r| r.files.iter().map(|f| f.rel.as_str()))
            .collect();
        files.sort_unstable();
        files.dedup();
        if files.len() > 1 {
            out.push(
                super::on_site(
                    RULE.info.code,
                    s,
                    format!(
                        "invalid go:embed: multiple files for type {type_text} ({} files: {})",
                        files.len(),
                        files.iter().take(3).copied().collect::<Vec<_>>().join(", ")
                    ),
                )
                .help("embed a single file, or use embed.FS"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    const SRC: &str = "package p\n\nimport _ \"embed\"\n\n//go:embed *.txt\nvar s string\n";

    #[test]
    fn triggers() {
        let got = run("GT408", &[("a.go", SRC), ("a.txt", "x"), ("b.txt", "y")]);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT408", &[("a.go", SRC), ("a.txt", "x")]).is_empty());
    }
}
