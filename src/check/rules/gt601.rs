//! GT601 `package-load-error`: a file that makes its package fail to load, as `go list -e`
//! reports it (an unreadable or binary `.go` file, a second package name in one directory).
//! See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::classify::{classify, ImportError};
use crate::context::BuildContext;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::list::loader_for;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT601",
        name: "package-load-error",
        severity: Severity::Error,
        finds: "A `.go` file that `go list -e` lists as invalid on some platform: it cannot be read (a binary or NUL-containing file, a syntax error in its header), or its package name differs from the one of the first file of the directory.",
        why: "`go build` and `go vet` stop at the package with this error on those platforms; `go list -e` reports it in the package's Error field.",
        example: "-- a.go --\npackage a\n-- b.go --\npackage b\n",
        fix: "Give every file of the directory the same package name (or move the file), or remove the non-Go file from the directory.",
    },
    check: Check::File(check),
    fix: None,
};

/// The package name a Go file contributes, as go/build compares it.
fn package_of(f: &FileFacts) -> Option<&str> {
    match &f.header {
        HeaderOutcome::Read(h) if h.parse_error.is_none() && h.package_name != "documentation" => {
            Some(
                h.package_name
                    .strip_suffix("_test")
                    .filter(|_| f.is_test())
                    .unwrap_or(&h.package_name),
            )
        }
        _ => None,
    }
}

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let f = input.file;
    if !f.is_go() {
        return;
    }
    let Some(index) = input.dir.files.iter().position(|g| std::ptr::eq(g, f)) else {
        return;
    };
    let unreadable = package_of(f).is_none()
        && !matches!(&f.header, HeaderOutcome::Read(h) if h.package_name == "documentation");
    // A second name is only possible where the directory has two; most have one.
    let mut names = input
        .dir
        .files
        .iter()
        .filter(|g| g.is_go())
        .filter_map(package_of);
    let first = names.next();
    let mixed = names.any(|n| Some(n) != first);
    if !unreadable && !mixed {
        return;
    }
    let dir = input.dir.dir.to_string_lossy();
    let loader = loader_for(input.dir);
    let mut by_message: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, ctx) in input.platforms.contexts.iter().enumerate() {
        let upto = classify(&input.dir.files[..=index], &dir, ctx, loader);
        if !upto.invalid_go_files.contains(&f.name) {
            continue;
        }
        // The file's own error when it has one, else the clash with the first file.
        let alone = classify(std::slice::from_ref(f), &dir, ctx, loader);
        let message = match alone.error {
            Some(ImportError::BadFile { message, .. })
                if alone.invalid_go_files.contains(&f.name) =>
            {
                message
            }
            _ => match first_named(input, index, ctx) {
                Some((name, file)) => format!(
                    "found packages {name} ({file}) and {} ({}) in {dir}",
                    package_of(f).unwrap_or_default(),
                    f.name
                ),
                None => continue,
            },
        };
        match by_message.iter_mut().find(|(m, _)| *m == message) {
            Some((_, ps)) => ps.push(i),
            None => by_message.push((message, vec![i])),
        }
    }
    for (message, platforms) in by_message {
        let mut finding = Finding::at(RULE.info.code, 1, 1, 1, message)
            .help("go list -e reports this in the package's Error; go build stops there");
        finding.platforms = Some(platforms);
        out.push(finding);
    }
}

/// The file that set the package name on this platform, and the name.
fn first_named(input: &FileInput, index: usize, ctx: &BuildContext) -> Option<(String, String)> {
    let dir = input.dir.dir.to_string_lossy();
    let loader = loader_for(input.dir);
    (0..index).find_map(|j| {
        let named = classify(&input.dir.files[..=j], &dir, ctx, loader).name;
        (!named.is_empty()).then(|| (named, input.dir.files[j].name.clone()))
    })
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run("GT601", &[("a.go", "package a\n"), ("b.go", "package b\n")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.ends_with("b.go"), "{got:?}");
        assert!(
            got[0]
                .3
                .starts_with("found packages a (a.go) and b (b.go) in "),
            "{got:?}"
        );
        let got = run(
            "GT601",
            &[("a.go", "package a\n"), ("x.go", "\u{7f}ELF\u{0}\u{1}")],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].3.contains("unexpected NUL in input"), "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        // Test packages, ignored files and documentation are not a second name.
        let files = [
            ("a.go", "package a\n"),
            ("a_test.go", "package a_test\n"),
            ("gen.go", "//go:build ignore\n\npackage main\n"),
            ("doc.go", "package documentation\n"),
        ];
        assert!(run("GT601", &files).is_empty());
    }
}
