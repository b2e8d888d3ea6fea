//! GT407 `embed-wrong-type`: a `//go:embed` declaration the compiler rejects. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};
use crate::syntax::embed::EmbedTarget;

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT407",
        name: "embed-wrong-type",
        severity: Severity::Error,
        finds: "A `//go:embed` variable whose type is not `string`, `[]byte` or `embed.FS` (nor a defined type or alias of them), or a declaration of several variables.",
        why: "The compiler rejects it: `go:embed cannot apply to var of type T` / `go:embed cannot apply to multiple vars`.",
        example: "//go:embed a.txt\nvar n int",
        fix: "Declare exactly one variable of type string, []byte or embed.FS.",
    },
    check: Check::File(check),
    fix: None,
};

/// Types the compiler certainly rejects (named types may be aliases of allowed ones).
fn rejected(t: &str) -> bool {
    const BASIC: &[&str] = &[
        "bool",
        "int",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint",
        "uint16",
        "uint32",
        "uint64",
        "uintptr",
        "float32",
        "float64",
        "complex64",
        "complex128",
        "rune",
        "error",
        "any",
    ];
    BASIC.contains(&t)
        || t.starts_with('*')
        || t.starts_with("map[")
        || t.starts_with("chan")
        || t.starts_with("func")
        || t.starts_with("interface")
        || t.starts_with("struct")
        || t.strip_prefix("[]")
            .is_some_and(|elem| elem != "byte" && elem != "uint8" && rejected_elem(elem))
        || (t.starts_with('[') && !t.starts_with("[]"))
}

/// Slice element types the compiler rejects: any builtin other than byte/uint8, and
/// composite types. A named element (`[]T`) may be a byte type, so it is left alone.
fn rejected_elem(elem: &str) -> bool {
    elem == "string"
        || elem == "int8"
        || rejected(elem)
        || !elem
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    super::embed_site_rule(input, RULE.info.code, out, |t| match t {
        EmbedTarget::Var { names, .. } if *names > 1 => Some((
            "go:embed cannot apply to multiple vars".into(),
            "declare one variable per //go:embed directive",
        )),
        EmbedTarget::Var { type_text, .. } if rejected(type_text) => Some((
            format!("go:embed cannot apply to var of type {type_text}"),
            "use string, []byte or embed.FS",
        )),
        _ => None,
    });
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let got = run(
            "GT407",
            &[(
                "a.go",
                "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar n int\n\nvar _ embed.FS\n",
            )],
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT407", &[("a.go", "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar s string\n\n//go:embed a.txt b.txt\nvar f embed.FS\n"), ("a.txt", "x"), ("b.txt", "y")]).is_empty());
    }
}

#[cfg(test)]
mod more_tests {
    use crate::check::testing::run;

    #[test]
    fn named_byte_slices_are_accepted() {
        let src = "package p\n\nimport _ \"embed\"\n\ntype T byte\n\nvar (\n\t//go:embed a.txt\n\tx []T\n\t//go:embed a.txt\n\ty []uint8\n)\n\n//go:embed a.txt\nvar z []string\n";
        let got = run("GT407", &[("a.go", src), ("a.txt", "x")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "go:embed cannot apply to var of type []string");
    }
}
