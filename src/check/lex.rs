//! A small Go tokenizer over a whole file: enough to tell comments from code (strings, raw
//! strings and rune literals skipped correctly), with 1-based line and byte column of each
//! token. It does not insert semicolons; callers look at line numbers instead.

/// What kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    LineComment,
    BlockComment,
    Ident,
    /// String, raw string, rune or number literal.
    Literal,
    /// Any operator or punctuation, one or more bytes.
    Punct,
}

/// One token: its byte range in the source and where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    /// Line of the token's last byte (differs from `line` for multi-line tokens).
    pub end_line: u32,
}

/// Tokenizes `src`; never fails (unterminated literals and comments run to the end).
pub fn tokens(src: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1u32;
    let mut line_start = 0usize;
    while i < src.len() {
        let c = src[i];
        if c == b'\n' {
            line += 1;
            i += 1;
            line_start = i;
            continue;
        }
        if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        let start = i;
        let start_line = line;
        let column = (start - line_start + 1) as u32;
        let kind;
        if c == b'/' && src.get(i + 1) == Some(&b'/') {
            let n = src[i..]
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(src.len() - i);
            i += n;
            kind = Kind::LineComment;
        } else if c == b'/' && src.get(i + 1) == Some(&b'*') {
            i += 2;
            loop {
                if i >= src.len() {
                    break;
                }
                if src[i] == b'*' && src.get(i + 1) == Some(&b'/') {
                    i += 2;
                    break;
                }
                if src[i] == b'\n' {
                    line += 1;
                    line_start = i + 1;
                }
                i += 1;
            }
            kind = Kind::BlockComment;
        } else if c == b'"' || c == b'\'' {
            i += 1;
            while i < src.len() && src[i] != c && src[i] != b'\n' {
                if src[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            if i < src.len() && src[i] == c {
                i += 1;
            }
            kind = Kind::Literal;
        } else if c == b'`' {
            i += 1;
            while i < src.len() && src[i] != b'`' {
                if src[i] == b'\n' {
                    line += 1;
                    line_start = i + 1;
                }
                i += 1;
            }
            i = (i + 1).min(src.len());
            kind = Kind::Literal;
        } else if c.is_ascii_digit() {
            while i < src.len()
                && (src[i].is_ascii_alphanumeric() || src[i] == b'.' || src[i] == b'_')
            {
                i += 1;
            }
            kind = Kind::Literal;
        } else if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            while i < src.len()
                && (src[i] == b'_' || src[i].is_ascii_alphanumeric() || src[i] >= 0x80)
            {
                i += 1;
            }
            kind = Kind::Ident;
        } else {
            i += 1;
            kind = Kind::Punct;
        }
        let i_end = i.min(src.len());
        i = i_end;
        out.push(Token {
            kind,
            start,
            end: i_end,
            line: start_line,
            column,
            end_line: line,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_not_found_in_strings() {
        let src = b"package p\nvar s = \"//go:build x\" // c\nvar r = `/*\n` /* b\n*/\n";
        let t = tokens(src);
        let comments: Vec<(u32, u32, &[u8])> = t
            .iter()
            .filter(|t| matches!(t.kind, Kind::LineComment | Kind::BlockComment))
            .map(|t| (t.line, t.column, &src[t.start..t.end]))
            .collect();
        assert_eq!(
            comments,
            vec![(2, 24, &b"// c"[..]), (4, 3, &b"/* b\n*/"[..])]
        );
        assert_eq!(t.last().map(|t| t.end_line), Some(5));
    }
}
