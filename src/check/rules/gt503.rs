//! GT503 `undefined-on-platform`: a name the file uses that no compiled file of the package
//! declares on some configurations. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::matrix_gaps::{scan_of, MatrixInput};
use crate::check::rule::{Check, Located, Rule, RuleInfo};
use crate::constraint::Truth;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT503",
        name: "undefined-on-platform",
        severity: Severity::Error,
        finds: "A package-level name (func, type, var, const, or an unexported method selected as `x.m`) that this file uses on some checked configurations where none of the package's compiled files declares it, while other configurations do declare it. Found by `gotags matrix`'s declaration scanner (not a type checker); reported at the first use, once per file, listing the configurations.",
        why: "The package fails to compile there with `undefined: X`: typically a helper defined in `x_linux.go` and `x_darwin.go` but called from a portable file.",
        example: "-- f_linux.go --\npackage p\n\nfunc helper() {}\n-- use.go --\npackage p\n\nfunc F() { helper() } // undefined on windows\n",
        fix: "Declare the name for the missing platforms (a fallback file with the complementary constraint), or constrain the using file to where it exists.",
    },
    check: Check::Matrix(check),
    fix: None,
};

/// The name a `describe()`d declaration introduces (`method (T) m` → `m`).
fn bare_name(decl: &str) -> &str {
    decl.rsplit(' ').next().unwrap_or(decl)
}

fn check(m: &MatrixInput, out: &mut Vec<Located>) {
    for missing in &m.gaps.missing_decls {
        let Some(d) = m.dir_by_path(&missing.import_path) else {
            continue;
        };
        let name = bare_name(&missing.decl);
        let method = missing.decl.starts_with("method");
        let missing_on = m.bits(&missing.missing);
        for user in &missing.used_in {
            let Some((fi, f)) = m.file(d, user) else {
                continue;
            };
            let Some(scan) = scan_of(f) else {
                continue;
            };
            let (names, positions) = if method {
                (&scan.selectors, &scan.selector_positions)
            } else {
                (&scan.uses, &scan.use_positions)
            };
            let Some(&(line, column)) = names.position(name).and_then(|k| positions.get(k)) else {
                continue;
            };
            let here = d.compiled[fi].clone().and(missing_on.clone());
            let configs = if here.is_empty() {
                missing.missing.clone()
            } else {
                here.iter().collect()
            };
            let finding = Finding::at(
                RULE.info.code,
                line,
                column,
                name.len() as u32,
                format!(
                    "undefined: {name} on some platforms ({} is declared only in {})",
                    missing.decl,
                    missing.declared_in.join(", ")
                ),
            )
            .help(
                "declare it for the missing platforms too, or constrain this file to where it exists",
            )
            .on(configs);
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
            "GT503",
            &[
                ("f_linux.go", "package p\n\nfunc helper() {}\n"),
                ("use.go", "package p\n\nfunc F() {\n\thelper()\n}\n"),
            ],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].file.as_str(), got[0].line, got[0].column),
            ("use.go", 4, 2)
        );
        assert!(got[0].message.contains("f_linux.go"), "{}", got[0].message);
        assert!(got[0].platforms.iter().any(|p| p == "windows/amd64"));
        assert!(!got[0].platforms.iter().any(|p| p.starts_with("linux/")));
    }

    #[test]
    fn does_not_trigger() {
        let got = run_full(
            "GT503",
            &[
                ("f_linux.go", "package p\n\nfunc helper() {}\n"),
                (
                    "f_other.go",
                    "//go:build !linux\n\npackage p\n\nfunc helper() {}\n",
                ),
                ("use.go", "package p\n\nfunc F() {\n\thelper()\n}\n"),
                // Used only where declared.
                ("g_linux.go", "package p\n\nfunc onlyLinux() { more() }\n"),
                ("h_linux.go", "package p\n\nfunc more() {}\n"),
            ],
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
