//! GT304 `generate-alias-used-early`: a directive using an alias defined later. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT304",
        name: "generate-alias-used-early",
        severity: Severity::Warning,
        finds: "A `//go:generate NAME …` line above the `-command NAME` line that defines the alias.",
        why: "Directives run top to bottom: at that line the alias does not exist yet, so `go generate` runs a program called NAME instead.",
        example: "package p\n\n//go:generate gen -o a.go\n//go:generate -command gen go run ./cmd/gen\n",
        fix: "Move the `-command` line above its first use.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(first) = input.generate.first() else {
        return;
    };
    for (line, name) in &first.plan.early_uses {
        let name = String::from_utf8_lossy(name);
        out.push(
            Finding::at(
                RULE.info.code,
                *line,
                15,
                name.len() as u32,
                format!(
                    "`{name}` is used here but its -command alias is only defined further down"
                ),
            )
            .help("move the -command line above this directive"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let src = "package p\n\n//go:generate gen y\n//go:generate -command gen echo x\n";
        let got = run("GT304", &[("a.go", src)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (3, 15));
    }

    #[test]
    fn does_not_trigger() {
        let src = "package p\n\n//go:generate -command gen echo x\n//go:generate gen y\n";
        assert!(run("GT304", &[("a.go", src)]).is_empty());
    }
}
