//! GT401 `embed-no-match`: a `//go:embed` pattern that matches nothing. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::embed::PatternError;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT401",
        name: "embed-no-match",
        severity: Severity::Error,
        finds: "A `//go:embed` pattern that matches no file (or only files that cannot be embedded), on the platforms that compile the file.",
        why: "`go build` fails with `pattern X: no matching files found`.",
        example: "-- p.go --\npackage p\n\nimport \"embed\"\n\n//go:embed templates/*.tmpl\nvar t embed.FS\n-- templates/README --\nno .tmpl files here\n",
        fix: "Fix the pattern or add the files; patterns are relative to the package directory.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let help =
        "patterns are relative to the package directory and never match `.`/`_` files unless named";
    let no_match = |e: &PatternError| *e == PatternError::NoMatch;
    out.extend(super::embed_errors(input, RULE.info.code, no_match).map(|f| f.help(help)));
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed missing.txt\nvar f embed.FS\n";
        let got = run("GT401", &[("a.go", src)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (5, 12));
    }

    #[test]
    fn columns_are_bytes_after_non_ascii_text() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed é.txt 😀x.txt\nvar f embed.FS\n";
        let got = run("GT401", &[("a.go", src), ("é.txt", "x")]);
        assert_eq!((got.len(), got[0].1, got[0].2), (1, 5, 19), "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar f embed.FS\n";
        assert!(run("GT401", &[("a.go", src), ("a.txt", "x")]).is_empty());
    }
}
