//! GT110 `too-complex-for-plus-build`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT110",
        name: "too-complex-for-plus-build",
        severity: Severity::Error,
        finds: "A `//go:build` expression, alongside `+build` lines, that cannot be written as `+build` lines.",
        why: "The `+build` lines cannot match it; vet reports it.",
        example: "//go:build (a && (b || c)) || d\n// +build a\n\npackage p\n",
        fix: "Drop the `+build` lines (Go 1.17+), or simplify the expression.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::TooComplex, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT110",
            &[(
                "a.go",
                "//go:build (a && (b || c)) || d\n// +build a\n\npackage p\n",
            )],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "expression too complex for // +build lines");
    }

    #[test]
    fn does_not_trigger() {
        let ok = "//go:build (a || b) && c\n// +build a b\n// +build c\n\npackage p\n";
        assert!(run("GT110", &[("a.go", ok)]).is_empty());
    }
}
