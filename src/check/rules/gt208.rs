//! GT208 `tag-shadows-platform`: a user build tag named like a GOOS or GOARCH. See `RULE`.
//! Reported once per run against the configuration (or command line) that sets the tag.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, Rule, RuleInfo, RunInput};
use crate::platform;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT208",
        name: "tag-shadows-platform",
        severity: Severity::Warning,
        finds: "A user build tag (from `--tags` or `[matrix] tags`) that is a GOOS or GOARCH name, such as `-tags windows`.",
        why: "Go then treats the tag as set on every platform: `//go:build windows` files and `_windows.go`-named files compile on Linux too, which is rarely intended.",
        example: "-- gotags.toml --\n[matrix]\ntags = [[\"windows\"]]\n-- p.go --\npackage p\n",
        fix: "Pick a tag that is not a platform name (`winapi`, `integration`).",
    },
    check: Check::Run(check),
    fix: None,
};

/// One finding per distinct shadowing tag over all tag sets, placed at the tags' source.
fn check(input: &RunInput, out: &mut Vec<Finding>) {
    let mut seen: Vec<&str> = Vec::new();
    for set in input.tag_sets {
        for t in shadowing(set) {
            if seen.contains(&t) {
                continue;
            }
            seen.push(t);
            out.push(
                Finding::whole_file(
                    RULE.info.code,
                    format!(
                        "build tag `{t}` is a platform name: it is set on every platform checked"
                    ),
                )
                .help("choose a tag that is not a GOOS/GOARCH name"),
            );
        }
    }
}

/// The tags among `tags` that shadow a platform name.
pub fn shadowing(tags: &[String]) -> Vec<&str> {
    tags.iter()
        .map(String::as_str)
        .filter(|t| platform::is_known_os(t) || platform::is_known_arch(t) || *t == "unix")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::configs::{product, CgoMode, ConfigSet, Platform, TagSet};

    fn run(sets: &[Vec<String>]) -> Vec<Finding> {
        let tag_sets: Vec<TagSet> = sets.iter().cloned().map(TagSet::new).collect();
        let platforms = ConfigSet::new(product(
            &[Platform::new("linux", "amd64", None)],
            &tag_sets,
            CgoMode::Off,
        ))
        .expect("configs");
        let input = RunInput {
            platforms: &platforms,
            tag_sets: sets,
            tags_source: "<command line>",
        };
        let mut out = Vec::new();
        if let Check::Run(f) = RULE.check {
            f(&input, &mut out);
        }
        out
    }

    #[test]
    fn triggers() {
        assert_eq!(shadowing(&["windows".into(), "x".into()]), vec!["windows"]);
        let got = run(&[
            vec!["windows".into()],
            vec!["windows".into(), "unix".into()],
        ]);
        let msgs: Vec<&str> = got.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].contains("`windows`") && msgs[1].contains("`unix`"));
    }

    #[test]
    fn does_not_trigger() {
        assert!(shadowing(&["integration".into(), "netgo".into()]).is_empty());
        assert!(run(&[vec![], vec!["integration".into()]]).is_empty());
    }
}
