//! GT504 `redeclared-on-platform`: a package-level name declared twice on some
//! configurations. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::matrix_gaps::{scan_of, MatrixInput};
use crate::check::rule::{Check, Located, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT504",
        name: "redeclared-on-platform",
        severity: Severity::Error,
        finds: "A package-level name (or a method of one receiver type) declared in two compiled files of the package on some checked configurations, usually because two files' constraints overlap. Reported at each declaration, once per file, naming the other one and listing the configurations.",
        why: "The package fails to compile there with `X redeclared in this block`.",
        example: "// file f_linux.go\npackage p\n\nfunc open() {}\n\n// file f_unix.go\n//go:build unix\n\npackage p\n\nfunc open() {} // both on linux",
        fix: "Make the files' constraints exclusive (`//go:build unix && !linux`), or remove one declaration.",
    },
    check: Check::Matrix(check),
    fix: None,
};

fn check(m: &MatrixInput, out: &mut Vec<Located>) {
    for dup in &m.gaps.duplicate_decls {
        let Some(d) = m.dir_by_path(&dup.import_path) else {
            continue;
        };
        let name = &dup.name;
        let short = name.rsplit('.').next().unwrap_or(name);
        for loc in &dup.locations {
            let Some((file, line)) = loc.rsplit_once(':') else {
                continue;
            };
            let Ok(line) = line.parse::<u32>() else {
                continue;
            };
            let Some((fi, f)) = m.file(d, file) else {
                continue;
            };
            let column = scan_of(f)
                .and_then(|s| s.decls.iter().find(|x| x.line == line && x.key() == *name))
                .map_or(1, |x| x.column);
            let others: Vec<String> = dup
                .locations
                .iter()
                .filter(|l| *l != loc)
                .cloned()
                .collect();
            let finding = Finding::at(
                RULE.info.code,
                line,
                column,
                short.len() as u32,
                format!(
                    "{name} redeclared on some platforms: also declared at {}",
                    others.join(", ")
                ),
            )
            .help("make the files' build constraints mutually exclusive, or remove one declaration")
            .on(dup.configs.clone());
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
            "GT504",
            &[
                ("f_linux.go", "package p\n\nfunc open() {}\n"),
                (
                    "f_unix.go",
                    "//go:build unix\n\npackage p\n\nfunc open() {}\n",
                ),
            ],
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[0].file.as_str(), got[0].line, got[0].column),
            ("f_linux.go", 3, 6)
        );
        assert_eq!(
            (got[1].file.as_str(), got[1].line, got[1].column),
            ("f_unix.go", 5, 6)
        );
        assert!(got[0].message.contains("f_unix.go:5"), "{}", got[0].message);
        assert!(got[0]
            .platforms
            .iter()
            .all(|p| p.starts_with("linux/") || p.starts_with("android/")));
    }

    #[test]
    fn does_not_trigger() {
        let got = run_full(
            "GT504",
            &[
                ("f_linux.go", "package p\n\nfunc open() {}\n"),
                (
                    "f_unix.go",
                    "//go:build unix && !linux\n\npackage p\n\nfunc open() {}\n",
                ),
                (
                    "t.go",
                    "package p\n\ntype T struct{}\n\nfunc (T) open() {}\n",
                ),
            ],
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
