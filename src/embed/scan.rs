//! Finding `//go:embed` lines in a Go file and splitting their arguments into patterns,
//! as go/build's `findEmbed` and `parseGoEmbed` do (spec §7.1), with Go's positions.

use crate::go::lines::LineIndex;
use crate::go::unicode::{decode_rune, go_lossy, is_space, next_space, rune_count, skip_space};

/// One `//go:embed` line found in a Go file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedDirective {
    /// 1-based line of the directive.
    pub line: u32,
    /// 1-based byte column of the `//`.
    pub column: u32,
    /// The patterns, in source order. Empty when the line holds only white space after
    /// `//go:embed ` (go/build accepts that silently; the compiler reports `usage: ...`).
    pub patterns: Vec<EmbedPatternAt>,
}

/// A pattern as written, with Go's position rule (§7.1: byte columns up to the argument text,
/// rune columns within it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedPatternAt {
    /// The pattern after unquoting. If the pattern is not valid UTF-8 (possible with raw bytes
    /// in the file or with `"\xff"` escapes), every invalid byte is shown as U+FFFD, exactly as
    /// `go list -json` prints it; the exact bytes are in [`EmbedPatternAt::raw`].
    pub pattern: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (bytes up to the argument text, then runes; for a quoted pattern the
    /// column of its opening quote).
    pub column: u32,
    /// 1-based byte column of the same place (what diagnostics count).
    pub byte_column: u32,
    /// The exact pattern bytes when they are not valid UTF-8, else `None`. Go de-duplicates,
    /// sorts and validates patterns by these bytes (such a pattern always resolves to
    /// `invalid pattern syntax`); see [`EmbedPatternAt::key`] and `resolve_raw`.
    pub raw: Option<Vec<u8>>,
}

impl EmbedPatternAt {
    /// The exact pattern bytes: the key Go sorts and de-duplicates `EmbedPatterns` by.
    pub fn key(&self) -> &[u8] {
        match &self.raw {
            Some(r) => r,
            None => self.pattern.as_bytes(),
        }
    }
}

/// Result of [`scan_directives`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedScan {
    /// Directives whose arguments parsed, in file order: what go/build collects (when the
    /// file imports "embed" and its header parses).
    pub directives: Vec<EmbedDirective>,
    /// Well-formed directives that go/build never sees because its import reader already
    /// reached the end of the file (or a syntax error) while reading the header — a file of
    /// only package clause, imports and comments. Empty unless `header_hit_eof`.
    pub not_collected: Vec<EmbedDirective>,
    /// See `not_collected` and [`super::header::embed_scan_reachable`].
    pub header_hit_eof: bool,
    /// Directives whose arguments did not parse (go/build drops them silently):
    /// `(line, column of the "//", why)`.
    pub malformed: Vec<(u32, u32, BadEmbedArgs)>,
}

/// Arguments of a `//go:embed` line that do not split into patterns; Display is go/build's
/// `invalid quoted string in //go:embed: <rest of the arguments>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadEmbedArgs {
    /// The arguments from where splitting failed, shown as Go shows bytes.
    pub rest: String,
}

impl std::fmt::Display for BadEmbedArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid quoted string in //go:embed: {}", self.rest)
    }
}

impl std::error::Error for BadEmbedArgs {}

/// Go's findEmbed + parseGoEmbed over a whole `.go` file.
///
/// A leading UTF-8 BOM is stripped here if present; passing already-stripped bytes is fine too
/// (it cannot change the result, since nothing on line 1 is ever a directive and a BOM only
/// shifts line-1 columns).
///
/// The caller decides whether the file's patterns count at all: go/build only collects them
/// when the header parsed and the file imports `"embed"` (§7.1). This function scans the whole
/// file regardless, but when go/build's header reader swallows the whole file, the directives
/// go to `not_collected` instead of `directives` (see [`super::header`]). A NUL byte ends the scan where it stands (go/build's reader stops with an
/// error there; a directive cut short by the NUL keeps the patterns before it) — a NUL inside
/// the header makes the file invalid anyway.
pub fn scan_directives(src: &[u8]) -> EmbedScan {
    let src = crate::go::reader::strip_bom(src);
    let lines = LineIndex::new(src);
    let mut out = EmbedScan::default();
    let mut rd = Reader {
        src,
        i: 0,
        stop: false,
    };
    let mut at_line_start = false;
    'outer: while let Some(first) = rd.read() {
        let mut c = first;
        'reswitch: loop {
            match c {
                b'\n' => at_line_start = true,
                b' ' | b'\t' => {}
                b'"' | b'\'' => {
                    at_line_start = false;
                    loop {
                        let Some(d) = rd.read() else { break 'outer };
                        if d == b'\\' {
                            if rd.read().is_none() {
                                break 'outer;
                            }
                        } else if d == c {
                            let Some(n) = rd.read() else { break 'outer };
                            c = n;
                            continue 'reswitch;
                        }
                    }
                }
                b'`' => {
                    at_line_start = false;
                    loop {
                        let Some(d) = rd.read() else { break 'outer };
                        if d == b'`' {
                            let Some(n) = rd.read() else { break 'outer };
                            c = n;
                            continue 'reswitch;
                        }
                    }
                }
                b'/' => match rd.read() {
                    None => break 'outer,
                    Some(b'*') => {
                        let mut prev = 0u8;
                        loop {
                            let Some(d) = rd.read() else { break 'outer };
                            if prev == b'*' && d == b'/' {
                                break;
                            }
                            prev = d;
                        }
                        at_line_start = false;
                    }
                    Some(b'/') => {
                        let mut last = b'/';
                        if at_line_start {
                            match rd.read_directive_name() {
                                Ok(()) => {
                                    out.take_directive(&mut rd, &lines);
                                    // The argument line was consumed through its newline.
                                    at_line_start = true;
                                    break 'reswitch;
                                }
                                Err(Some(b)) => last = b,
                                Err(None) => break 'outer,
                            }
                        }
                        while last != b'\n' {
                            match rd.read() {
                                Some(b) => last = b,
                                None => break 'outer,
                            }
                        }
                        at_line_start = true;
                    }
                    Some(other) => {
                        at_line_start = false;
                        c = other;
                        continue 'reswitch;
                    }
                },
                _ => at_line_start = false,
            }
            break;
        }
    }
    if !super::header::embed_scan_reachable(src) {
        out.header_hit_eof = true;
        out.not_collected = std::mem::take(&mut out.directives);
    }
    out
}

impl EmbedScan {
    /// Reads the argument text of a directive whose `//go:embed` and separator were consumed.
    fn take_directive(&mut self, rd: &mut Reader<'_>, lines: &LineIndex) {
        let arg_start = rd.i;
        while let Some(b) = rd.read() {
            if b == b'\n' {
                break;
            }
        }
        let mut arg_end = rd.i;
        if arg_end > arg_start && rd.src[arg_end - 1] == b'\n' {
            arg_end -= 1;
        }
        let args = &rd.src[arg_start..arg_end];
        let slash = arg_start - DIRECTIVE.len() - 1;
        let (line, column) = lines.line_column(slash);
        let (_, arg_col) = lines.line_column(arg_start);
        match parse_args(args) {
            Ok(list) => {
                let patterns = list
                    .into_iter()
                    .map(|(bytes, off)| {
                        let at = arg_col as usize;
                        pattern_at(bytes, line, at + rune_count(&args[..off]), at + off)
                    })
                    .collect();
                self.directives.push(EmbedDirective {
                    line,
                    column,
                    patterns,
                });
            }
            Err(msg) => self.malformed.push((line, column, msg)),
        }
    }
}

const DIRECTIVE: &[u8] = b"//go:embed";

struct Reader<'a> {
    src: &'a [u8],
    i: usize,
    /// End of input or a NUL byte: go/build's reader stops for good.
    stop: bool,
}

impl Reader<'_> {
    fn read(&mut self) -> Option<u8> {
        if self.stop {
            return None;
        }
        match self.src.get(self.i) {
            Some(&b) if b != 0 => {
                self.i += 1;
                Some(b)
            }
            _ => {
                self.stop = true;
                None
            }
        }
    }

    /// After `//` at a line start: reads `go:embed` plus a space or tab. `Err(Some(b))` gives
    /// the first byte that did not fit; `Err(None)` means the input ended.
    fn read_directive_name(&mut self) -> Result<(), Option<u8>> {
        for &want in &DIRECTIVE[2..] {
            let b = self.read().ok_or(None)?;
            if b != want {
                return Err(Some(b));
            }
        }
        match self.read() {
            Some(b' ' | b'\t') => Ok(()),
            other => Err(other),
        }
    }
}

/// One split pattern at its position; bytes that are not UTF-8 are kept in `raw`.
pub(crate) fn pattern_at(bytes: Vec<u8>, line: u32, column: usize, byte: usize) -> EmbedPatternAt {
    let (pattern, raw) = match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let raw = e.into_bytes();
            (go_lossy(&raw), Some(raw))
        }
    };
    EmbedPatternAt {
        pattern,
        line,
        column: u32::try_from(column).unwrap_or(u32::MAX),
        byte_column: u32::try_from(byte).unwrap_or(u32::MAX),
        raw,
    }
}

fn bad_args(rest: &[u8]) -> BadEmbedArgs {
    BadEmbedArgs {
        rest: go_lossy(rest),
    }
}

/// go/build's `parseGoEmbed` without positions: each pattern with the byte offset (within
/// `args`) where it starts (its opening quote, for quoted forms).
pub fn parse_args(args: &[u8]) -> Result<Vec<(Vec<u8>, usize)>, BadEmbedArgs> {
    let mut list = Vec::new();
    let mut i = skip_space(args, 0);
    while i < args.len() {
        let start = i;
        let rest = &args[i..];
        let pattern = match rest[0] {
            b'`' => {
                let Some(close) = rest[1..].iter().position(|&b| b == b'`') else {
                    return Err(bad_args(rest));
                };
                i += close + 2;
                rest[1..1 + close].to_vec()
            }
            b'"' => {
                let mut j = 1;
                let mut end = None;
                while j < rest.len() {
                    match rest[j] {
                        b'\\' => j += 2,
                        b'"' => {
                            end = Some(j);
                            break;
                        }
                        _ => j += 1,
                    }
                }
                let Some(j) = end else {
                    return Err(bad_args(rest));
                };
                let quoted = &rest[..=j];
                let Ok(v) = crate::go::literal::unquote(quoted) else {
                    return Err(bad_args(quoted));
                };
                i += j + 1;
                v
            }
            _ => {
                let j = next_space(rest, 0);
                i += j;
                rest[..j].to_vec()
            }
        };
        if i < args.len() {
            let (c, _) = decode_rune(&args[i..]);
            if !is_space(c) {
                return Err(bad_args(&args[i..]));
            }
        }
        list.push((pattern, start));
        i = skip_space(args, i);
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything the byte scan found, whether or not go/build's header reader lets it run.
    fn all_directives(src: &[u8]) -> Vec<EmbedDirective> {
        let s = scan_directives(src);
        s.directives.into_iter().chain(s.not_collected).collect()
    }

    fn pats(src: &str) -> Vec<(String, u32, u32)> {
        all_directives(src.as_bytes())
            .into_iter()
            .flat_map(|d| d.patterns)
            .map(|p| (p.pattern, p.line, p.column))
            .collect()
    }

    fn names(src: &str) -> Vec<String> {
        pats(src).into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn line_one_never_counts() {
        assert!(names("//go:embed x\npackage p\n").is_empty());
        assert_eq!(names("\n//go:embed x\npackage p\n"), ["x"]);
        assert_eq!(names("\u{feff}\n//go:embed x\n"), ["x"]);
    }

    #[test]
    fn placement() {
        let src = "package p\n\nimport \"embed\"\n\n\t //go:embed a.txt\nvar x = 1 //go:embed b\n/* \n//go:embed c\n*/\nvar s = `\n//go:embed d\n`\nvar t = \"\\\"\n//go:embed e\"\n/* c */ //go:embed f\n// go:embed g\n//go:embedx h\n//go:embed\n//go:embed\ti\n";
        assert_eq!(names(src), ["a.txt", "i"]);
    }

    #[test]
    fn directive_after_line_comment_and_empty() {
        let s = scan_directives(
            b"package p\nvar x int\n// hi\n//go:embed a\n//go:embed \n//go:embed \"bad\n",
        );
        assert_eq!(
            s.malformed[0].2.to_string(),
            "invalid quoted string in //go:embed: \"bad"
        );
        assert_eq!(s.directives.len(), 2);
        assert!(s.directives[1].patterns.is_empty());
        assert_eq!(s.malformed, vec![(6, 1, bad_args(b"\"bad"))]);
    }

    #[test]
    fn argument_forms() {
        assert_eq!(
            names("\n//go:embed \"a b.txt\" c `d e` f\r\n"),
            ["a b.txt", "c", "d e", "f"]
        );
        assert_eq!(
            names("\n//go:embed \"esc\\x41.txt\" \"\\u00e9.txt\"\n"),
            ["escA.txt", "é.txt"]
        );
        assert!(names("\n//go:embed \"a.txt\"x\n").is_empty());
        assert!(names("\n//go:embed `a\n").is_empty());
        assert!(names("\n//go:embed \"\\'\"\n").is_empty());
        assert_eq!(names("\n//go:embed a\u{3000}b\u{a0}c\n"), ["a", "b", "c"]);
    }

    #[test]
    fn positions() {
        let p = pats("package p\n//go:embed é.txt missing.txt\n");
        assert_eq!(
            p,
            vec![("é.txt".into(), 2, 12), ("missing.txt".into(), 2, 18)]
        );
        let p = pats("package p\n\t//go:embed  \"a\"  `b`\n");
        assert_eq!(p, vec![("a".into(), 2, 14), ("b".into(), 2, 19)]);
        let d = all_directives(b"package p\n\t//go:embed x\n");
        assert_eq!((d[0].line, d[0].column), (2, 2));
    }

    #[test]
    fn header_reaching_eof_hides_everything() {
        let s = scan_directives(b"package p\n\nimport \"embed\"\n//go:embed a\n");
        assert!(s.header_hit_eof && s.directives.is_empty() && s.not_collected.len() == 1);
        let s = scan_directives(b"package p\n\nimport \"embed\"\n//go:embed a\nvar f embed.FS\n");
        assert!(!s.header_hit_eof && s.directives.len() == 1 && s.not_collected.is_empty());
    }

    #[test]
    fn nul_stops() {
        assert_eq!(
            names("package p\n//go:embed a b\0c\n//go:embed d\n"),
            ["a", "b"]
        );
    }

    #[test]
    fn invalid_utf8_pattern() {
        let s = scan_directives(b"package p\nvar x\n//go:embed \"\\xff.txt\" \"\xff\\x41\" \xfe\n");
        let p = &s.directives[0].patterns;
        assert_eq!(p[0].pattern, "\u{fffd}.txt");
        assert_eq!(p[0].key(), b"\xff.txt");
        assert_eq!(p[1].pattern, "\u{fffd}A");
        assert_eq!(p[1].raw, None);
        assert_eq!(p[2].key(), b"\xfe");
    }
}
