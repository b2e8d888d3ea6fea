//! GT107 `malformed-plus-build`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT107",
        name: "malformed-plus-build",
        severity: Severity::Error,
        finds: "A comment in the `+build` area that mentions `+build` but is not a `+build` line.",
        why: "It was probably meant as a constraint but is ignored; vet reports it.",
        example: "// hello +build linux\n\npackage p",
        fix: "Write `// +build linux` (or better `//go:build linux`) or reword the comment.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::MalformedPlusBuild, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT107", &[("a.go", "// hello +build linux\n\npackage p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "possible malformed +build comment");
        assert_eq!(got[0].2, 1);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT107", &[("a.go", "// hello build linux\n\npackage p\n")]).is_empty());
    }
}
