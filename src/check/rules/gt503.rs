//! GT503 `undefined-on-platform`: a name the file uses that no compiled file of the package
//! declares on some configurations. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::matrix_gaps::GapFact;
use crate::check::rule::{FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT503",
        name: "undefined-on-platform",
        severity: Severity::Error,
        finds: "A package-level name (func, type, var, const, or an unexported method selected as `x.m`) that this file uses on some checked configurations where none of the package's compiled files declares it, while other configurations do declare it. Found by `gotags matrix`'s declaration scanner (not a type checker); reported at the first use, once per file, listing the configurations.",
        why: "The package fails to compile there with `undefined: X`: typically a helper defined in `x_linux.go` and `x_darwin.go` but called from a portable file.",
        example: "// file f_linux.go\npackage p\n\nfunc helper() {}\n\n// file use.go\npackage p\n\nfunc F() { helper() } // undefined on windows",
        fix: "Declare the name for the missing platforms (a fallback file with the complementary constraint), or constrain the using file to where it exists.",
    },
    check,
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    for g in input.gaps {
        let GapFact::Undefined {
            decl,
            name,
            line,
            column,
            declared_in,
            configs,
        } = g
        else {
            continue;
        };
        let mut f = Finding::at(
            RULE.info.code,
            *line,
            *column,
            name.len() as u32,
            format!(
                "undefined: {name} on some platforms ({decl} is declared only in {})",
                declared_in.join(", ")
            ),
        )
        .help(
            "declare it for the missing platforms too, or constrain this file to where it exists",
        );
        f.platforms = Some(configs.clone());
        out.push(f);
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
