//! GT501 `dead-file`: a file that no checked configuration compiles, told apart by whether
//! some port outside the checked set would compile it (the set was narrowed) or none at all
//! (dead everywhere). See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::matrix_gaps::MatrixInput;
use crate::check::rule::{Check, Located, Rule, RuleInfo};
use crate::configs::universe;
use crate::constraint::Expr;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::platform;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT501",
        name: "dead-file",
        severity: Severity::Warning,
        finds: "A source file that no checked configuration (platform × cgo × tag set) compiles, from `gotags matrix`'s coverage gaps. The message tells a file some port outside the checked set would compile (`not in the checked set`: --platforms was narrowed, or the platform that builds it is missing; the ports are named) from one no port at all compiles (dead on every platform Go supports). Files that opt out on purpose (`//go:build ignore`, `package documentation`, `.`/`_` names) and files whose constraint names anything but GOOS, GOARCH, `unix` and `cgo` (a user tag such as `integration`, `goexperiment.*`, `gccgo`, `amd64.v3`, `go1.N`: deliberate variants selected outside the checked matrix) are not reported, nor files whose constraint is already reported as unsatisfiable (GT202), as contradicting the file name (GT204) or as naming an invalid Go version (GT112), nor files left out only because their package fails to load.",
        why: "Nothing builds, vets or tests the file: it rots unseen, and whatever it was meant to provide is missing everywhere.",
        example: "-- gotags.toml --\n[matrix]\nplatforms = [\"linux/amd64\", \"windows/amd64\"]\n-- p.go --\npackage p\n-- x_freebsd.go --\npackage p\n",
        fix: "Fix the file name or the constraint so some configuration compiles it, add the configuration that should build it to the checked platforms, or delete the file.",
    },
    check: Check::Matrix(check),
    fix: None,
};

/// Whether the dead file is one this rule reports: its deciding constraint parses and names
/// only what the checked dimensions decide (GOOS, GOARCH, `unix`, cgo), and is neither
/// unsatisfiable on its own nor contradicted by the file name (the constraint's own
/// findings). Returns where to report it.
fn reportable(f: &FileFacts) -> Option<((u32, u32, u32), Option<Expr>)> {
    let HeaderOutcome::Read(h) = &f.header else {
        return None;
    };
    if h.parse_error.is_some() || h.go_build.as_deref().is_some_and(|g| g.expr.is_err()) {
        return None;
    }
    // Only deadness the checked dimensions decide (GOOS, GOARCH, cgo): a file selected by a
    // user tag, a GOEXPERIMENT, the compiler, a GOAMD64-style variant or a Go release is a
    // deliberate variant, not dead code.
    let lines = crate::syntax::constraints::deciding(h.go_build.as_deref(), &h.plus_build);
    let mut combined: Option<Expr> = None;
    for c in lines {
        let e = c.expr.as_ref().ok()?;
        let platform_only = e.tags().iter().all(|t| {
            platform::is_known_os(t) || platform::is_known_arch(t) || *t == "unix" || *t == "cgo"
        });
        if !platform_only {
            return None;
        }
        combined = Some(match combined {
            Some(acc) => Expr::and(acc, e.clone()),
            None => e.clone(),
        });
    }
    if let Some(e) = &combined {
        if universe::never_satisfied(e) == Some(true)
            || universe::contradicts_name(e, &f.name_constraint) == Some(true)
        {
            return None;
        }
    }
    let at = match lines.first() {
        Some(c) => (c.line.line, c.line.column, c.line.text.len() as u32),
        None => (1, 1, 1),
    };
    Some((at, combined))
}

/// Every port (`goos/goarch`, `/cgo` when only cgo builds it) whose name and constraint rules
/// admit the file, whatever the checked set: first-class ports first.
fn ports_compiling(f: &FileFacts, expr: Option<&Expr>) -> Vec<String> {
    let mut out: Vec<(bool, String)> = Vec::new();
    for p in platform::ports() {
        let mut label = None;
        for cgo in [false, true] {
            if cgo && !p.cgo_supported {
                continue;
            }
            let mut tag = |t: &str| match t {
                "cgo" => cgo,
                "unix" => platform::is_unix_os(p.goos),
                _ => {
                    t == p.goos
                        || t == p.goarch
                        || matches!(
                            (p.goos, t),
                            ("android", "linux") | ("illumos", "solaris") | ("ios", "darwin")
                        )
                }
            };
            if f.name_constraint.matches(&mut tag) && expr.map_or(true, |e| e.eval(&mut tag)) {
                let l = format!("{}/{}", p.goos, p.goarch);
                label = Some(if cgo { format!("{l}/cgo") } else { l });
                break;
            }
        }
        if let Some(l) = label {
            out.push((!p.first_class, l));
        }
    }
    out.sort();
    out.into_iter().map(|(_, l)| l).collect()
}

/// `a, b, c`, or `a, b, c and N more`.
fn some(names: &[impl AsRef<str>]) -> String {
    let shown: Vec<&str> = names.iter().take(3).map(AsRef::as_ref).collect();
    let shown = shown.join(", ");
    match names.len().saturating_sub(3) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

fn check(m: &MatrixInput, out: &mut Vec<Located>) {
    for dead in &m.gaps.dead_files {
        let Some(d) = m.dir_by_rel(&dead.dir) else {
            continue;
        };
        // Only files that exclude themselves (name, constraint, cgo): a file left out because
        // its package fails to load is that failure's finding, not a dead file.
        let Some((fi, f)) = m.file(d, &dead.file) else {
            continue;
        };
        if d.bits.get(fi).is_some_and(|b| !b.selected().is_empty()) {
            continue;
        }
        let Some(((line, column, len), expr)) = reportable(f) else {
            continue;
        };
        let elsewhere = ports_compiling(f, expr.as_ref());
        let why: Vec<String> = dead
            .reasons
            .iter()
            .map(|r| {
                let names: Vec<&str> = r.configs.iter().map(|&i| m.platforms.label(i)).collect();
                format!("{} ({})", r.reason.text(), some(&names))
            })
            .collect();
        let (message, help) = if elsewhere.is_empty() {
            (
                format!(
                    "no port at all compiles {} (dead on every platform Go supports): {}",
                    f.name,
                    why.join("; ")
                ),
                "fix the name or constraint so some platform builds it, or delete the file",
            )
        } else {
            (
                format!(
                    "not in the checked set: no checked configuration compiles {} ({}), but {} \
                     would: {}",
                    f.name,
                    why.join("; "),
                    plural(elsewhere.len()),
                    some(&elsewhere)
                ),
                "add the platform that should build it to --platforms (or [matrix] platforms), or mark the file `//go:build ignore` if nothing ships it",
            )
        };
        let finding = Finding::at(RULE.info.code, line, column, len, message).help(help);
        out.push(Located::at(d, fi, finding));
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 port outside it".to_string()
    } else {
        format!("{n} ports outside it")
    }
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
        // Both are built by ports outside the checked set.
        assert!(
            got[0].3.starts_with("not in the checked set"),
            "{}",
            got[0].3
        );
        assert!(
            got[0].3.contains(
                "4 ports outside it would: darwin/amd64, darwin/arm64, ios/amd64 and 1 more"
            ),
            "{}",
            got[0].3
        );
        assert!(got[1].3.contains("would: freebsd/386"), "{}", got[1].3);
    }

    #[test]
    fn dead_everywhere_is_told_apart_from_outside_the_checked_set() {
        let files = [
            (
                "a.go",
                "package p
",
            ),
            // windows/mips is no port: no configuration at all builds it.
            (
                "legacy_windows_mips.go",
                "package p
",
            ),
            // Only plan9 ports build it; the checked set has none.
            (
                "p_plan9.go",
                "package p
",
            ),
        ];
        let got = run_on("GT501", "linux/amd64", &files);
        assert_eq!(got.len(), 2, "{got:?}");
        let msg = |name: &str| {
            got.iter()
                .find(|g| g.0 == name)
                .map(|g| g.3.clone())
                .unwrap_or_default()
        };
        assert!(
            msg("legacy_windows_mips.go").starts_with("no port at all compiles"),
            "{}",
            msg("legacy_windows_mips.go")
        );
        let plan9 = msg("p_plan9.go");
        assert!(plan9.starts_with("not in the checked set"), "{plan9}");
        assert!(
            plan9.contains("3 ports outside it would: plan9/386, plan9/amd64, plan9/arm"),
            "{plan9}"
        );
        // Checked on every port, the plan9 file compiles and only the dead one is left.
        let all = run_on("GT501", "all", &files);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].0, "legacy_windows_mips.go");
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
