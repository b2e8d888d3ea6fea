//! Finding `//go:generate` lines in a file's bytes the way `go generate` reads them
//! (spec §8.2): line by line through a 4096-byte buffer, a directive only when the line's
//! first bytes are `//go:generate` and a space or tab, nothing parsed. Also notes lines that
//! merely look like directives (indented, or `// go:generate`), which Go ignores.

/// go's `bufio.Reader` default size: a line of this many bytes or more (without its `\n`)
/// does not fit and is skipped, or fails with `directive too long` when it is a directive.
pub const READ_BUFFER: usize = 4096;

/// One event of the scan, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanEvent {
    /// A directive line: the whole line without its `\n` (a trailing `\r` is kept).
    Directive { line: u32, text: Vec<u8> },
    /// A directive too long for the read buffer: `directive too long`.
    TooLong { line: u32 },
    /// A directive on the last line without a final newline:
    /// `error reading <file>: unexpected EOF`. Always the last event.
    UnexpectedEof { line: u32 },
}

/// Why a line that looks like a directive is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookalikeKind {
    /// White space before `//go:generate`.
    Indented,
    /// White space between `//` and `go:generate`.
    SpaceAfterSlashes,
    /// `//go:generate` glued to the next word (`//go:generateecho`).
    NoSpaceAfter,
}

/// A line Go does not treat as a directive although it was probably meant as one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookalike {
    pub line: u32,
    /// 1-based byte column of the `//`.
    pub column: u32,
    pub kind: LookalikeKind,
}

/// Everything the scan of one file found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GenerateScan {
    pub events: Vec<ScanEvent>,
    pub lookalikes: Vec<Lookalike>,
}

const PREFIX: &[u8] = b"//go:generate";

/// Go's `isGoGenerate`.
pub fn is_go_generate(buf: &[u8]) -> bool {
    buf.starts_with(b"//go:generate ") || buf.starts_with(b"//go:generate\t")
}

/// Scans a whole file (raw bytes, no BOM handling: Go does none either).
pub fn scan(src: &[u8]) -> GenerateScan {
    let mut out = GenerateScan::default();
    let mut rest = src;
    let mut line_no = 0u32;
    while !rest.is_empty() {
        line_no += 1;
        let (line, next, terminated) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..], true),
            None => (rest, &rest[rest.len()..], false),
        };
        rest = next;
        if line.len() >= READ_BUFFER {
            if is_go_generate(&line[..READ_BUFFER]) {
                out.events.push(ScanEvent::TooLong { line: line_no });
            }
            continue;
        }
        if !terminated {
            if is_go_generate(line) {
                out.events.push(ScanEvent::UnexpectedEof { line: line_no });
            }
            break;
        }
        if is_go_generate(line) {
            out.events.push(ScanEvent::Directive {
                line: line_no,
                text: line.to_vec(),
            });
        } else if let Some(l) = lookalike(line, line_no) {
            out.lookalikes.push(l);
        }
    }
    out
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn lookalike(line: &[u8], line_no: u32) -> Option<Lookalike> {
    let lead = line.iter().take_while(|&&b| is_blank(b)).count();
    let body = &line[lead..];
    let after_slashes = body.strip_prefix(b"//")?;
    let gap = after_slashes.iter().take_while(|&&b| is_blank(b)).count();
    let word = &after_slashes[gap..];
    let rest = word.strip_prefix(&PREFIX[2..])?;
    let kind = if gap > 0 {
        LookalikeKind::SpaceAfterSlashes
    } else if lead > 0 {
        if !(rest.is_empty() || is_blank(rest[0])) {
            return None;
        }
        LookalikeKind::Indented
    } else if rest.first().is_some_and(|b| b.is_ascii_alphanumeric()) {
        LookalikeKind::NoSpaceAfter
    } else {
        return None;
    };
    Some(Lookalike {
        line: line_no,
        column: lead as u32 + 1,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive(line: u32, text: &str) -> ScanEvent {
        ScanEvent::Directive {
            line,
            text: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn only_column_one_with_space_or_tab() {
        let s = scan(b"package p\n//go:generate a\n //go:generate b\n// go:generate c\n//go:generate\td\r\n//go:generateecho\n/* //go:generate e */\n");
        assert_eq!(
            s.events,
            vec![
                directive(2, "//go:generate a"),
                directive(5, "//go:generate\td\r")
            ]
        );
        let kinds: Vec<_> = s.lookalikes.iter().map(|l| (l.line, l.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (3, LookalikeKind::Indented),
                (4, LookalikeKind::SpaceAfterSlashes),
                (6, LookalikeKind::NoSpaceAfter)
            ]
        );
    }

    #[test]
    fn missing_final_newline() {
        let s = scan(b"package p\n//go:generate a");
        assert_eq!(s.events, vec![ScanEvent::UnexpectedEof { line: 2 }]);
        assert!(scan(b"package p\n// x").events.is_empty());
    }

    #[test]
    fn long_lines() {
        let mut src = b"package p\n//go:generate echo ".to_vec();
        src.extend(std::iter::repeat(b'x').take(READ_BUFFER));
        src.extend(b"\n//go:generate ok\n");
        let s = scan(&src);
        assert_eq!(
            s.events,
            vec![
                ScanEvent::TooLong { line: 2 },
                directive(3, "//go:generate ok")
            ]
        );
        // 4095 bytes plus the newline still fit.
        let mut src = b"//go:generate ".to_vec();
        src.extend(std::iter::repeat(b'x').take(READ_BUFFER - 1 - 14));
        src.push(b'\n');
        assert!(matches!(
            scan(&src).events[..],
            [ScanEvent::Directive { .. }]
        ));
    }
}
