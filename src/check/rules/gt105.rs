//! GT105 `misplaced-plus-build`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT105",
        name: "misplaced-plus-build",
        severity: Severity::Error,
        finds: "A `// +build` line that Go ignores: not followed by a blank line before the package clause, after the package clause, or after a `/* */` comment.",
        why: "The constraint is silently ignored, so the file compiles everywhere; vet reports it.",
        example: "// +build linux\npackage p",
        fix: "Put a blank line between the `+build` lines and the package clause, or replace them with `//go:build`.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::MisplacedPlusBuild, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT105", &[("a.go", "// +build linux\npackage p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "misplaced +build comment");
        assert_eq!(got[0].2, 1);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT105", &[("a.go", "// +build linux\n\npackage p\n")]).is_empty());
    }
}
