//! GT112 `invalid-go-version`: a `go1.x` tag no Go release sets. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT112",
        name: "invalid-go-version",
        severity: Severity::Warning,
        finds: "A release tag that looks like a Go version but is not one Go sets: `go1.21.3`, `go1.021`, `go1.x`, `go2`, `go1`.",
        why: "Go sets exactly `go1.1` … `go1.N` for release N; any other spelling is an ordinary user tag that is never set, so `//go:build go1.21.3` never compiles and `!go1.21.3` always does.",
        example: "//go:build go1.21.3\n\npackage p",
        fix: "Use the minor version only: `//go:build go1.21`.",
    },
    check: Check::File(check),
};

/// Is `tag` a malformed version tag? `go1.N` with N ≥ 1 without leading zero is fine.
pub fn malformed(tag: &str) -> bool {
    let Some(rest) = tag.strip_prefix("go") else {
        return false;
    };
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    match rest.strip_prefix("1.") {
        Some(n) => n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0'),
        None => true,
    }
}

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    for (tag, line, column) in super::located_tags(input) {
        if malformed(tag) {
            let minor: String = tag
                .trim_start_matches("go1.")
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect::<String>()
                .trim_start_matches('0')
                .to_string();
            let help = if minor.is_empty() {
                "release tags are go1.1, go1.2, … go1.N".to_string()
            } else {
                format!("write `go1.{minor}`")
            };
            out.push(
                Finding::at(
                    RULE.info.code,
                    line,
                    column,
                    tag.len() as u32,
                    format!("`{tag}` is not a Go release tag, so it is never set"),
                )
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT112",
            &[("a.go", "//go:build go1.21.3 || linux\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (1, 12));
        assert!(super::malformed("go1.021") && super::malformed("go2") && super::malformed("go1"));
    }

    #[test]
    fn does_not_trigger() {
        let ok = "//go:build go1.21 && !go1.23 && gofuzz\n\npackage p\n";
        assert!(run("GT112", &[("a.go", ok)]).is_empty());
    }
}
