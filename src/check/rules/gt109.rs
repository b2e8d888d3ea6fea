//! GT109 `non-alphanumeric-tag`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT109",
        name: "non-alphanumeric-tag",
        severity: Severity::Error,
        finds: "A `+build` term with characters other than letters, digits, `_` and `.`.",
        why: "Such a tag can never be set; vet reports it.",
        example: "// +build linux-amd64\n\npackage p",
        fix: "Use `,` for AND and spaces for OR: `// +build linux,amd64`.",
    },
    check: Check::File(check),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::NonAlphanumeric, RULE.info.code, out);
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT109", &[("a.go", "// +build linux-amd64\n\npackage p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].3,
            "invalid non-alphanumeric build constraint: linux-amd64"
        );
        assert_eq!(got[0].2, 1);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT109", &[("a.go", "// +build linux,amd64\n\npackage p\n")]).is_empty());
    }
}
