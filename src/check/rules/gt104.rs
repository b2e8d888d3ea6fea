//! GT104 `plus-build-mismatch`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT104",
        name: "plus-build-mismatch",
        severity: Severity::Error,
        finds: "`// +build` lines that do not say the same as the `//go:build` line.",
        why: "Go 1.17+ obeys `//go:build`, older tools obey `+build`: the two disagree about where the file compiles. vet reports it.",
        example: "//go:build linux\n// +build darwin\n\npackage p",
        fix: "Delete the `+build` lines (Go 1.17+) or let `gofmt` regenerate them.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::Mismatch, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT104",
            &[("a.go", "//go:build linux\n// +build darwin\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "+build lines do not match //go:build condition");
        assert_eq!((got[0].1, got[0].2), (2, 1));
    }

    #[test]
    fn does_not_trigger() {
        assert!(run(
            "GT104",
            &[("a.go", "//go:build linux\n// +build linux\n\npackage p\n")]
        )
        .is_empty());
    }
}
