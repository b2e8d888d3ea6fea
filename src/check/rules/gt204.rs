//! GT204 `constraint-contradicts-filename`: the file name and `//go:build` exclude each
//! other. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::configs::universe;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT204",
        name: "constraint-contradicts-filename",
        severity: Severity::Warning,
        finds: "A file whose name suffix (`_windows.go`, `_arm64.go`) and build constraint can never hold together: `x_windows.go` with `//go:build linux`.",
        why: "Both must hold, so the file never compiles; one of them is wrong.",
        example: "-- x_windows.go --\n//go:build linux\n\npackage p\n",
        fix: "Rename the file (drop or fix the suffix) or fix the constraint.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let name = &input.file.name_constraint;
    let Some((expr, line)) = super::combined(input) else {
        return;
    };
    if universe::contradicts_name(&expr, name) == Some(true) {
        out.push(
            super::on_line(
                RULE.info.code,
                line,
                format!(
                    "`{expr}` contradicts the file name {}, which restricts it to {}: the file never compiles",
                    input.file.name,
                    name.tags().join("/")
                ),
            )
            .help("rename the file or fix the constraint"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT204",
            &[("x_windows.go", "//go:build linux\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        let ok = "//go:build !arm64\n\npackage p\n";
        assert!(run("GT204", &[("x_windows.go", ok)]).is_empty());
    }
}
