//! GT306 `generate-error`: a directive `go generate` rejects. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT306",
        name: "generate-error",
        severity: Severity::Error,
        finds: "A `//go:generate` directive that `go generate` fails on: `bad quoted string`, `mismatched quoted string`, `expect space after quoted argument`, `bad backslash`, `no arguments to directive`, `no command specified for -command`, `command \"x\" multiply defined`, `directive too long`, or a directive on a last line without a newline. Lists the platforms whose `go generate` reaches it.",
        why: "`go generate` stops at the error: the rest of the file and the package's later files are not processed and it exits with status 1.",
        example: "package p\n\n//go:generate echo \"unterminated\n",
        fix: "Fix the quoting (Go string syntax inside double quotes), or end the file with a newline.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    for p in input.generate {
        if let Some(e) = &p.plan.error {
            let f = Finding::at(RULE.info.code, e.line, 1, 13, e.message.clone())
                .help("go generate stops here and skips the package's remaining files");
            out.push(f.on(vec![p.platform]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run_full;

    #[test]
    fn triggers() {
        let src = "package p\n\n//go:generate echo \"bad\\q\"\n";
        let got = run_full("GT306", &[("a_linux.go", src)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].message, "bad quoted string");
        assert_eq!(got[0].platforms.len(), 33, "{:?}", got[0].platforms);
    }

    #[test]
    fn does_not_trigger() {
        let src = "package p\n\n//go:generate echo \"fine\"\n";
        assert!(run_full("GT306", &[("a.go", src)]).is_empty());
    }
}
