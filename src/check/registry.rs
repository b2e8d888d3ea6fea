//! Every rule, in code order. `gotags check --explain CODE` and the engine read this list.

use super::rule::Rule;
use super::rules::*;

pub static RULES: &[&Rule] = &[
    &gt101::RULE,
    &gt102::RULE,
    &gt103::RULE,
    &gt104::RULE,
    &gt105::RULE,
    &gt106::RULE,
    &gt107::RULE,
    &gt108::RULE,
    &gt109::RULE,
    &gt110::RULE,
    &gt111::RULE,
    &gt112::RULE,
    &gt201::RULE,
    &gt202::RULE,
    &gt203::RULE,
    &gt204::RULE,
    &gt205::RULE,
    &gt206::RULE,
    &gt207::RULE,
    &gt208::RULE,
    &gt301::RULE,
    &gt302::RULE,
    &gt303::RULE,
    &gt304::RULE,
    &gt305::RULE,
    &gt306::RULE,
    &gt401::RULE,
    &gt402::RULE,
    &gt403::RULE,
    &gt404::RULE,
    &gt405::RULE,
    &gt406::RULE,
    &gt407::RULE,
    &gt408::RULE,
    &gt409::RULE,
    &gt410::RULE,
    &gt411::RULE,
    &gt501::RULE,
    &gt502::RULE,
    &gt503::RULE,
    &gt504::RULE,
    &gt601::RULE,
];

/// Rules that run only when enabled (`--enable`, `[check] enable`) or selected by their
/// exact code or name: GT205 flags deliberate style on most real trees.
pub static OFF_BY_DEFAULT: &[&str] = &["GT205"];

/// The rule with this code.
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.info.code == code)
}

/// The rule with this code or name (`GT205`, `gt205`, `constraint-repeats-filename`).
pub fn find_by_code_or_name(text: &str) -> Option<&'static Rule> {
    let t = text.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.info.code.eq_ignore_ascii_case(t) || r.info.name.eq_ignore_ascii_case(t))
}

/// A `--select`/`--ignore` item as a code prefix: rule names become their codes.
pub fn code_prefix(text: &str) -> String {
    let t = text.trim();
    match RULES.iter().find(|r| r.info.name.eq_ignore_ascii_case(t)) {
        Some(r) => r.info.code.to_string(),
        None => t.to_uppercase(),
    }
}

/// The files of a rule's documented example: txtar form (`-- name --` lines, as Go's own
/// tests write several files) or, without such a line, one file `p.go`.
pub fn example_files(example: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in example.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        if let Some(name) = bare.strip_prefix("-- ").and_then(|r| r.strip_suffix(" --")) {
            files.push((name.trim().to_string(), String::new()));
        } else if let Some((_, text)) = files.last_mut() {
            text.push_str(line);
        } else {
            files.push(("p.go".to_string(), line.to_string()));
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted_and_documented() {
        for w in RULES.windows(2) {
            assert!(w[0].info.code < w[1].info.code);
        }
        for r in RULES {
            assert!(!r.info.finds.is_empty() && !r.info.why.is_empty() && !r.info.fix.is_empty());
            assert!(r.info.explain().contains(r.info.code));
        }
    }

    #[test]
    fn names_are_codes_too() {
        assert_eq!(code_prefix("constraint-repeats-filename"), "GT205");
        assert_eq!(code_prefix("gt1"), "GT1");
        assert_eq!(
            find_by_code_or_name("Constraint-Repeats-Filename").map(|r| r.info.code),
            Some("GT205")
        );
        assert_eq!(
            find_by_code_or_name("gt101").map(|r| r.info.code),
            Some("GT101")
        );
        assert!(find_by_code_or_name("nope").is_none());
    }

    #[test]
    fn every_documented_example_triggers_its_rule() {
        let mut silent = Vec::new();
        for rule in RULES {
            let files = example_files(rule.info.example);
            let refs: Vec<(&str, &str)> = files
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            if crate::check::testing::run(rule.info.code, &refs).is_empty() {
                silent.push(rule.info.code);
            }
        }
        assert_eq!(
            silent,
            Vec::<&str>::new(),
            "examples that do not trigger their rule"
        );
    }

    #[test]
    fn examples_split_into_files() {
        assert_eq!(
            example_files("-- a_linux.go --\npackage p\n-- b.go --\npackage p\n"),
            [
                ("a_linux.go".to_string(), "package p\n".to_string()),
                ("b.go".to_string(), "package p\n".to_string())
            ]
        );
        assert_eq!(
            example_files("package p"),
            [("p.go".to_string(), "package p".to_string())]
        );
    }
}
