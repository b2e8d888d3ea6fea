//! GT502 `import-of-empty-package`: an import of a package of the module that has no Go
//! files on some configurations where the importing file compiles. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::matrix_gaps::MatrixInput;
use crate::check::rule::{Check, Located, Rule, RuleInfo};
use crate::facts::HeaderOutcome;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT502",
        name: "import-of-empty-package",
        severity: Severity::Error,
        finds: "An import of a package of this module whose build constraints exclude all of its Go files on some checked configurations where the importing file compiles. Reported at the import, once per file, listing those configurations. A package that is empty on some platforms but that nothing imports there is not reported.",
        why: "`go build` fails there with \"build constraints exclude all Go files in …\": the importer, and everything that depends on it, does not build on those platforms.",
        example: "-- a/a_linux.go --\npackage a\n-- b/b.go --\npackage b\n\nimport \"example.com/t/a\" // no Go files in a on windows\n",
        fix: "Give the imported package a file for the missing platforms (a portable fallback or a stub), or restrict the importing file to the platforms where the package exists.",
    },
    check: Check::Matrix(check),
    fix: None,
};

fn check(m: &MatrixInput, out: &mut Vec<Located>) {
    for empty in &m.gaps.empty_packages {
        let path = &empty.import_path;
        for imp in &empty.importers {
            let Some(d) = m.dir_by_path(&imp.import_path) else {
                continue;
            };
            let Some((fi, f)) = m.file(d, &imp.file) else {
                continue;
            };
            let HeaderOutcome::Read(h) = &f.header else {
                continue;
            };
            let Some(spec) = h.imports.iter().find(|i| i.path == *path) else {
                continue;
            };
            let finding = Finding::at(
                RULE.info.code,
                spec.line,
                spec.column,
                path.len() as u32 + 2,
                format!("package {path} has no Go files on some platforms where this file compiles (build constraints exclude all Go files)"),
            )
            .help("add a file for those platforms to the imported package, or constrain this file to where it exists")
            .on(imp.configs.clone());
            out.push(Located::at(d, fi, finding));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run_full;

    #[test]
    fn triggers() {
        let got = run_full(
            "GT502",
            &[
                ("a/a_linux.go", "package a\n"),
                ("b/b.go", "package b\n\nimport _ \"example.com/t/a\"\n"),
            ],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].file.as_str(), got[0].line, got[0].column),
            ("b/b.go", 3, 10)
        );
        assert!(got[0].platforms.iter().any(|p| p == "windows/amd64"));
        assert!(!got[0].platforms.iter().any(|p| p.starts_with("linux/")));
    }

    #[test]
    fn does_not_trigger() {
        let got = run_full(
            "GT502",
            &[
                ("a/a_linux.go", "package a\n"),
                ("a/other.go", "//go:build !linux\n\npackage a\n"),
                ("b/b.go", "package b\n\nimport _ \"example.com/t/a\"\n"),
                // Empty off linux, but only imported on linux.
                ("c/c_linux.go", "package c\n"),
                (
                    "d/d_linux.go",
                    "package d\n\nimport _ \"example.com/t/c\"\n",
                ),
                ("d/d.go", "package d\n"),
            ],
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
