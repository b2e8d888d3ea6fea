//! GT601 `package-load-error`: a file that makes its package fail to load, as `go list -e`
//! reports it (an unreadable or binary `.go` file, a second package name in one directory).
//! See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, DirInput, InDir, Rule, RuleInfo};
use crate::classify::{classify, ImportError, Loader};
use crate::context::BuildContext;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::list::loader;
use crate::walk::DirFacts;
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT601",
        name: "package-load-error",
        severity: Severity::Error,
        finds: "A `.go` file that `go list -e` lists as invalid on some platform: it cannot be read (a binary or NUL-containing file, a syntax error in its header), its package name differs from the one of the first file of the directory, its `//go:build` line does not parse, it imports an invalid path, or it is a test importing \"C\" (as cmd/go loads the package: in vendor mode with go/build, which lists files the module index stops at or accepts).",
        why: "`go build` and `go vet` stop at the package with this error on those platforms; `go list -e` reports it in the package's Error field.",
        example: "-- a.go --\npackage a\n-- b.go --\npackage b\n",
        fix: "Give every file of the directory the same package name (or move the file), or remove the non-Go file from the directory.",
    },
    check: Check::Dir(check),
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

/// A readable Go file that a loader may still list as invalid: a `//go:build` line that
/// does not parse (go/build lists the file; the module index stops the package instead), an
/// invalid import path (go/build, and the index from Go 1.26 on) or a test importing "C".
/// Whether it is, on which configuration, is `classify`'s answer in the module's build mode.
fn may_be_bad(f: &FileFacts) -> bool {
    let HeaderOutcome::Read(h) = &f.header else {
        return false;
    };
    h.go_build.as_deref().is_some_and(|c| c.expr.is_err())
        || h.invalid_import.is_some()
        || (f.is_test() && h.imports_c())
}

/// Do two Go files of `dir` name different packages?
fn package_names_differ(dir: &DirFacts) -> bool {
    let mut names = dir
        .files
        .iter()
        .filter(|g| g.is_go())
        .filter_map(package_of);
    let first = names.next();
    names.any(|n| Some(n) != first)
}

/// The whole directory at once: each configuration classifies the directory's files once
/// (go/build's classification is one pass in file order, so whether a file is invalid
/// depends only on the files before it), and only the candidates (every Go file when two
/// package names meet, else the unreadable ones) are looked at. A directory of n files costs
/// O(n log n) per configuration, not O(n²).
fn check(input: &DirInput, out: &mut Vec<InDir>) {
    let files = &input.dir.files;
    let unreadable = |f: &FileFacts| {
        package_of(f).is_none()
            && !matches!(&f.header, HeaderOutcome::Read(h) if h.package_name == "documentation")
    };
    let mixed = package_names_differ(input.dir);
    let candidates: Vec<usize> = (0..files.len())
        .filter(|&i| {
            let f = &files[i];
            f.is_go() && (mixed || unreadable(f) || may_be_bad(f))
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let dir = input.dir.dir.to_string_lossy();
    // Per candidate: message → platforms, in first-seen order.
    let mut by_message: Vec<Vec<(String, Vec<usize>)>> = vec![Vec::new(); candidates.len()];
    for (p, ctx) in input.platforms.contexts.iter().enumerate() {
        // The module's build mode under this configuration's release.
        let loader = loader(input.module, input.dir, ctx);
        let all = classify(files, &dir, ctx, loader);
        let invalid: HashSet<&str> = all.invalid_go_files.iter().map(String::as_str).collect();
        let mut first: Option<Option<(String, String)>> = None;
        for (c, &i) in candidates.iter().enumerate() {
            let f = &files[i];
            if !invalid.contains(f.name.as_str()) {
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
                _ => match first.get_or_insert_with(|| first_named(files, &dir, ctx, loader)) {
                    Some((name, file)) => format!(
                        "found packages {name} ({file}) and {} ({}) in {dir}",
                        package_of(f).unwrap_or_default(),
                        f.name
                    ),
                    None => continue,
                },
            };
            let seen = &mut by_message[c];
            match seen.iter_mut().find(|(m, _)| *m == message) {
                Some((_, ps)) => ps.push(p),
                None => seen.push((message, vec![p])),
            }
        }
    }
    for (c, messages) in by_message.into_iter().enumerate() {
        for (message, platforms) in messages {
            let finding = Finding::whole_file(RULE.info.code, message)
                .help("go list -e reports this in the package's Error; go build stops there")
                .on(platforms);
            out.push(InDir {
                file: candidates[c],
                finding,
            });
        }
    }
}

/// The file that set the package name on this platform, and the name: the first `j` whose
/// prefix `files[..=j]` has a name. Once set the name stays, so the prefixes are searched by
/// halves.
fn first_named(
    files: &[FileFacts],
    dir: &str,
    ctx: &BuildContext,
    loader: Loader,
) -> Option<(String, String)> {
    let named = |j: usize| classify(&files[..=j], dir, ctx, loader).name;
    let (mut lo, mut hi) = (0usize, files.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if named(mid).is_empty() {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let name = files.get(lo).map(|_| named(lo))?;
    (!name.is_empty()).then(|| (name, files[lo].name.clone()))
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
    fn follows_the_build_mode() {
        // A `//go:build` line that does not parse: the module index stops the package there
        // (no invalid file); in vendor mode go/build lists the file as invalid.
        let files = [
            ("go.mod", "module example.com/t\n\ngo 1.21\n"),
            ("a.go", "package a\n"),
            ("b.go", "//go:build !(linux)é\n\npackage a\n"),
        ];
        assert!(run("GT601", &files).is_empty());
        let mut vendored = files.to_vec();
        vendored.push(("vendor/modules.txt", ""));
        let got = run("GT601", &vendored);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.ends_with("b.go"), "{got:?}");
        assert!(got[0].3.contains("parsing //go:build line"), "{got:?}");
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
