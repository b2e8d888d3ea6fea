//! GT209 `release-tag-always-true`: a `go1.N` term that every release the module supports
//! sets. See `RULE`.

use super::releases::{assume, release_tag, supported, Simplified, Supported};
use crate::check::diagnostic::{Finding, Severity};
use crate::check::fix::{Edit, FixSite};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::constraint::{go_build_expr, parse_line};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT209",
        name: "release-tag-always-true",
        severity: Severity::Info,
        finds: "A `go1.N` term that is always true for the module: go.mod's `go` line is 1.N or later, so every Go release that builds the module sets the tag (`//go:build go1.18` in a `go 1.21` module). Off by default (trees often keep such terms while their go line moves): enable it with `--enable GT209` or `[check] enable`.",
        why: "The term no longer selects anything; it only suggests the file still serves an older Go, which the module has dropped.",
        example: "-- go.mod --\nmodule example.com/m\n\ngo 1.21\n-- p.go --\n//go:build go1.18 && linux\n\npackage p\n",
        fix: "Delete the term (`//go:build linux`), or the whole line when nothing else is left. The quick fix (with `--unsafe-fixes`) does either when the file has no `// +build` lines.",
    },
    check: Check::File(check),
    fix: Some(crate::check::fix::Fix {
        title: "Delete the always-true release term",
        // It changes nothing for the releases the module supports, but the rule is off by
        // default and a term may be kept on purpose: applied with `--unsafe-fixes`.
        safe: false,
        edits: delete_term,
    }),
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(releases) = supported(input) else {
        return;
    };
    let minor = releases.oldest();
    for (tag, line, column) in super::located_tags(input) {
        let Some(n) = release_tag(tag) else { continue };
        if n > minor {
            continue;
        }
        let message = match &releases {
            Supported::FromGoLine(_) => format!(
                "`{tag}` is always true: the module's go line is 1.{minor}, and every release from 1.{minor} on sets {tag}"
            ),
            Supported::Listed(_) => format!(
                "`{tag}` is always true: {}, and each of them sets {tag}",
                releases.why()
            ),
        };
        out.push(
            Finding::at(RULE.info.code, line, column, tag.len() as u32, message)
                .help("delete the term"),
        );
    }
}

/// The edit for one finding: the `//go:build` line rewritten with the tag assumed true, or
/// deleted when nothing is left. `None` when the term sits on a `// +build` line, the file
/// has `// +build` lines (they would need the same rewrite), or the line becomes false
/// (GT505's finding).
fn delete_term(site: &FixSite) -> Option<Vec<Edit>> {
    let (start, end) = site.line_range(site.line)?;
    let text = std::str::from_utf8(site.src.get(start..end)?).ok()?;
    go_build_expr(text)?;
    if has_plus_build(site.src) {
        return None;
    }
    let (ts, te) = site.span()?;
    let tag = std::str::from_utf8(site.src.get(ts..te)?).ok()?;
    release_tag(tag)?;
    let e = parse_line(text.trim_end_matches('\r')).ok()?;
    match assume(&e, &|t| (t == tag).then_some(true)) {
        Simplified::Const(true) => crate::check::fix::delete_line(site),
        Simplified::Const(false) => None,
        Simplified::Expr(x) => {
            let indent = &text[..text.len() - text.trim_start().len()];
            Some(vec![Edit {
                start,
                end: start + text.trim_end_matches('\r').len(),
                text: format!("{indent}//go:build {x}"),
            }])
        }
    }
}

/// Whether a `// +build` line stands before the package clause.
fn has_plus_build(src: &[u8]) -> bool {
    let src = crate::go::reader::strip_bom(src);
    let Ok((header, _)) = crate::go::reader::go_header_and_eof(src) else {
        return true;
    };
    String::from_utf8_lossy(header)
        .lines()
        .any(|l| crate::constraint::plus_build_expr(l.trim()).is_some())
}

#[cfg(test)]
mod tests {
    use crate::check::fix::{apply, FixSite};
    use crate::check::testing::{run, run_full};

    const GOMOD: (&str, &str) = ("go.mod", "module example.com/t\n\ngo 1.21\n");

    fn fixed(src: &str) -> Option<String> {
        let d = run_full("GT209", &[GOMOD, ("a.go", src)]);
        let d = d.first()?;
        let edits = (super::RULE.fix.as_ref()?.edits)(&FixSite::of(src.as_bytes(), d))?;
        String::from_utf8(apply(src.as_bytes(), &edits)?).ok()
    }

    #[test]
    fn triggers_on_terms_the_go_line_implies() {
        let got = run(
            "GT209",
            &[GOMOD, ("a.go", "//go:build go1.18 && linux\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (1, 12));
        assert!(got[0].3.contains("go line is 1.21"), "{}", got[0].3);
        let got = run(
            "GT209",
            &[GOMOD, ("b.go", "//go:build go1.21\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_configured_release_list_starts_where_it_says() {
        let toml = (
            "gotags.toml",
            "[matrix]\nplatforms = [\"linux/amd64\"]\ngo = [\"1.23\", \"1.26\"]\n",
        );
        let src = ("p.go", "//go:build go1.22 && linux\n\npackage p\n");
        let got = run("GT209", &[GOMOD, toml, src]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].3.contains("the configured releases are 1.23, 1.26"),
            "{}",
            got[0].3
        );
        let newer = ("p.go", "//go:build go1.24\n\npackage p\n");
        assert!(run("GT209", &[GOMOD, toml, newer]).is_empty());
    }

    #[test]
    fn does_not_trigger() {
        for src in [
            "//go:build go1.22\n\npackage p\n",
            "//go:build linux\n\npackage p\n",
            "package p\n",
        ] {
            assert!(run("GT209", &[GOMOD, ("a.go", src)]).is_empty(), "{src}");
        }
        // No go line: nothing is assumed.
        let nogo = ("go.mod", "module example.com/t\n");
        assert!(run(
            "GT209",
            &[nogo, ("a.go", "//go:build go1.18\n\npackage p\n")]
        )
        .is_empty());
    }

    #[test]
    fn fix_deletes_the_term_or_the_line() {
        assert_eq!(
            fixed("//go:build go1.18 && linux\n\npackage p\n").as_deref(),
            Some("//go:build linux\n\npackage p\n")
        );
        assert_eq!(
            fixed("//go:build go1.18\n\npackage p\n").as_deref(),
            Some("package p\n")
        );
        // A negated term makes the file dead (GT505): no mechanical fix.
        assert_eq!(fixed("//go:build !go1.18 && linux\n\npackage p\n"), None);
        // `// +build` lines would need the same rewrite: left to the user.
        assert_eq!(
            fixed("//go:build go1.18 && linux\n// +build go1.18,linux\n\npackage p\n"),
            None
        );
    }
}
