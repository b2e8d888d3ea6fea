//! GT305 `generator-never-runs`: directives in a file no platform compiles. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::syntax::generate::ScanEvent;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT305",
        name: "generator-never-runs",
        severity: Severity::Warning,
        finds: "`//go:generate` directives in a file that no checked platform compiles, even with the `generate` tag that `go generate` adds (e.g. `//go:build ignore`).",
        why: "`go generate` only scans files of the package it builds, so these commands never run.",
        example: "-- gen.go --\n//go:build ignore\n\npackage main\n\n//go:generate go run gen.go\n-- p.go --\npackage p\n",
        fix: "Move the directive into a file of the package (often `doc.go`), or constrain the file with `//go:build generate`.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(body) = input.body() else { return };
    if !input.file.is_go() || !input.generate.is_empty() {
        return;
    }
    let first = body.generate().events.iter().find_map(|e| match e {
        ScanEvent::Directive { line, .. } => Some(*line),
        _ => None,
    });
    if let Some(line) = first {
        out.push(
            Finding::at(
                RULE.info.code,
                line,
                1,
                13,
                format!(
                    "go generate never runs the directives of {}: no checked platform compiles it",
                    input.file.name
                ),
            )
            .help("move the directives into a file that is built, or use `//go:build generate`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let src = "//go:build ignore\n\npackage main\n\n//go:generate echo x\n";
        let got = run("GT305", &[("gen.go", src)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, 5);
    }

    #[test]
    fn does_not_trigger() {
        let src = "//go:build generate\n\npackage p\n\n//go:generate echo x\n";
        assert!(run("GT305", &[("gen.go", src)]).is_empty());
    }
}
