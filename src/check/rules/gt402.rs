//! GT402 `embed-invalid-pattern`: a `//go:embed` pattern Go rejects. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::embed::PatternError;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT402",
        name: "embed-invalid-pattern",
        severity: Severity::Error,
        finds: "A `//go:embed` pattern Go rejects for a reason other than matching nothing: invalid syntax, `..`, an absolute path, a file in another module, an irregular file, a name that cannot be embedded.",
        why: "`go build` (and `go list`) fail with the message shown.",
        example: "package p\n\nimport _ \"embed\"\n\n//go:embed ../shared/a.txt\nvar s string\n",
        fix: "Embed only files inside the package directory tree (copy or move them there).",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let other = |e: &PatternError| *e != PatternError::NoMatch;
    out.extend(super::embed_errors(input, RULE.info.code, other));
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed ../x.txt\nvar f embed.FS\n";
        let got = run("GT402", &[("sub/a.go", src), ("x.txt", "x")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "pattern ../x.txt: invalid pattern syntax");
    }

    #[test]
    fn does_not_trigger() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed missing.txt\nvar f embed.FS\n";
        assert!(run("GT402", &[("a.go", src)]).is_empty());
    }
}
