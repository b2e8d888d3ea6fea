//! GT208 `tag-shadows-platform`: a user build tag named like a GOOS or GOARCH. See `RULE`.
//! Reported once per run against the configuration (or command line) that sets the tag.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{FileInput, Rule, RuleInfo};
use crate::platform;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT208",
        name: "tag-shadows-platform",
        severity: Severity::Warning,
        finds: "A user build tag (from `--tags` or `[matrix] tags`) that is a GOOS or GOARCH name, such as `-tags windows`.",
        why: "Go then treats the tag as set on every platform: `//go:build windows` files and `_windows.go`-named files compile on Linux too, which is rarely intended.",
        example: "gotags check --tags windows   (or: go build -tags windows on linux)",
        fix: "Pick a tag that is not a platform name (`winapi`, `integration`).",
    },
    check,
    fix: None,
};

/// Per-file part: none (the finding is about the run's configuration).
fn check(_: &FileInput, _: &mut Vec<Finding>) {}

/// The tags among `tags` that shadow a platform name.
pub fn shadowing(tags: &[String]) -> Vec<&str> {
    tags.iter()
        .map(String::as_str)
        .filter(|t| platform::is_known_os(t) || platform::is_known_arch(t) || *t == "unix")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::shadowing;

    #[test]
    fn triggers() {
        assert_eq!(shadowing(&["windows".into(), "x".into()]), vec!["windows"]);
    }

    #[test]
    fn does_not_trigger() {
        assert!(shadowing(&["integration".into(), "netgo".into()]).is_empty());
    }
}
