//! GT103 `extra-go-build`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT103",
        name: "extra-go-build",
        severity: Severity::Error,
        finds: "A second `//go:build` line in one file.",
        why: "go/build rejects the file with `multiple //go:build comments`; vet reports the extra line.",
        example: "//go:build linux\n//go:build amd64\n\npackage p",
        fix: "Combine them into one line: `//go:build linux && amd64`.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::ExtraGoBuild, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT103",
            &[("a.go", "//go:build linux\n//go:build amd64\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "unexpected extra //go:build line");
        assert_eq!(got[0].2, 1);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run(
            "GT103",
            &[("a.go", "//go:build linux && amd64\n\npackage p\n")]
        )
        .is_empty());
    }
}
