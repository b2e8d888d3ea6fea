//! GT206 `filename-lookalike`: a file name suffix that looks like a constraint but is not
//! one. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::filename::NameConstraint;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT206",
        name: "filename-lookalike",
        severity: Severity::Warning,
        finds: "A file without any build constraint whose name ends in a platform-like word Go does not recognise as a suffix: `_unix.go`, `_posix.go`, `_mac.go`, `_win.go`, `_x64.go`, `_bsd.go`.",
        why: "Only GOOS and GOARCH names constrain by file name (`unix` is a tag, never a suffix), so the file compiles on every platform.",
        example: "-- exec_unix.go --\npackage p\n",
        fix: "Add the constraint the name promises (`//go:build unix`), or rename the file.",
    },
    check: Check::File(check),
    fix: None,
};

/// Suffix → what it probably meant.
const LOOKALIKES: &[(&str, &str)] = &[
    ("unix", "//go:build unix"),
    ("posix", "//go:build unix"),
    ("mac", "the `_darwin` suffix"),
    ("macos", "the `_darwin` suffix"),
    ("osx", "the `_darwin` suffix"),
    ("win", "the `_windows` suffix"),
    ("win32", "the `_windows` suffix"),
    ("win64", "the `_windows` suffix"),
    (
        "bsd",
        "//go:build freebsd || netbsd || openbsd || dragonfly",
    ),
    ("x64", "the `_amd64` suffix"),
    ("x86", "the `_386` or `_amd64` suffix"),
    ("i386", "the `_386` suffix"),
    ("aarch64", "the `_arm64` suffix"),
    ("wasi", "the `_wasip1` suffix"),
];

fn suffix(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".go")?;
    let stem = stem.strip_suffix("_test").unwrap_or(stem);
    let (_, last) = stem.rsplit_once('_')?;
    Some(last)
}

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let f = input.file;
    if !f.is_go() || f.name_constraint != NameConstraint::None {
        return;
    }
    if !super::constraint_lines(input).is_empty() {
        return;
    }
    let Some(word) = suffix(&f.name) else { return };
    let Some((_, meant)) = LOOKALIKES.iter().find(|(w, _)| *w == word) else {
        return;
    };
    out.push(
        Finding::whole_file(
            RULE.info.code,
            format!(
                "file name {} looks platform-specific, but `_{word}` is not a GOOS or GOARCH suffix: the file compiles everywhere",
                f.name
            ),
        )
        .help(format!("use {meant}, or rename the file")),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT206", &[("exec_unix.go", "package p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(run("GT206", &[("x_mac_test.go", "package p\n")]).len(), 1);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run(
            "GT206",
            &[("exec_unix.go", "//go:build unix\n\npackage p\n")]
        )
        .is_empty());
        assert!(run("GT206", &[("exec_linux.go", "package p\n")]).is_empty());
    }
}
