//! `//go:embed` directives as Go 1.26 and later collect them (`go/build/read.go:
//! readGoInfo`, `GoList::embed_token_scan`): every `//` comment the Go scanner finds in
//! the whole file (line one and after code included; block comments, strings and raw strings
//! hide text) whose text starts with `//go:embed`, split as `go/ast.ParseDirective` and
//! `Directive.ParseArgs` do. Positions are byte columns. A comment's carriage returns are
//! dropped before it is split, as go/scanner drops them from comment text.

use super::scan::{parse_args, pattern_at, EmbedDirective};
use crate::go::scanner::{self, Kind, Mode};
use crate::go::unicode::{next_space, skip_space, trim_space};

const PREFIX: &[u8] = b"//go:embed";

/// The well-formed `//go:embed` directives of `src` (a byte-order mark already stripped, as
/// go/build's reader strips it), in file order. Malformed ones are dropped, as go/build
/// drops them.
pub fn scan_directives(src: &[u8]) -> Vec<EmbedDirective> {
    let mut out = Vec::new();
    for t in scanner::tokens(src, Mode::COMMENTS) {
        if t.kind != Kind::Comment {
            continue;
        }
        let raw = t.text(src);
        if !raw.starts_with(PREFIX) {
            continue;
        }
        let text: Vec<u8> = raw.iter().copied().filter(|&b| b != b'\r').collect();
        let Some(args_at) = embed_args(&text) else {
            continue;
        };
        let args = trim_space(&text[args_at..]).0;
        let Ok(list) = parse_args(args) else {
            continue;
        };
        let patterns = list
            .into_iter()
            .map(|(bytes, off)| {
                let column = t.column as usize + args_at + off;
                pattern_at(bytes, t.line, column, column)
            })
            .collect();
        out.push(EmbedDirective {
            line: t.line,
            column: t.column,
            patterns,
        });
    }
    out
}

/// For a comment starting with `//go:embed`: where its arguments start when the directive's
/// name (everything up to the first Unicode space after `go:`) is exactly `embed`.
fn embed_args(text: &[u8]) -> Option<usize> {
    let name_start = b"//go:".len();
    let name_end = next_space(text, name_start);
    if &text[name_start..name_end] != b"embed" {
        return None;
    }
    Some(skip_space(text, name_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pats(src: &str) -> Vec<(String, u32, u32)> {
        scan_directives(src.as_bytes())
            .into_iter()
            .flat_map(|d| d.patterns)
            .map(|p| (p.pattern, p.line, p.column))
            .collect()
    }

    #[test]
    fn every_line_comment_counts_and_nothing_hidden_does() {
        let src =
            "//go:embed one.txt\npackage p\n\nimport \"embed\"\n/*\n//go:embed inblock.txt\n*/\n\
                   var raw = `\n//go:embed inraw.txt\n`\nvar y int //go:embed after.txt\n\
                   /* c */ //go:embed afterblock.txt\n// go:embed spaced.txt\n//go:embedx x.txt\n\
                   //go:embed\n//go:embed\tt.txt\n";
        let names: Vec<String> = pats(src).into_iter().map(|p| p.0).collect();
        assert_eq!(
            names,
            ["one.txt", "after.txt", "afterblock.txt", "t.txt"],
            "{src}"
        );
    }

    #[test]
    fn an_unterminated_string_ends_at_its_line() {
        let src = "package p\nimport _ \"embed\"\nvar s = \"\\\n//go:embed instring.txt\"\n";
        assert_eq!(pats(src), [("instring.txt\"".to_string(), 4, 12)]);
    }

    #[test]
    fn columns_are_bytes_and_unicode_spaces_separate() {
        let src = "package p\n//go:embed é.txt  \"x y\" `z`\n//go:embed\u{a0}nb.txt\n";
        assert_eq!(
            pats(src),
            [
                ("é.txt".to_string(), 2, 12),
                ("x y".to_string(), 2, 20),
                ("z".to_string(), 2, 26),
                ("nb.txt".to_string(), 3, 13),
            ]
        );
    }

    #[test]
    fn malformed_arguments_drop_the_directive() {
        assert!(pats("//go:embed \"open\n//go:embed `x`y\n").is_empty());
        assert_eq!(pats("//go:embed a\r\n").len(), 1);
    }
}
