//! GT405 `embed-misplaced`: a `//go:embed` declaration the compiler rejects. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::syntax::embed::EmbedTarget;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT405",
        name: "embed-misplaced",
        severity: Severity::Error,
        finds: "A `//go:embed` comment not directly followed by a package-level `var` declaration (only comments and blank lines may come between): before `func`, `const`, `type`, or a `var (` group.",
        why: "The compiler rejects it: `misplaced go:embed directive`.",
        example: "//go:embed a.txt\nfunc f() {}",
        fix: "Put the directive right above the `var` it fills (inside a `var ( … )` group, above the spec).",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::embed_site_rule(input, RULE.info.code, out, |t| {
        let what = match t {
            EmbedTarget::Other(word) if word.is_empty() => "no declaration follows".to_string(),
            EmbedTarget::BeforeGroup => "followed by `var`, not a var declaration".to_string(),
            EmbedTarget::Other(word) => format!("followed by `{word}`, not a var declaration"),
            _ => return None,
        };
        Some((
            format!("misplaced go:embed directive: {what}"),
            "put the directive right above a package-level var",
        ))
    });
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT405", &[("a.go", "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nfunc f() {}\n\nvar _ embed.FS\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT405", &[("a.go", "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar s string\n\n//go:embed a.txt b.txt\nvar f embed.FS\n"), ("a.txt", "x"), ("b.txt", "y")]).is_empty());
    }
}
