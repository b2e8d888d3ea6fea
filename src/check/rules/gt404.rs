//! GT404 `embed-module-root`: embedding `.` or the whole module. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT404",
        name: "embed-module-root",
        severity: Severity::Warning,
        finds: "`//go:embed *` (or `all:*`): every file of the package directory, and at the module root the whole module. (`//go:embed .` itself is rejected by Go: see GT402.)",
        why: "It embeds the package's Go sources, go.mod and every asset below (at the root: the whole module), bloating the binary and possibly shipping secrets.",
        example: "package p\n\nimport \"embed\"\n\n//go:embed *\nvar everything embed.FS\n",
        fix: "Put the assets in a subdirectory and embed that (`//go:embed static`).",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(h) = input.header() else { return };
    for p in h.embeds() {
        let bare = p.pattern.strip_prefix("all:").unwrap_or(&p.pattern);
        if bare != "*" {
            continue;
        }
        let root = input.dir.rel.is_empty();
        let what = if root {
            "the whole module"
        } else {
            "the whole package directory, Go sources included"
        };
        out.push(
            Finding::at(
                RULE.info.code,
                p.line,
                p.column,
                p.pattern.len() as u32,
                format!("pattern {} embeds {what}", p.pattern),
            )
            .help("move the assets into a subdirectory and embed only that"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    #[test]
    fn triggers() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed *\nvar f embed.FS\n";
        let got = run("GT404", &[("a.go", src)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "pattern * embeds the whole module");
    }

    #[test]
    fn does_not_trigger() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed static\nvar f embed.FS\n";
        assert!(run("GT404", &[("a.go", src), ("static/a", "x")]).is_empty());
    }
}
