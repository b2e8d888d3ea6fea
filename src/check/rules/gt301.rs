//! GT301 `generate-lookalike`: a `//go:generate` line Go ignores. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::syntax::generate::LookalikeKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT301",
        name: "generate-lookalike",
        severity: Severity::Warning,
        finds: "A line that looks like a `//go:generate` directive but is not one: indented, with a space after `//`, or glued to the command (`//go:generateecho`).",
        why: "`go generate` only runs lines that start in column 1 with exactly `//go:generate` and a space or tab; this command silently never runs.",
        example: "package p\n\n\t//go:generate stringer -type=Kind\n",
        fix: "Start the line in column 1 with `//go:generate ` (gofmt keeps it there).",
    },
    check: Check::File(check),
    fix: Some(crate::check::fix::Fix {
        title: "Move the directive to column 1",
        safe: false,
        edits: dedent,
    }),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(body) = input.body() else { return };
    if !input.file.is_go() {
        return;
    }
    let in_comment =
        |line: u32, column: u32| body.source().generate_comments.contains(&(line, column));
    for l in &body.generate().lookalikes {
        if !in_comment(l.line, l.column) {
            continue;
        }
        let (why, help) = match l.kind {
            LookalikeKind::Indented => ("is indented", "move `//go:generate` to column 1"),
            LookalikeKind::SpaceAfterSlashes => (
                "has a space after //",
                "write `//go:generate` without a space",
            ),
            LookalikeKind::NoSpaceAfter => (
                "has no space after go:generate",
                "put a space between `//go:generate` and the command",
            ),
        };
        out.push(
            Finding::at(
                RULE.info.code,
                l.line,
                l.column,
                15,
                format!("this //go:generate line {why}: go generate ignores it"),
            )
            .help(help),
        );
    }
}

/// Removes the indentation before `//go:generate`.
fn dedent(site: &crate::check::fix::FixSite) -> Option<Vec<crate::check::fix::Edit>> {
    crate::check::fix::delete_blanks(site, b"", b"//go:generate")
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let src = "package p\n\n\t//go:generate echo a\n// go:generate echo b\n";
        let got = run("GT301", &[("a.go", src)]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (3, 2));
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT301", &[("a.go", "package p\n\n//go:generate echo a\n")]).is_empty());
        let in_string = "package p\n\nvar doc = `\n\t//go:generate echo a\n`\n";
        assert!(run("GT301", &[("a.go", in_string)]).is_empty());
    }
}
