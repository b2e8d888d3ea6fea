//! GT106 `malformed-go-build`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT106",
        name: "malformed-go-build",
        severity: Severity::Error,
        finds: "A comment that would be a valid `//go:build` line but for white space between `//` and `go:build` (vet's trigger: the comment also contains `//go:build`).",
        why: "Go ignores it as a constraint; vet reports it.",
        example: "// go:build linux // //go:build ignore\n\npackage p",
        fix: "Remove the space: `//go:build linux`.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::MalformedGoBuild, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT106",
            &[("a.go", "// go:build linux // //go:build x\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].3,
            "malformed //go:build line (space between // and go:build)"
        );
        assert_eq!(got[0].2, 1);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT106", &[("a.go", "//go:build linux\n\npackage p\n")]).is_empty());
    }
}
