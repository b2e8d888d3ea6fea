//! GT101 `build-constraint-syntax`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT101",
        name: "build-constraint-syntax",
        severity: Severity::Error,
        finds: "A `//go:build` line (or `+build` line) whose expression does not parse; the finding points at the exact column of the error.",
        why: "go/build rejects the file (`go list` reports the package as broken) and `go vet` fails with the same message.",
        example: "//go:build linux &&\n\npackage p",
        fix: "Complete the expression; `gofmt` rewrites valid lines into canonical form.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::ParseError, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT101", &[("a.go", "//go:build linux &&\n\npackage p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "unexpected end of expression");
        assert_eq!(got[0].2, 20);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT101", &[("a.go", "//go:build (linux)\n\npackage p\n")]).is_empty());
    }
}
