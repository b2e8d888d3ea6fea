//! GT207 `accidental-filename-constraint`: a file name that constrains by accident. See
//! `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::filename::NameConstraint;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT207",
        name: "accidental-filename-constraint",
        severity: Severity::Warning,
        finds: "A file whose name happens to end in a GOOS or GOARCH name (`config_js_test.go`, `wake_windows.go`, `arm.go` is fine but `cpu_arm.go` is not) in a directory where no other file is platform-specific, and which has no build constraint of its own.",
        why: "Go silently compiles such a file only on that system or architecture; when nothing else in the package is platform-specific, the suffix is more likely a word than an intent.",
        example: "-- config.go --\npackage p\n-- config_js_test.go --\n// Tests the JavaScript config format, but builds only for GOOS=js.\npackage p\n",
        fix: "Rename the file (`config_jsformat_test.go`), or add a `//go:build` line that states the intent.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let f = input.file;
    if !f.is_go() || f.name_constraint == NameConstraint::None {
        return;
    }
    if input.dir_has_other_platform_files || !super::constraint_lines(input).is_empty() {
        return;
    }
    let tags = f.name_constraint.tags().join("/");
    out.push(
        Finding::whole_file(
            RULE.info.code,
            format!(
                "file name {} restricts the file to {tags}, but nothing else in this package is platform-specific",
                f.name
            ),
        )
        .help(format!(
            "if the file is meant for {tags} only, say so with a //go:build line; otherwise rename it"
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT207",
            &[
                ("config.go", "package p\n"),
                ("config_js_test.go", "package p\n"),
            ],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "config_js_test.go");
    }

    #[test]
    fn does_not_trigger() {
        let files = [
            ("wake_windows.go", "package p\n"),
            ("wake_other.go", "//go:build !windows\n\npackage p\n"),
        ];
        assert!(run("GT207", &files).is_empty());
    }
}
