//! GT403 `embed-drops-hidden`: a directory pattern whose walk silently leaves out `.` and
//! `_` files. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT403",
        name: "embed-drops-hidden",
        severity: Severity::Warning,
        finds: "A `//go:embed` directory pattern (without `all:`) under which files or directories whose names start with `.` or `_` exist and are left out.",
        why: "Go skips them silently: `.well-known/`, `_redirects`, `_next/` and similar assets are missing at run time.",
        example: "-- p.go --\npackage p\n\nimport \"embed\"\n\n//go:embed static\nvar static embed.FS\n-- static/index.html --\n<p>hi</p>\n-- static/_headers --\n/* X-Frame-Options: DENY\n",
        fix: "Use `//go:embed all:static` to include them, or name them explicitly.",
    },
    check: Check::File(check),
    fix: Some(crate::check::fix::Fix {
        title: "Add `all:` to keep hidden files",
        safe: true,
        edits: crate::check::fix::replace_with_suggestion,
    }),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    for (p, r) in super::embed_reports(input) {
        let Ok(report) = r else { continue };
        if p.pattern.starts_with("all:") || report.skipped_hidden.is_empty() {
            continue;
        }
        let n = report.skipped_hidden.len();
        let mut names: Vec<&str> = report
            .skipped_hidden
            .iter()
            .take(3)
            .map(String::as_str)
            .collect();
        if n > 3 {
            names.push("…");
        }
        out.push(
            super::on_pattern(
                RULE.info.code,
                p,
                format!(
                    "pattern {} leaves out {n} hidden path{}: {}",
                    p.pattern,
                    if n == 1 { "" } else { "s" },
                    names.join(", ")
                ),
            )
            .help(format!("write `all:{}` to embed them", p.pattern)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    const SRC: &str = "package p\n\nimport \"embed\"\n\n//go:embed static\nvar f embed.FS\n";

    #[test]
    fn triggers() {
        let files = [
            ("a.go", SRC),
            ("static/a.css", "x"),
            ("static/_headers", "x"),
        ];
        let got = run("GT403", &files);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].3,
            "pattern static leaves out 1 hidden path: static/_headers"
        );
    }

    #[test]
    fn does_not_trigger() {
        let all = SRC.replace("embed static", "embed all:static");
        let files = [
            ("a.go", all.as_str()),
            ("static/a.css", "x"),
            ("static/_headers", "x"),
        ];
        assert!(run("GT403", &files).is_empty());
    }
}
