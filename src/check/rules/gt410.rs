//! GT410 `embed-in-func`: a `//go:embed` declaration the compiler rejects. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::syntax::embed::EmbedTarget;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT410",
        name: "embed-in-func",
        severity: Severity::Error,
        finds: "A `//go:embed` directive on a variable declared inside a function.",
        why: "The compiler rejects it: `go:embed cannot apply to var inside func`.",
        example: "func f() {\n\t//go:embed a.txt\n\tvar s string\n}",
        fix: "Move the variable to package level.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::embed_site_rule(input, RULE.info.code, out, |t| match t {
        EmbedTarget::VarInFunc => Some((
            "go:embed cannot apply to var inside func".into(),
            "declare the variable at package level",
        )),
        _ => None,
    });
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT410", &[("a.go", "package p\n\nimport \"embed\"\n\nfunc f() {\n\t//go:embed a.txt\n\tvar s string\n\t_ = s\n}\n\nvar _ embed.FS\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT410", &[("a.go", "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar s string\n\n//go:embed a.txt b.txt\nvar f embed.FS\n"), ("a.txt", "x"), ("b.txt", "y")]).is_empty());
    }
}
