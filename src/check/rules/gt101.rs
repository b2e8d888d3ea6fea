//! GT101 `build-constraint-syntax`: vet buildtag parity. See `RULE` for the documentation.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::check::vet::VetKind;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT101",
        name: "build-constraint-syntax",
        severity: Severity::Error,
        finds: "A `//go:build` line (or `+build` line) whose expression does not parse; the finding points at the exact column of the error.",
        why: "go/build rejects the file (`go list` reports the package as broken) and `go vet` fails with the same message.",
        example: "//go:build linux &&\n\npackage p",
        fix: "Complete the expression; `gofmt` rewrites valid lines into canonical form.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    super::vet_findings(input, VetKind::ParseError, RULE.info.code, &mut found);
    // The size limits (`build expression too large`, too many `+build` operators) are Go
    // 1.22's: a run of Go 1.21 alone has no such error, a run with both says which.
    let limits = |c: &crate::context::BuildContext| c.release.go_list.constraint_size_limits;
    let contexts = &input.platforms.contexts;
    let (some, all) = (contexts.iter().any(limits), contexts.iter().all(limits));
    for f in found {
        let size = crate::constraint::is_size_limit(&crate::constraint::SyntaxError::new(
            0,
            f.message.as_str(),
        ));
        match (size, some, all) {
            (true, false, _) => {}
            (true, true, false) => out.push(
                f.help("Go 1.21 accepts the line; Go 1.22 and later reject it (size limits)"),
            ),
            _ => out.push(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT101", &[("a.go", "//go:build linux &&\n\npackage p\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "unexpected end of expression");
        assert_eq!(got[0].2, 20);
    }

    #[test]
    fn size_limits_are_go_1_22s() {
        let big: Vec<String> = (0..1001).map(|i| format!("t{i}")).collect();
        let src = format!("//go:build {}\n\npackage p\n", big.join(" || "));
        let toml = |go: &str| format!("[matrix]\nplatforms = [\"linux/amd64\"]\ngo = [{go}]\n");
        let with = |go: &str| {
            let t = toml(go);
            crate::check::testing::run_full("GT101", &[("gotags.toml", &t), ("a.go", &src)])
        };
        assert!(with("\"1.21\"").is_empty());
        let both = with("\"1.21\", \"1.22\"");
        assert_eq!(both.len(), 1, "{both:?}");
        assert_eq!(both[0].message, "build expression too large");
        assert!(both[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("Go 1.21 accepts")));
        let newer = with("\"1.26\"");
        assert_eq!(newer.len(), 1, "{newer:?}");
        assert_eq!(newer[0].help, None);
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT101", &[("a.go", "//go:build (linux)\n\npackage p\n")]).is_empty());
    }
}
