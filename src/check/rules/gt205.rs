//! GT205 `constraint-repeats-filename`: a `//go:build` line that only restates the file
//! name suffix. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::configs::universe::Universe;
use crate::constraint::Truth;
use crate::filename::NameConstraint;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT205",
        name: "constraint-repeats-filename",
        severity: Severity::Info,
        finds: "A build constraint that is true wherever the file name suffix already holds: `x_linux.go` with `//go:build linux`.",
        why: "The line adds nothing; keeping two copies of the same condition invites them to drift apart. Off by default (many trees repeat the suffix on purpose): enable it with `--enable GT205` or `[check] enable`. Not reported where the file is the package's only platform-specific file: there the line is what GT207 asks for, stating that the suffix is meant.",
        example: "-- x_linux.go --\n//go:build linux\n\npackage p\n-- x_windows.go --\npackage p\n",
        fix: "Delete the `//go:build` line (the suffix suffices), or rename the file and keep the line.",
    },
    check: Check::File(check),
    fix: Some(crate::check::fix::Fix {
        title: "Delete the //go:build line the file name already implies",
        safe: true,
        edits: crate::check::fix::delete_line,
    }),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let name = &input.file.name_constraint;
    if *name == NameConstraint::None {
        return;
    }
    // The only platform-specific file of its package: the line states intent (GT207's advice).
    if !input.dir_has_other_platform_files {
        return;
    }
    let Some((expr, line)) = super::combined(input) else {
        return;
    };
    // Only expressions over the platform names: a user tag makes the line meaningful.
    let mut tags = expr.tags();
    if tags.iter().any(|t| {
        !crate::platform::is_known_os(t) && !crate::platform::is_known_arch(t) && *t != "unix"
    }) {
        return;
    }
    tags.extend(name.tags());
    let Some(u) = Universe::for_tags(&tags) else {
        return;
    };
    let e = u.eval(&expr);
    let n = u.eval_name(name);
    if !n.is_empty() && n.and(e.not()).is_empty() {
        out.push(
            super::on_line(
                RULE.info.code,
                line,
                format!(
                    "`{expr}` only repeats what the file name {} already says",
                    input.file.name
                ),
            )
            .help("delete the //go:build line"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT205",
            &[
                ("x_linux.go", "//go:build linux\n\npackage p\n"),
                ("x_windows.go", "package p\n"),
            ],
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn the_only_platform_file_may_state_its_suffix() {
        // What GT207 asks for: the line says the suffix is meant.
        let files = [
            ("x_linux.go", "//go:build linux\n\npackage p\n"),
            ("y.go", "package p\n"),
        ];
        assert!(run("GT205", &files).is_empty());
        assert!(run("GT207", &files).is_empty());
    }

    #[test]
    fn does_not_trigger() {
        let ok = "//go:build linux && amd64\n\npackage p\n";
        assert!(run("GT205", &[("x_linux.go", ok)]).is_empty());
        let ok = "//go:build linux && cgo\n\npackage p\n";
        assert!(run("GT205", &[("y_linux.go", ok)]).is_empty());
    }
}
