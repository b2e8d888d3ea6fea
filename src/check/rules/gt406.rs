//! GT406 `embed-without-import`: a `//go:embed` declaration the compiler rejects. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
#[allow(unused_imports)]
use crate::syntax::embed::EmbedTarget;

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
            Finding::at(
                RULE.info.code,
                s.line,
                s.column,
                10,
                "go:embed only allowed in Go files that import \"embed\"".into(),
            )
            .help("add `import _ \"embed\"`"),
        );
    }
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
