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
    fix: Some(crate::check::fix::Fix {
        title: "Drop the double negation",
        safe: true,
        edits: drop_double_bang,
    }),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::vet_findings(input, VetKind::DoubleNegative, RULE.info.code, out);
}

/// `!!linux` → `linux` on the finding's line.
fn drop_double_bang(site: &crate::check::fix::FixSite) -> Option<Vec<crate::check::fix::Edit>> {
    let (start, end) = site.line_range(site.line)?;
    let line = site.src.get(start..end)?;
    let mut edits = Vec::new();
    let mut i = 0;
    while let Some(at) = line[i..].windows(2).position(|w| w == b"!!") {
        let start = start + i + at;
        let text = String::new();
        edits.push(crate::check::fix::Edit {
            start,
            end: start + 2,
            text,
        });
        i += at + 2;
    }
    (!edits.is_empty()).then_some(edits)
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
