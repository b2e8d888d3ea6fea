//! GT302 `unpinned-generator`: `go run` of a tool at `@latest` or without a version. See
//! `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::generate::split::{arguments, split_words};
use crate::syntax::generate::ScanEvent;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT302",
        name: "unpinned-generator",
        severity: Severity::Warning,
        finds: "A `//go:generate go run PKG` whose tool is not pinned: `@latest`, a branch (`@master`, `@main`, `@HEAD`), or no version for a package outside this module that go.mod does not require.",
        why: "The generated code then depends on whatever version is newest on the day someone runs `go generate`: runs are not reproducible and a compromised release runs on developer machines.",
        example: "package p\n\n//go:generate go run golang.org/x/tools/cmd/stringer@latest -type=Kind\n",
        fix: "Pin a version (`@v0.21.0`), or require the tool in go.mod (a `tool` or `require` line) and run it without a version.",
    },
    check: Check::File(check),
    fix: None,
};

/// The reason `pkg` (a `go run` argument) is unpinned, if it is.
pub fn unpinned(pkg: &str, module: &str, requires: &[String]) -> Option<String> {
    if let Some((path, version)) = pkg.split_once('@') {
        let floating = matches!(
            version,
            "" | "latest" | "master" | "main" | "HEAD" | "upgrade" | "patch"
        );
        return floating.then(|| format!("`{path}@{version}` is not a fixed version"));
    }
    let first = pkg.split('/').next().unwrap_or_default();
    let remote = first.contains('.') && !pkg.ends_with(".go") && !pkg.starts_with('.');
    let inside = |m: &str| pkg == m || pkg.starts_with(&format!("{m}/"));
    if remote && !inside(module) && !requires.iter().any(|r| inside(r)) {
        return Some(format!(
            "`{pkg}` has no version and go.mod does not require its module"
        ));
    }
    None
}

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(body) = input.body() else { return };
    if !input.file.is_go() {
        return;
    }
    for e in &body.generate().events {
        let ScanEvent::Directive { line, text } = e else {
            continue;
        };
        let Ok(words) = split_words(arguments(text)) else {
            continue;
        };
        let words: Vec<String> = words
            .iter()
            .map(|w| String::from_utf8_lossy(w).into_owned())
            .collect();
        if words.len() < 3 || words[0] != "go" || words[1] != "run" {
            continue;
        }
        let Some(pkg) = words[2..].iter().find(|w| !w.starts_with('-')) else {
            continue;
        };
        if let Some(why) = unpinned(pkg, &input.module.path, input.requires) {
            let text = String::from_utf8_lossy(text);
            let column = text.find(pkg.as_str()).map_or(1, |i| i as u32 + 1);
            out.push(
                Finding::at(
                    RULE.info.code,
                    *line,
                    column,
                    pkg.len() as u32,
                    format!("unpinned generator: {why}"),
                )
                .help("pin a version (`@vX.Y.Z`) or require the tool's module in go.mod"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unpinned;
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let src = "package p\n\n//go:generate go run golang.org/x/tools/cmd/stringer@latest -type=K\n//go:generate go run -mod=mod example.com/tool\n";
        let got = run("GT302", &[("a.go", src)]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (3, 22));
    }

    #[test]
    fn does_not_trigger() {
        let src = "package p\n\n//go:generate go run golang.org/x/tools/cmd/stringer@v0.21.0\n//go:generate go run ./internal/gen\n//go:generate go run example.com/t/cmd/gen\n//go:generate go run example.com/pinned/cmd\n//go:generate go run gen.go\n";
        assert!(run("GT302", &[("a.go", src)]).is_empty());
        assert!(unpinned("x.org/a", "m", &[]).is_some());
    }
}
