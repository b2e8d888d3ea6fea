//! GT102 `misplaced-go-build`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT102",
        name: "misplaced-go-build",
        severity: Severity::Error,
        finds: "A `//go:build` line after the package clause or inside a `/* */` comment.",
        why: "Go only honours `//go:build` lines before the package clause; this one is silently ignored, so the file compiles everywhere.",
        example: "package p\n\n//go:build linux",
        fix: "Move the line above the package clause, followed by a blank line.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::MisplacedGoBuild, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT102", &[("a.go", "package p\n\n//go:build linux\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "misplaced //go:build comment");
        assert_eq!(got[0].2, 1);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT102", &[("a.go", "//go:build linux\n\npackage p\n")]).is_empty());
    }
}
