//! GT409 `embed-initialised`: a `//go:embed` declaration the compiler rejects. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::syntax::embed::EmbedTarget;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT409",
        name: "embed-initialised",
        severity: Severity::Error,
        finds: "A `//go:embed` variable with an initializer (`var s string = \"x\"`).",
        why: "The compiler rejects it: `go:embed cannot apply to var with initializer`.",
        example: "//go:embed a.txt\nvar s = \"default\"",
        fix: "Drop the initializer; the embedded content is the value.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::embed_site_rule(input, RULE.info.code, out, |t| match t {
        EmbedTarget::Var { has_init: true, .. } => Some((
            "go:embed cannot apply to var with initializer".into(),
            "remove the initializer",
        )),
        _ => None,
    });
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT409", &[("a.go", "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar s string = \"x\"\n\nvar _ embed.FS\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT409", &[("a.go", "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar s string\n\n//go:embed a.txt b.txt\nvar f embed.FS\n"), ("a.txt", "x"), ("b.txt", "y")]).is_empty());
    }
}
