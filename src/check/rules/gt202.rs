//! GT202 `unsatisfiable-constraint`: a constraint no port, cgo setting, compiler, release
//! or user tags can satisfy. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::configs::universe;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT202",
        name: "unsatisfiable-constraint",
        severity: Severity::Warning,
        finds: "A build constraint that is false for every one of Go's 49 ports, with cgo on or off, with gc or gccgo, for every Go release and every choice of user tags: `linux && windows`, `js && cgo`, `go1.20 && !go1.18`.",
        why: "The file never compiles anywhere; usually a typo (`&&` for `||`) or a stale port name.",
        example: "//go:build linux && windows\n\npackage p",
        fix: "Fix the operator (`linux || windows`) or delete the file.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some((expr, line)) = super::combined(input) else {
        return;
    };
    if universe::never_satisfied(&expr) == Some(true) {
        out.push(
            super::on_line(
                RULE.info.code,
                line,
                format!("build constraint `{expr}` can never be satisfied: no platform compiles this file"),
            )
            .help("check the operators and tag names; `gotags eval` shows how one platform evaluates it"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT202",
            &[("a.go", "//go:build linux && windows\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (1, 1));
    }

    #[test]
    fn does_not_trigger() {
        let ok = "//go:build (linux || windows) && !ignore\n\npackage p\n";
        assert!(run("GT202", &[("a.go", ok)]).is_empty());
    }
}
