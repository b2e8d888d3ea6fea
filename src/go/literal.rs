//! Go's literal values: the one `strconv.Unquote` (interpreted, raw and rune literals).

use std::fmt;

/// Why a literal does not unquote (Go's `strconv.ErrSyntax`, with what was wrong).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnquoteError {
    /// Not enclosed in matching `"`, `` ` `` or `'`.
    Quotes,
    /// An unescaped newline, or the quote character itself, inside.
    Unescaped,
    /// A `\` sequence Go does not know, or one with too few digits.
    Escape,
    /// An escape naming a surrogate or a value beyond U+10FFFF (or 255 for `\x`/octal).
    Value,
    /// A rune literal with other than one character.
    RuneLength,
}

impl fmt::Display for UnquoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UnquoteError::Quotes => "literal is not quoted",
            UnquoteError::Unescaped => "unescaped newline or quote in literal",
            UnquoteError::Escape => "invalid escape sequence",
            UnquoteError::Value => "escape sequence is not a valid value",
            UnquoteError::RuneLength => "rune literal is not one character",
        })
    }
}

impl std::error::Error for UnquoteError {}

/// Go's `strconv.Unquote`: the bytes a string, raw string or rune literal denotes. Raw strings
/// lose their carriage returns; `\x` and octal escapes give single bytes, so the result need
/// not be UTF-8; an invalid UTF-8 byte written directly becomes U+FFFD, as in Go.
pub fn unquote(lit: &[u8]) -> Result<Vec<u8>, UnquoteError> {
    let (&quote, rest) = lit.split_first().ok_or(UnquoteError::Quotes)?;
    let inner = match rest.split_last() {
        Some((&last, inner)) if last == quote && matches!(quote, b'"' | b'`' | b'\'') => inner,
        _ => return Err(UnquoteError::Quotes),
    };
    if quote == b'`' {
        if inner.contains(&b'`') {
            return Err(UnquoteError::Unescaped);
        }
        return Ok(inner.iter().copied().filter(|&b| b != b'\r').collect());
    }
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    let mut chars = 0;
    while i < inner.len() {
        let b = inner[i];
        chars += 1;
        if b == quote || b == b'\n' {
            return Err(UnquoteError::Unescaped);
        }
        if b != b'\\' {
            let (_, w) = crate::go::unicode::decode_rune(&inner[i..]);
            if w == 1 && b >= 0x80 {
                out.extend_from_slice("\u{fffd}".as_bytes());
            } else {
                out.extend_from_slice(&inner[i..i + w]);
            }
            i += w;
            continue;
        }
        i += 1;
        let esc = *inner.get(i).ok_or(UnquoteError::Escape)?;
        i += 1;
        let simple = match esc {
            b'a' => Some(0x07),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(0x0b),
            b'\\' => Some(b'\\'),
            b'"' | b'\'' if esc == quote => Some(esc),
            _ => None,
        };
        if let Some(v) = simple {
            out.push(v);
            continue;
        }
        let (digits, radix, byte) = match esc {
            b'x' => (2, 16, true),
            b'u' => (4, 16, false),
            b'U' => (8, 16, false),
            b'0'..=b'7' => {
                i -= 1;
                (3, 8, true)
            }
            _ => return Err(UnquoteError::Escape),
        };
        let hex = inner.get(i..i + digits).ok_or(UnquoteError::Escape)?;
        let mut v: u32 = 0;
        for &d in hex {
            let d = (d as char).to_digit(radix).ok_or(UnquoteError::Escape)?;
            v = v * radix + d;
        }
        i += digits;
        if byte {
            out.push(u8::try_from(v).map_err(|_| UnquoteError::Value)?);
        } else {
            let c = char::from_u32(v).ok_or(UnquoteError::Value)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    if quote == b'\'' && chars != 1 {
        return Err(UnquoteError::RuneLength);
    }
    Ok(out)
}

/// [`unquote`] for a literal whose value must be text (an import path, a file name).
pub fn unquote_string(lit: &[u8]) -> Option<String> {
    unquote(lit).ok().and_then(|v| String::from_utf8(v).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(lit: &str) -> Result<Vec<u8>, UnquoteError> {
        unquote(lit.as_bytes())
    }

    #[test]
    fn strconv_unquote() {
        assert_eq!(s(r#""a\tb\u00e9\x41\101""#).unwrap(), "a\tbéAA".as_bytes());
        assert_eq!(s("`a\r\nb`").unwrap(), b"a\nb");
        assert_eq!(s(r#""\xff""#).unwrap(), [0xff]);
        assert_eq!(s(r"'\''").unwrap(), b"'");
        assert_eq!(s("'é'").unwrap(), "é".as_bytes());
        assert_eq!(s(r#""\'""#), Err(UnquoteError::Escape));
        assert_eq!(s(r#""\ud800""#), Err(UnquoteError::Value));
        assert_eq!(s(r#""\400""#), Err(UnquoteError::Value));
        assert_eq!(s("\"a\nb\""), Err(UnquoteError::Unescaped));
        assert_eq!(s("'ab'"), Err(UnquoteError::RuneLength));
        assert_eq!(s("\"x"), Err(UnquoteError::Quotes));
        assert_eq!(s(r#""\x4""#), Err(UnquoteError::Escape));
        assert_eq!(unquote_string(br#""\xff""#), None);
        assert_eq!(unquote_string(b"\"fmt\"").as_deref(), Some("fmt"));
    }
}
