//! GT411 `embed-large-file`: an embedded file above the configured size budget. See `RULE`.

use crate::check::diagnostic::{Finding, Severity};
use crate::check::rule::{Check, FileInput, Rule, RuleInfo};

pub static RULE: Rule = Rule {
    info: RuleInfo {
        code: "GT411",
        name: "embed-large-file",
        severity: Severity::Warning,
        finds: "A single file pulled in by a `//go:embed` pattern that is larger than `[embed] max_file_size` in gotags.toml (off unless configured).",
        why: "Every embedded byte ends up in the binary; a stray build artefact or data dump under an embedded directory silently bloats every release.",
        example: "-- gotags.toml --\n[embed]\nmax_file_size = 8\n-- p.go --\npackage p\n\nimport \"embed\"\n\n//go:embed static\nvar static embed.FS\n-- static/video.mp4 --\nmore than eight bytes\n",
        fix: "Exclude the file (narrow the pattern or move the file), or raise the budget deliberately.",
    },
    check: Check::File(check),
    fix: None,
};

fn check(input: &FileInput, out: &mut Vec<Finding>) {
    let Some(limit) = input.embed_max_file_size else {
        return;
    };
    for (p, r) in super::embed_reports(input) {
        let Ok(report) = r else { continue };
        for f in report.files.iter().filter(|f| f.size > limit) {
            out.push(
                super::on_pattern(
                    RULE.info.code,
                    p,
                    format!(
                        "pattern {} embeds {} ({} bytes, budget {limit})",
                        p.pattern, f.rel, f.size
                    ),
                )
                .help("narrow the pattern or raise [embed] max_file_size"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::run;

    const SRC: &str = "package p\n\nimport \"embed\"\n\n//go:embed d\nvar f embed.FS\n";

    #[test]
    fn triggers() {
        // The test harness sets a budget of 8 bytes.
        let got = run("GT411", &[("a.go", SRC), ("d/big.bin", "0123456789")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "pattern d embeds d/big.bin (10 bytes, budget 8)");
    }

    #[test]
    fn does_not_trigger() {
        assert!(run("GT411", &[("a.go", SRC), ("d/small.txt", "x")]).is_empty());
    }
}
