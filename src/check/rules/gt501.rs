//! GT501 `dead-file`: a file that no checked configuration compiles. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::matrix_gaps::GapFact;
use crate::check::rule::{FileInput, Rule, RuleInfo};
use crate::facts::HeaderOutcome;
use crate::platform;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT501",
        name: "dead-file",
        severity: Severity::Warning,
        finds: "A source file that no checked configuration (platform × cgo × tag set) compiles, from `gotags matrix`'s coverage gaps. Files that opt out on purpose (`//go:build ignore`, `package documentation`, `.`/`_` names) and files whose constraint names anything but GOOS, GOARCH, `unix` and `cgo` (a user tag such as `integration`, `goexperiment.*`, `gccgo`, `amd64.v3`, `go1.N`: deliberate variants selected outside the checked matrix) are not reported, nor files whose constraint is already reported as unsatisfiable (GT202), as contradicting the file name (GT204) or as naming an invalid Go version (GT112), nor files left out only because their package fails to load.",
        why: "Nothing builds, vets or tests the file: it rots unseen, and whatever it was meant to provide is missing everywhere.",
        example: "// file x_plan9_amd64.go (with --platforms first-class)\npackage p",
        fix: "Fix the file name or the constraint so some configuration compiles it, add the configuration that should build it to the checked platforms, or delete the file.",
    },
    check,
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(reasons) = input.gaps.iter().find_map(|g| match g {
        GapFact::Dead { reasons } => Some(reasons),
        _ => None,
    }) else {
        return;
    };
    // Already explained by a syntax error, GT202, GT204 or GT112.
    let HeaderOutcome::Read(h) = &input.file.header else {
        return;
    };
    if h.parse_error.is_some() || h.go_build.as_ref().is_some_and(|g| g.expr.is_err()) {
        return;
    }
    // Only deadness the checked dimensions decide (GOOS, GOARCH, cgo): a file selected by a
    // user tag, a GOEXPERIMENT, the compiler, a GOAMD64-style variant or a Go release is a
    // deliberate variant, not dead code.
    let lines = h.go_build.iter().chain(if h.go_build.is_some() {
        &[][..]
    } else {
        &h.plus_build[..]
    });
    for c in lines {
        let Ok(e) = &c.expr else { return };
        if !e.tags().iter().all(|t| {
            platform::is_known_os(t) || platform::is_known_arch(t) || *t == "unix" || *t == "cgo"
        }) {
            return;
        }
    }
    let mut other = Vec::new();
    (super::gt202::RULE.check)(input, &mut other);
    (super::gt204::RULE.check)(input, &mut other);
    (super::gt112::RULE.check)(input, &mut other);
    if !other.is_empty() {
        return;
    }
    let (line, column, len) = match h.go_build.as_ref().or(h.plus_build.first()) {
        Some(c) => (c.line.line, c.line.column, c.line.text.len() as u32),
        None => (1, 1, 1),
    };
    let why: Vec<String> = reasons
        .iter()
        .map(|(text, configs)| {
            let label = |i: &usize| input.platforms.get(*i).map_or("?", |p| p.label.as_str());
            let names: Vec<&str> = configs.iter().take(3).map(label).collect();
            let more = configs.len().saturating_sub(3);
            if more > 0 {
                format!("{text} ({} and {more} more)", names.join(", "))
            } else {
                format!("{text} ({})", names.join(", "))
            }
        })
        .collect();
    out.push(
        Finding::at(
            RULE.info.code,
            line,
            column,
            len,
            format!(
                "no checked configuration compiles {}: {}",
                input.file.name,
                why.join("; ")
            ),
        )
        .help("fix the name or constraint, check the platform that should build it, or mark it `//go:build ignore`"),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{run, run_on};

    #[test]
    fn triggers() {
        let got = run_on(
            "GT501",
            "linux/amd64,windows/amd64",
            &[
                ("a.go", "package p\n"),
                ("b_darwin.go", "package p\n"),
                ("c.go", "//go:build freebsd\n\npackage p\n"),
            ],
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("b_darwin.go", 1));
        assert_eq!((got[1].0.as_str(), got[1].1, got[1].2), ("c.go", 1, 1));
        assert!(got[1].3.contains("freebsd"), "{}", got[1].3);
    }

    #[test]
    fn does_not_trigger() {
        let files = [
            ("a.go", "package p\n"),
            ("b_linux.go", "package p\n"),
            ("gen.go", "//go:build ignore\n\npackage main\n"),
            ("it.go", "//go:build integration\n\npackage p\n"),
            ("exp.go", "//go:build goexperiment.arenas\n\npackage p\n"),
            ("old.go", "//go:build !go1.21\n\npackage p\n"),
            (
                "v3.go",
                "//go:build linux && amd64.v3 && !msan\n\npackage p\n",
            ),
            // Reported by GT202 and GT204 instead.
            ("never.go", "//go:build linux && windows\n\npackage p\n"),
            ("x_windows.go", "//go:build linux\n\npackage p\n"),
        ];
        assert!(run("GT501", &files).is_empty());
    }
}
