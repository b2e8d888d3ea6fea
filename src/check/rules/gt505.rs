//! GT505 `no-supported-release`: a file that no Go release the module supports compiles.
//! See `RULE`.

use super::releases::{release_tag, supported, Supported};
use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::configs::universe::Universe;
use crate::constraint::Truth;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT505",
        name: "no-supported-release",
        severity: Severity::Warning,
        finds: "A file whose constraint holds only for Go releases older than the module's go line (`//go:build !go1.21` in a `go 1.21` module): some port, cgo setting, compiler and tag set would build it, but no release from the go line on. Files no configuration at all compiles are GT202's.",
        why: "Every Go that can build the module skips the file: it is a fallback for releases the module dropped, dead code nobody compiles or tests.",
        example: "-- go.mod --\nmodule example.com/m\n\ngo 1.21\n-- old.go --\n//go:build !go1.21\n\npackage p\n",
        fix: "Delete the file (what it provided is in the file with the `go1.N` constraint), or lower the go line if the module still supports that release.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(releases) = supported(input) else {
        return;
    };
    let minor = releases.oldest();
    let Some((expr, line)) = super::combined(input) else {
        return;
    };
    let mut tags = expr.tags();
    let newest: Vec<u32> = tags.iter().filter_map(|t| release_tag(t)).collect();
    if newest.is_empty() {
        return;
    }
    // The universe's release choices: each mentioned release, one below all, and each
    // supported release with the one after it (so that "exactly 1.N" is a choice).
    let bounds: Vec<String> = match &releases {
        Supported::FromGoLine(n) => vec![format!("go1.{n}")],
        Supported::Listed(l) => l
            .iter()
            .flat_map(|n| [format!("go1.{n}"), format!("go1.{}", n + 1)])
            .collect(),
    };
    tags.extend(bounds.iter().map(String::as_str));
    tags.extend(input.file.name_constraint.tags());
    let Some(u) = Universe::for_tags(&tags) else {
        return;
    };
    let builds = u.eval(&expr).and(u.eval_name(&input.file.name_constraint));
    if builds.is_empty() {
        return; // GT202 (or GT204) reports it.
    }
    let on_supported = match &releases {
        Supported::FromGoLine(n) => builds.intersects(&u.tag(&format!("go1.{n}"))),
        Supported::Listed(l) => l.iter().any(|n| {
            let exactly = u
                .tag(&format!("go1.{n}"))
                .and(u.tag(&format!("go1.{}", n + 1)).not());
            builds.intersects(&exactly)
        }),
    };
    if on_supported {
        return;
    }
    let below: Vec<u32> = newest.iter().copied().filter(|&n| n <= minor).collect();
    let needs = match (&releases, below.iter().max()) {
        (Supported::Listed(_), _) => "a release not configured".to_string(),
        (_, Some(n)) => format!("a release older than 1.{n}"),
        (_, None) => "an older release".to_string(),
    };
    out.push(
        super::on_line(
            RULE.info.code,
            line,
            format!(
                "no supported Go release compiles {}: `{expr}` needs {needs}, and {}",
                input.file.name,
                releases.why()
            ),
        )
        .help("delete the file, or lower the go line if the module still supports that release"),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    const GOMOD: (&str, &str) = ("go.mod", "module example.com/t\n\ngo 1.21\n");

    #[test]
    fn triggers_on_fallbacks_for_dropped_releases() {
        let got = run(
            "GT505",
            &[GOMOD, ("old.go", "//go:build !go1.21\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1, got[0].2), (1, 1));
        assert!(got[0].3.contains("older than 1.21"), "{}", got[0].3);
        let got = run(
            "GT505",
            &[
                GOMOD,
                ("x_linux.go", "//go:build !go1.18 || windows\n\npackage p\n"),
            ],
        );
        assert_eq!(got.len(), 1, "the name rules out windows: {got:?}");
    }

    #[test]
    fn a_configured_release_list_is_what_the_module_supports() {
        let toml = (
            "gotags.toml",
            "[matrix]\nplatforms = [\"linux/amd64\"]\ngo = [\"1.22\", \"1.27\"]\n",
        );
        // Between the two configured releases: neither compiles it, whatever the go line.
        let got = run(
            "GT505",
            &[
                GOMOD,
                toml,
                ("mid.go", "//go:build go1.23 && !go1.27\n\npackage p\n"),
            ],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].3.contains("the configured releases are 1.22, 1.27"),
            "{}",
            got[0].3
        );
        // Older than the oldest configured release, though the go line allows it.
        let got = run(
            "GT505",
            &[GOMOD, toml, ("old.go", "//go:build !go1.22\n\npackage p\n")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        for src in [
            "//go:build go1.27\n\npackage p\n",
            "//go:build !go1.23\n\npackage p\n",
            "//go:build go1.22 && !go1.23\n\npackage p\n",
        ] {
            assert!(
                run("GT505", &[GOMOD, toml, ("a.go", src)]).is_empty(),
                "{src}"
            );
        }
        // Without the list, the go line (1.21) decides: 1.23 … 1.26 compile mid.go.
        assert!(run(
            "GT505",
            &[
                GOMOD,
                ("mid.go", "//go:build go1.23 && !go1.27\n\npackage p\n")
            ]
        )
        .is_empty());
    }

    #[test]
    fn does_not_trigger() {
        for src in [
            "//go:build !go1.22\n\npackage p\n",
            "//go:build go1.18\n\npackage p\n",
            "//go:build !go1.18 || linux\n\npackage p\n",
            "//go:build go1.30\n\npackage p\n",
            "//go:build linux && !linux\n\npackage p\n",
        ] {
            assert!(run("GT505", &[GOMOD, ("a.go", src)]).is_empty(), "{src}");
        }
        let nogo = ("go.mod", "module example.com/t\n");
        assert!(run(
            "GT505",
            &[nogo, ("a.go", "//go:build !go1.21\n\npackage p\n")]
        )
        .is_empty());
    }
}
