//! GT203 `always-true-constraint`: a constraint every configuration satisfies. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::configs::universe::Universe;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT203",
        name: "always-true-constraint",
        severity: Severity::Warning,
        finds: "A build constraint that is true for every port, cgo setting, compiler, supported release and choice of user tags: `linux || !linux`, `go1.1`.",
        why: "It constrains nothing, which is rarely what was meant (often `||` written for `&&`).",
        example: "//go:build linux || !linux\n\npackage p",
        fix: "Fix the expression, or delete the line.",
    },
    check: Check::File(check),
    fix: Some(crate::check::fix::Fix {
        title: "Delete the always-true constraint",
        safe: false,
        edits: crate::check::fix::delete_line,
    }),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some((expr, line)) = super::combined(input) else {
        return;
    };
    let mut tags = expr.tags();
    tags.push("go1.1");
    let Some(u) = Universe::for_tags(&tags) else {
        return;
    };
    // Releases older than go1.1 do not exist: a go1.1 tag alone is always true, so ask
    // about configurations with a release.
    let released = u.tag("go1.1");
    let s = u.eval(&expr);
    let never_false = {
        use crate::constraint::Truth;
        released.not().or(s).is_full()
    };
    if never_false {
        out.push(
            super::on_line(
                RULE.info.code,
                line,
                format!("build constraint `{expr}` is always satisfied: it excludes no platform"),
            )
            .help("remove the line, or fix the expression if it was meant to exclude something"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT203",
            &[("a.go", "//go:build linux || !linux\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let got = run("GT203", &[("b.go", "//go:build go1.1\n\npackage p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        let ok = "//go:build linux || !cgo\n\npackage p\n";
        assert!(run("GT203", &[("a.go", ok)]).is_empty());
    }
}
