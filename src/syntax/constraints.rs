//! Which `//go:build` / `// +build` lines count in a header (go/build's `parseFileHeader`
//! and the `+build` collection of `shouldBuild`), and the one rule for which of them decide:
//! [`deciding`] — the `//go:build` line when there is one, else every `+build` line.

use crate::go::unicode::trim_space;

/// The constraint lines that decide whether a file builds: the `//go:build` line alone when
/// present, else all `+build` lines (which must all hold). Every evaluation of a file's
/// header constraints goes through this.
pub fn deciding<'a, T>(go_build: Option<&'a T>, plus_build: &'a [T]) -> &'a [T] {
    match go_build {
        Some(gb) => std::slice::from_ref(gb),
        None => plus_build,
    }
}

/// A constraint line as written in the header, trimmed, with its 1-based position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstraintLine {
    pub text: String,
    pub line: u32,
    /// 1-based byte column where the trimmed text starts.
    pub column: u32,
}

/// The constraint lines go/build honours in one header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderConstraints {
    /// The `//go:build` line, which alone decides when present.
    pub go_build: Option<ConstraintLine>,
    /// `// +build` lines in the region before the last blank line that precedes the first
    /// non-comment text; only consulted when there is no `//go:build` line.
    pub plus_build: Vec<ConstraintLine>,
    /// `//go:binary-only-package` seen outside block comments.
    pub binary_only: bool,
}

/// The one header-level error: a second `//go:build` line (go/build's message).
pub const MULTIPLE_GO_BUILD: &str = "multiple //go:build comments";

/// go/build's `parseFileHeader` followed by the `+build` line collection of `shouldBuild`.
pub fn scan_constraints(header: &[u8]) -> Result<HeaderConstraints, &'static str> {
    let mut out = HeaderConstraints::default();
    let mut end = 0usize;
    let mut ended = false;
    let mut in_star = false;
    let mut offset = 0usize;
    let mut line_no = 0u32;
    'lines: while offset < header.len() {
        line_no += 1;
        let (raw, next) = match header[offset..].iter().position(|&b| b == b'\n') {
            Some(i) => (&header[offset..offset + i], offset + i + 1),
            None => (&header[offset..], header.len()),
        };
        offset = next;
        let (mut line, lead) = trim_space(raw);
        if line.is_empty() && !ended {
            end = offset;
            continue;
        }
        if !line.starts_with(b"//") {
            ended = true;
        }
        if !in_star && is_go_build_comment(line) {
            if out.go_build.is_some() {
                return Err(MULTIPLE_GO_BUILD);
            }
            out.go_build = Some(ConstraintLine {
                text: String::from_utf8_lossy(line).into_owned(),
                line: line_no,
                column: (lead + 1) as u32,
            });
        }
        if !in_star && line == b"//go:binary-only-package" {
            out.binary_only = true;
        }
        while !line.is_empty() {
            if in_star {
                match memchr::memmem::find(line, b"*/") {
                    Some(i) => {
                        in_star = false;
                        line = trim_space(&line[i + 2..]).0;
                        continue;
                    }
                    None => continue 'lines,
                }
            }
            if line.starts_with(b"//") {
                continue 'lines;
            }
            if let Some(rest) = line.strip_prefix(b"/*") {
                in_star = true;
                line = trim_space(rest).0;
                continue;
            }
            break 'lines;
        }
    }
    if out.go_build.is_none() {
        let mut offset = 0usize;
        let mut line_no = 0u32;
        while offset < end {
            line_no += 1;
            let (raw, next) = match header[offset..end].iter().position(|&b| b == b'\n') {
                Some(i) => (&header[offset..offset + i], offset + i + 1),
                None => (&header[offset..end], end),
            };
            offset = next;
            let (line, lead) = trim_space(raw);
            if !line.starts_with(b"//") || memchr::memmem::find(line, b"+build").is_none() {
                continue;
            }
            let text = String::from_utf8_lossy(line).into_owned();
            if crate::constraint::plus_build_expr(&text).is_some() {
                out.plus_build.push(ConstraintLine {
                    text,
                    line: line_no,
                    column: (lead + 1) as u32,
                });
            }
        }
    }
    Ok(out)
}

/// go/build's `isGoBuildComment` on a trimmed line: `//go:build` followed by nothing or by
/// white space.
fn is_go_build_comment(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"//go:build") else {
        return false;
    };
    rest.is_empty() || trim_space(rest).0.len() < rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str) -> Result<HeaderConstraints, &'static str> {
        scan_constraints(s.as_bytes())
    }

    fn go_build(s: &str) -> Option<String> {
        scan(s).unwrap().go_build.map(|l| l.text)
    }

    fn plus(s: &str) -> Vec<String> {
        scan(s)
            .unwrap()
            .plus_build
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn go_build_placement() {
        assert_eq!(
            go_build("//go:build foo\npackage p"),
            Some("//go:build foo".into())
        );
        assert_eq!(
            go_build("// Doc.\n//\n//go:build foo\npackage p"),
            Some("//go:build foo".into())
        );
        assert_eq!(
            go_build("/* hello */\n//go:build foo\n\npackage p"),
            Some("//go:build foo".into())
        );
        assert_eq!(go_build("/* hello */ //go:build foo\npackage p"), None);
        assert_eq!(go_build("/*\n//go:build foo\n*/\npackage p"), None);
        assert_eq!(
            go_build("   //go:build foo\npackage p"),
            Some("//go:build foo".into())
        );
        assert_eq!(go_build("package p\n\n//go:build foo\n"), None);
        assert_eq!(go_build("//go:buildfoo\npackage p"), None);
        assert_eq!(
            scan("//go:build a\n//go:build b\npackage p"),
            Err(MULTIPLE_GO_BUILD)
        );
        let l = scan("// x\n  //go:build foo\r\npackage p")
            .unwrap()
            .go_build
            .unwrap();
        assert_eq!((l.line, l.column), (2, 3));
    }

    #[test]
    fn plus_build_region() {
        assert_eq!(plus("// +build foo\n\npackage p"), ["// +build foo"]);
        assert!(plus("// +build foo\npackage p").is_empty());
        assert!(plus("// +build foo\n// hello\npackage p").is_empty());
        assert_eq!(
            plus("// Copyright\n\n// +build foo\n\n// more\n\npackage p"),
            ["// +build foo"]
        );
        assert!(plus("/* c */\n\n// +build foo\n\npackage p").is_empty());
        assert!(plus("// +build foo\n/* block */\n\npackage p").is_empty());
        assert_eq!(
            plus("// +build foo\n\n/* c */\npackage p"),
            ["// +build foo"]
        );
        assert_eq!(plus("//+build foo\n\npackage p"), ["//+build foo"]);
        assert_eq!(
            plus("\u{a0}\n// +build foo\n\u{a0}\npackage p"),
            ["// +build foo"]
        );
        assert!(plus("// +buildfoo\n\npackage p").is_empty());
        // With //go:build present, +build lines are not even collected.
        assert!(plus("// +build foo\n\n//go:build !foo\n\npackage p").is_empty());
    }

    #[test]
    fn go_build_decides_alone() {
        assert_eq!(deciding(Some(&1), &[2, 3]), [1]);
        assert_eq!(deciding(None, &[2, 3]), [2, 3]);
        assert!(deciding::<u8>(None, &[]).is_empty());
    }

    #[test]
    fn trim_space_unicode() {
        assert_eq!(trim_space("\u{a0} x \u{85}".as_bytes()), (&b"x"[..], 3));
        assert_eq!(trim_space(b"\xff "), (&b"\xff"[..], 0));
    }
}
