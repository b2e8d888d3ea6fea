//! Quick fixes: what a rule's `fix` is (a title, whether it is safe, and a pure function from
//! the file's bytes and one finding to byte edits), and applying edits to bytes. Shared by
//! `gotags check --fix` and the language server's code actions; nothing here touches the disk.

use super::diagnostic::Diagnostic;

/// One replacement of the bytes `start..end` by `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Where a finding sits (1-based line, byte columns, `end_column` exclusive) and what it said.
#[derive(Clone, Copy, Debug)]
pub struct FixSite<'a> {
    pub src: &'a [u8],
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

impl<'a> FixSite<'a> {
    /// The site of a placed diagnostic in `src`.
    pub fn of(src: &'a [u8], d: &'a Diagnostic) -> FixSite<'a> {
        FixSite {
            src,
            line: d.line,
            column: d.column,
            end_line: d.end_line,
            end_column: d.end_column,
            message: &d.message,
            help: d.help.as_deref(),
        }
    }

    /// Byte range of the finding's 1-based `line` (without its newline).
    pub fn line_range(&self, line: u32) -> Option<(usize, usize)> {
        let mut start = 0usize;
        for _ in 1..line {
            let nl = self.src.get(start..)?.iter().position(|&b| b == b'\n')?;
            start += nl + 1;
        }
        let rest = self.src.get(start..)?;
        let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        Some((start, start + len))
    }

    /// Byte range of the finding's span.
    pub fn span(&self) -> Option<(usize, usize)> {
        let (s, _) = self.line_range(self.line)?;
        let (e, _) = self.line_range(self.end_line)?;
        let start = s + (self.column as usize).checked_sub(1)?;
        let end = e + (self.end_column as usize).checked_sub(1)?;
        (start <= end && end <= self.src.len()).then_some((start, end))
    }

    /// The text the help suggests after "write `…`".
    pub fn suggested(&self) -> Option<&'a str> {
        let help = self.help?;
        let at = help.rfind("write `")? + "write `".len();
        let len = help[at..].find('`')?;
        Some(&help[at..at + len])
    }
}

/// A rule's quick fix.
#[derive(Debug)]
pub struct Fix {
    /// What the code action says, e.g. "Correct the spelling".
    pub title: &'static str,
    /// Safe fixes never change what compiles where beyond what the finding says is wrong;
    /// `gotags check --fix` applies only these unless `--unsafe-fixes` is given.
    pub safe: bool,
    /// The edits for one finding, or `None` when this occurrence cannot be fixed mechanically.
    pub edits: fn(&FixSite) -> Option<Vec<Edit>>,
}

/// Replaces the finding's span by the text the help suggests.
pub fn replace_with_suggestion(site: &FixSite) -> Option<Vec<Edit>> {
    let (start, end) = site.span()?;
    let text = site.suggested()?.to_string();
    Some(vec![Edit { start, end, text }])
}

/// Deletes the blanks (spaces, tabs) between `before`, which starts the finding's line, and
/// `after`; `None` when the line is not `before`, blanks, `after`….
pub fn delete_blanks(site: &FixSite, before: &[u8], after: &[u8]) -> Option<Vec<Edit>> {
    let (start, end) = site.line_range(site.line)?;
    let rest = site.src.get(start..end)?.strip_prefix(before)?;
    let n = rest
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    let start = start + before.len();
    (n > 0 && rest[n..].starts_with(after)).then(|| {
        vec![Edit {
            start,
            end: start + n,
            text: String::new(),
        }]
    })
}

/// Deletes the finding's line (and a blank line after it when it was the first line or
/// followed a blank line, so no double blank line remains).
pub fn delete_line(site: &FixSite) -> Option<Vec<Edit>> {
    delete_lines(site, site.line, site.line)
}

/// Deletes lines `first..=last`.
pub fn delete_lines(site: &FixSite, first: u32, last: u32) -> Option<Vec<Edit>> {
    let (start, _) = site.line_range(first)?;
    let (_, end) = site.line_range(last)?;
    let mut end = (end + 1).min(site.src.len());
    let before_blank = start == 0 || site.src.get(start.wrapping_sub(2)) == Some(&b'\n');
    if before_blank && site.src.get(end) == Some(&b'\n') {
        end += 1;
    }
    Some(vec![Edit {
        start,
        end,
        text: String::new(),
    }])
}

/// Applies non-overlapping edits (in any order); `None` when two overlap or one is out of
/// range.
pub fn apply(src: &[u8], edits: &[Edit]) -> Option<Vec<u8>> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = Vec::with_capacity(src.len());
    let mut at = 0usize;
    for e in sorted {
        if e.start < at || e.end < e.start || e.end > src.len() {
            return None;
        }
        out.extend_from_slice(&src[at..e.start]);
        out.extend_from_slice(e.text.as_bytes());
        at = e.end;
    }
    out.extend_from_slice(&src[at..]);
    Some(out)
}

/// The edits of every fixable finding of one file, dropping any that overlaps one already
/// taken (it is fixed on a later run). `unsafe_too` takes unsafe fixes as well.
pub fn file_edits(src: &[u8], diags: &[&Diagnostic], unsafe_too: bool) -> Vec<Edit> {
    let mut taken: Vec<Edit> = Vec::new();
    for d in diags {
        let fix = super::registry::find(&d.code).and_then(|r| r.fix.as_ref());
        let fix = fix.filter(|f| f.safe || unsafe_too);
        let Some(edits) = fix.and_then(|f| (f.edits)(&FixSite::of(src, d))) else {
            continue;
        };
        let overlaps = edits.iter().any(|e| {
            taken
                .iter()
                .any(|t| e.start < t.end.max(t.start + 1) && t.start < e.end.max(e.start + 1))
        });
        if !overlaps {
            taken.extend(edits);
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site<'a>(src: &'a [u8], line: u32, col: u32, end: u32, help: &'a str) -> FixSite<'a> {
        FixSite {
            src,
            line,
            column: col,
            end_line: line,
            end_column: end,
            message: "",
            help: Some(help),
        }
    }

    #[test]
    fn suggestion_replaces_span() {
        let src = b"//go:build linx\n\npackage p\n";
        let s = site(src, 1, 12, 16, "`linx` is never set by Go; write `linux`");
        let e = replace_with_suggestion(&s).unwrap_or_default();
        assert_eq!(
            apply(src, &e).unwrap_or_default(),
            b"//go:build linux\n\npackage p\n"
        );
    }

    #[test]
    fn delete_first_line_takes_blank() {
        let src = b"//go:build linux\n\npackage p\n";
        let e = delete_line(&site(src, 1, 1, 2, "")).unwrap_or_default();
        assert_eq!(apply(src, &e).unwrap_or_default(), b"package p\n");
    }

    #[test]
    fn overlapping_edits_refused() {
        let e = |s, t| Edit {
            start: s,
            end: t,
            text: String::new(),
        };
        assert_eq!(apply(b"abcdef", &[e(0, 3), e(2, 4)]), None);
        assert_eq!(
            apply(b"abcdef", &[e(3, 4), e(0, 1)]).unwrap_or_default(),
            b"bcef"
        );
    }
}
