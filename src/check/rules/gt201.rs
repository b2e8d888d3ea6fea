//! GT201 `misspelt-tag`: a tag one or two edits away from a GOOS, GOARCH or known tag.
//! See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::platform::{KNOWN_ARCH, KNOWN_OS};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT201",
        name: "misspelt-tag",
        severity: Severity::Warning,
        finds: "A build tag that is not a known GOOS, GOARCH or Go tag but is one edit (two for long names) away from one: `linx`, `darwn`, `amd46`, `windwos`.",
        why: "An unknown tag is a user tag that is never set: `//go:build linx` silently never compiles and `!linx` always does.",
        example: "//go:build linx\n\npackage p",
        fix: "Correct the spelling (the help line suggests the nearest name).",
    },
    check: Check::File(check),
};

/// Tags Go sets itself (besides GOOS/GOARCH names and release tags).
const OTHER_KNOWN: &[&str] = &[
    "unix", "cgo", "gc", "gccgo", "race", "msan", "asan", "ignore", "generate",
];

fn is_known(tag: &str) -> bool {
    KNOWN_OS.contains(&tag)
        || KNOWN_ARCH.contains(&tag)
        || OTHER_KNOWN.contains(&tag)
        || tag.starts_with("go1.")
        || tag.starts_with("goexperiment.")
        || tag.contains('.')
}

/// The known name `tag` is probably a misspelling of.
pub fn suggestion(tag: &str) -> Option<&'static str> {
    if tag.chars().count() < 4 || is_known(tag) {
        return None;
    }
    let lower = tag.to_lowercase();
    let limit = if tag.chars().count() >= 7 { 2 } else { 1 };
    KNOWN_OS
        .iter()
        .chain(KNOWN_ARCH)
        .chain(OTHER_KNOWN)
        .filter(|k| k.len() >= 4)
        .map(|k| (super::edit_distance(&lower, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    for (tag, line, column) in super::located_tags(input) {
        if let Some(s) = suggestion(tag) {
            out.push(
                Finding::at(
                    RULE.info.code,
                    line,
                    column,
                    tag.len() as u32,
                    format!("unknown build tag `{tag}`: did you mean `{s}`?"),
                )
                .help(format!("`{tag}` is never set by Go; write `{s}`")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::suggestion;
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT201",
            &[("a.go", "//go:build linx || darwn\n\npackage p\n")],
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].3, "unknown build tag `linx`: did you mean `linux`?");
        assert_eq!(suggestion("amd46"), Some("amd64"));
        assert_eq!(suggestion("windwos"), Some("windows"));
    }

    #[test]
    fn does_not_trigger() {
        let ok = "//go:build (linux || netgo || purego || osusergo) && !ignore\n\npackage p\n";
        assert!(run("GT201", &[("a.go", ok)]).is_empty());
    }
}
