//! GT406 `embed-without-import`: a `//go:embed` declaration the compiler rejects. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT406",
        name: "embed-without-import",
        severity: Severity::Error,
        finds: "A `//go:embed` directive in a file that does not import `\"embed\"`.",
        why: "The compiler rejects it (`go:embed only allowed in Go files that import \"embed\"`), and go list does not even record its patterns.",
        example: "//go:embed a.txt\nvar s string   // no import \"embed\"",
        fix: "Add `import _ \"embed\"` (blank import suffices for string and []byte).",
    },
    check: Check::File(check),
    fix: Some(crate::check::fix::Fix {
        title: "Add import _ \"embed\"",
        safe: true,
        edits: add_embed_import,
    }),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let imports = input
        .header()
        .is_some_and(|h| h.imports.iter().any(|i| i.path == "embed"));
    if imports {
        return;
    }
    if let Some(s) = super::embed_sites(input).first() {
        out.push(
            super::on_site(
                RULE.info.code,
                s,
                "go:embed only allowed in Go files that import \"embed\"".into(),
            )
            .help("add `import _ \"embed\"`"),
        );
    }
}

/// Inserts `import _ "embed"` after the package clause.
fn add_embed_import(site: &crate::check::fix::FixSite) -> Option<Vec<crate::check::fix::Edit>> {
    let mut start = 0usize;
    for line in site.src.split(|&b| b == b'\n') {
        let end = start + line.len();
        if line.starts_with(b"package ") {
            let at = (end + 1).min(site.src.len());
            let nl = if end == site.src.len() { "\n" } else { "" };
            return Some(vec![crate::check::fix::Edit {
                start: at,
                end: at,
                text: format!("{nl}\nimport _ \"embed\"\n"),
            }]);
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT406",
            &[("a.go", "package p\n\n//go:embed a.txt\nvar s string\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT406", &[("a.go", "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar s string\n\n//go:embed a.txt b.txt\nvar f embed.FS\n"), ("a.txt", "x"), ("b.txt", "y")]).is_empty());
    }
}
