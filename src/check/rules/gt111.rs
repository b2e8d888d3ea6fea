//! GT111 `spaced-go-build`: a `// go:build` line that vet does not report. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT111",
        name: "spaced-go-build",
        severity: Severity::Warning,
        finds: "A comment line such as `// go:build linux` or `//  go:build linux`: a build constraint with white space after `//`.",
        why: "Go only recognises `//go:build` with no space, so the file compiles everywhere; `go vet` stays silent unless the comment also contains `//go:build`.",
        example: "// go:build linux\n\npackage p",
        fix: "Remove the space: `//go:build linux`.",
    },
    check: Check::File(check),
    fix: Some(crate::check::fix::Fix {
        title: "Remove the space after //",
        safe: true,
        edits: close_up,
    }),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(body) = input.body() else { return };
    for l in &body.source().vet_lines {
        let Some(rest) = l.text.strip_prefix("//") else {
            continue;
        };
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() || !trimmed.starts_with("go:build") {
            continue;
        }
        // vet's own malformed-line check (GT106) covers comments that contain `//go:build`.
        if l.text.contains("//go:build") {
            continue;
        }
        let respaced = format!("//{trimmed}");
        if crate::constraint::go_build_expr(&respaced).is_none() {
            continue;
        }
        out.push(
            Finding::at(
                RULE.info.code,
                l.line,
                l.column,
                l.text.len() as u32,
                format!(
                    "`{}` is not a build constraint: Go ignores it because of the space after //",
                    l.text
                ),
            )
            .help(format!("write `{respaced}`")),
        );
    }
}

/// `// go:build X` → `//go:build X`.
pub(crate) fn close_up(site: &crate::check::fix::FixSite) -> Option<Vec<crate::check::fix::Edit>> {
    crate::check::fix::delete_blanks(site, b"//", b"go:build")
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT111", &[("a.go", "// go:build linux\n\npackage p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (1, 1));
    }

    #[test]
    fn does_not_trigger() {
        let ok = "//go:build linux\n\n// See go:build docs.\npackage p\n";
        assert!(run("GT111", &[("a.go", ok)]).is_empty());
    }
}
