//! GT303 `unused-generate-alias`: a `-command` alias no directive uses. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT303",
        name: "unused-generate-alias",
        severity: Severity::Warning,
        finds: "A `//go:generate -command NAME …` alias that no later directive in the same file uses.",
        why: "Aliases are file-scoped: an alias meant for another file of the package does nothing there, and that file runs `NAME` as a program instead.",
        example: "package p\n\n//go:generate -command yacc go tool yacc\n//go:generate go tool yacc -o expr.go expr.y\n",
        fix: "Use the alias (`//go:generate yacc -o expr.go expr.y`), define it in the file that uses it, or delete it.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(first) = input.generate.first() else {
        return;
    };
    let plan = &first.plan;
    for a in &plan.aliases {
        let used = plan.steps.iter().any(|s| s.alias.as_ref() == Some(&a.name))
            || plan.early_uses.iter().any(|(_, n)| n == &a.name);
        let name = String::from_utf8_lossy(&a.name);
        if !used {
            out.push(
                Finding::at(
                    RULE.info.code,
                    a.line,
                    1,
                    13,
                    format!("-command alias `{name}` is never used in this file"),
                )
                .help("aliases only apply to later directives of the same file"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let src = "package p\n\n//go:generate -command gen echo x\n//go:generate echo y\n";
        let got = run("GT303", &[("a.go", src)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, 3);
    }

    #[test]
    fn does_not_trigger() {
        let src = "package p\n\n//go:generate -command gen echo x\n//go:generate gen y\n";
        assert!(run("GT303", &[("a.go", src)]).is_empty());
    }
}
