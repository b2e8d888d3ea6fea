//! GT108 `double-negation`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT108",
        name: "double-negation",
        severity: Severity::Error,
        finds: "A `+build` term starting with `!!`.",
        why: "Go's `+build` syntax has no double negation; the term never matches and vet reports it.",
        example: "// +build !!linux\n\npackage p",
        fix: "Drop both `!`.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::DoubleNegative, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT108", &[("a.go", "// +build !!linux\n\npackage p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].3,
            "invalid double negative in build constraint: !!linux"
        );
        assert_eq!(got[0].2, 1);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT108", &[("a.go", "// +build linux\n\npackage p\n")]).is_empty());
    }
}
