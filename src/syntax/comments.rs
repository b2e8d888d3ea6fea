//! What a whole file's comments say, from one scan with [`crate::go::scanner`]: the lines
//! vet's `buildtag` analyzer looks at, replayed in its reading order with whether the
//! `+build` and `//go:build` areas are still open (spec §9.1); `//gotags:ignore` comments;
//! `//go:generate` comments; and each `//go:embed` comment with the declaration it precedes
//! ([`super::embed`]).

use super::embed::{self, EmbedSite};
use crate::go::scanner::{self, Kind, Mode, Token};

/// A comment line vet's buildtag analyzer looks at (its text contains `+build` or
/// `//go:build`), with the analyzer's state when it gets there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VetLine {
    pub line: u32,
    pub column: u32,
    /// The line as vet sees it, trailing white space removed.
    pub text: String,
    /// vet's `plusBuildOK`: still inside the `+build` area.
    pub plus_ok: bool,
    /// vet's `goBuildOK`: still before the package clause.
    pub go_ok: bool,
    /// The line sits inside a `/* */` comment.
    pub in_star: bool,
}

/// Whole-file facts for `check`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceFacts {
    pub vet_lines: Vec<VetLine>,
    pub embed_sites: Vec<EmbedSite>,
    /// `//gotags:ignore CODE…` comments: the line and the codes (empty means every code).
    pub ignores: Vec<(u32, Vec<String>)>,
    /// `(line, column)` of each `//` comment mentioning `go:generate` (Go files): a
    /// lookalike directive elsewhere (in a string, say) is just text.
    pub generate_comments: Vec<(u32, u32)>,
}

impl SourceFacts {
    pub fn scan(src: &[u8], is_go: bool) -> SourceFacts {
        let src = crate::go::reader::strip_bom(src);
        if is_go {
            // Every fact here comes from a comment naming one of a few words; most files
            // name none, and a byte search is far cheaper than scanning their tokens.
            if mentions_a_directive(src) {
                scan_go(src)
            } else {
                SourceFacts::default()
            }
        } else {
            scan_other(src)
        }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// Whether `src` holds any word a fact in [`SourceFacts`] needs: `+build`, `go:build`,
/// `go:generate`, `go:embed` or `gotags:ignore`.
pub(crate) fn mentions_a_directive(src: &[u8]) -> bool {
    contains(src, b"+build")
        || contains(src, b"gotags:ignore")
        || memchr::memmem::find_iter(src, b"go:").any(|at| {
            let rest = &src[at + 3..];
            rest.starts_with(b"build")
                || rest.starts_with(b"generate")
                || rest.starts_with(b"embed")
        })
}

fn relevant(text: &[u8]) -> bool {
    contains(text, b"+build") || contains(text, b"go:build")
}

fn text_of(b: &[u8]) -> String {
    String::from_utf8_lossy(b).trim_end().to_string()
}

fn ignore_codes(text: &[u8]) -> Option<Vec<String>> {
    let s = String::from_utf8_lossy(text);
    let rest = s.trim_start().strip_prefix("//gotags:ignore")?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.split(" //").next().unwrap_or_default();
    Some(
        rest.split([' ', '\t', ','])
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// vet's `checkGoFile` walk over the comment groups, plus the embed and ignore facts: the
/// token scan [`SourceFacts::scan`] skips for files naming no directive.
pub(crate) fn scan_go(src: &[u8]) -> SourceFacts {
    let all = scanner::tokens(
        src,
        Mode {
            comments: true,
            insert_semis: true,
        },
    );
    // Vet groups comments by the tokens between them; inserted semicolons are not tokens.
    let toks: Vec<Token> = all
        .iter()
        .filter(|t| t.kind != Kind::Semi { auto: true })
        .copied()
        .collect();
    let mut out = SourceFacts::default();
    let package_tok = toks.iter().find(|t| t.kind == Kind::Keyword("package"));
    let package_at = package_tok.map_or(usize::MAX, |t| t.start);

    // Comment groups as go/parser forms them: adjacent comments with no blank line between
    // and no other token between.
    let mut plus_ok = true;
    let mut go_ok = true;
    let mut k = 0;
    while k < toks.len() {
        if !is_comment(&toks[k]) {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        let mut end_line = toks[k].end_line;
        while end < toks.len() && is_comment(&toks[end]) && toks[end].line <= end_line + 1 {
            end_line = toks[end].end_line;
            end += 1;
        }
        // A comment on the line of the token before it starts a group of its own (a line
        // comment); go/parser groups such a comment only with those on the same line.
        let group = &toks[k..end];
        let group_end = group.last().map_or(0, |t| t.end);
        if group_end + 1 >= package_at {
            plus_ok = false;
        }
        if group[0].start >= package_at {
            go_ok = false;
        }
        for c in group {
            let text = &src[c.start..c.end];
            if is_line_comment(c, src) && contains(text, b"go:generate") {
                out.generate_comments.push((c.line, c.column));
            }
            if !is_line_comment(c, src) {
                plus_ok = false;
            }
            vet_comment(&mut out, c, src, plus_ok, go_ok);
            if let Some(codes) = ignore_codes(text) {
                out.ignores.push((c.line, codes));
            }
        }
        k = end;
    }
    out.embed_sites = embed::sites(src, &all);
    out
}

fn is_comment(t: &Token) -> bool {
    t.kind == Kind::Comment
}

fn is_line_comment(t: &Token, src: &[u8]) -> bool {
    t.kind == Kind::Comment && t.text(src).starts_with(b"//")
}

/// vet's `checker.comment` for one Go comment.
fn vet_comment(out: &mut SourceFacts, c: &Token, src: &[u8], plus_ok: bool, go_ok: bool) {
    let text = c.text(src);
    if is_line_comment(c, src) {
        if relevant(text) {
            out.vet_lines.push(VetLine {
                line: c.line,
                column: c.column,
                text: text_of(text),
                plus_ok,
                go_ok,
                in_star: false,
            });
        }
        return;
    }
    // A block comment: its lines after the first that start with `//` are looked at too.
    let mut line = c.line;
    let mut rest = text;
    let Some(nl) = rest.iter().position(|&b| b == b'\n') else {
        return;
    };
    rest = &rest[nl + 1..];
    line += 1;
    while !rest.is_empty() {
        let n = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let l = &rest[..n];
        if l.starts_with(b"//") && relevant(l) {
            out.vet_lines.push(VetLine {
                line,
                column: 1,
                text: text_of(l),
                plus_ok,
                go_ok,
                in_star: true,
            });
        }
        rest = &rest[n..];
        line += 1;
    }
}

/// vet's `checkOtherFile`: the `//` lines up to the first line that is not a comment.
fn scan_other(src: &[u8]) -> SourceFacts {
    let mut out = SourceFacts::default();
    let lines: Vec<&[u8]> = src.split_inclusive(|&b| b == b'\n').collect();
    let mut cutoff = 0usize;
    let mut offset = 0usize;
    for l in &lines {
        let t = String::from_utf8_lossy(l);
        let t = t.trim();
        if !t.starts_with("//") && !t.is_empty() {
            break;
        }
        if t.is_empty() {
            cutoff = offset;
        }
        offset += l.len();
    }
    let mut in_star = false;
    let mut offset = 0usize;
    for (i, l) in lines.iter().enumerate() {
        let line_no = i as u32 + 1;
        let plus_ok = offset < cutoff;
        offset += l.len();
        if l.starts_with(b"//") {
            if relevant(l) {
                out.vet_lines.push(VetLine {
                    line: line_no,
                    column: 1,
                    text: text_of(l),
                    plus_ok,
                    go_ok: true,
                    in_star: false,
                });
            }
            if let Some(codes) = ignore_codes(l) {
                out.ignores.push((line_no, codes));
            }
            continue;
        }
        let s = String::from_utf8_lossy(l);
        let mut rest: &str = &s;
        loop {
            rest = rest.trim();
            if in_star {
                match rest.find("*/") {
                    Some(i) => {
                        rest = &rest[i + 2..];
                        in_star = false;
                        continue;
                    }
                    None => {
                        rest = "";
                        break;
                    }
                }
            }
            if let Some(r) = rest.strip_prefix("/*") {
                in_star = true;
                rest = r;
                continue;
            }
            break;
        }
        if !rest.is_empty() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vet_areas_for_go_files() {
        let src = b"// +build linux\n\n//go:build linux\npackage p // +build x\n\n//go:build y\n/*\n//go:build z\n*/\n";
        let f = SourceFacts::scan(src, true);
        let got: Vec<(u32, bool, bool, bool)> = f
            .vet_lines
            .iter()
            .map(|l| (l.line, l.plus_ok, l.go_ok, l.in_star))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, true, true, false),
                (3, false, true, false),
                (4, false, false, false),
                (6, false, false, false),
                (8, false, false, true)
            ]
        );
    }

    #[test]
    fn other_files() {
        let f = SourceFacts::scan(b"// +build a\n\n// +build b\nTEXT x\n// +build c\n", false);
        let got: Vec<(u32, bool)> = f.vet_lines.iter().map(|l| (l.line, l.plus_ok)).collect();
        assert_eq!(got, vec![(1, true), (3, false)]);
    }

    #[test]
    fn embed_targets() {
        let src = b"package p\nimport \"embed\"\n//go:embed a\nvar s string\n//go:embed b\nvar x, y string = \"\", \"\"\nvar (\n\t//go:embed c\n\tf embed.FS\n)\nfunc f() {\n\t//go:embed d\n\tvar v string\n}\n//go:embed e\nfunc g() {}\n//go:embed f\nvar b []byte\n";
        let f = SourceFacts::scan(src, true);
        let got: Vec<String> = f
            .embed_sites
            .into_iter()
            .map(|s| match s.target {
                embed::EmbedTarget::Var {
                    names,
                    type_text,
                    has_init,
                    ..
                } => format!("var {names} {type_text} {has_init}"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                "var 1 string false",
                "var 2 string true",
                "var 1 embed.FS false",
                "VarInFunc",
                "Other(\"func\")",
                "var 1 []byte false",
            ]
        );
    }

    #[test]
    fn ignore_comments() {
        let f = SourceFacts::scan(
            b"package p\n//gotags:ignore GT101, GT102\n//gotags:ignore\n",
            true,
        );
        assert_eq!(
            f.ignores,
            vec![
                (2, vec!["GT101".to_string(), "GT102".to_string()]),
                (3, vec![])
            ]
        );
    }
}
