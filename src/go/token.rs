//! Go's token vocabulary: the one keyword table and the operator spellings, longest first.

/// Go's 25 keywords.
pub const KEYWORDS: [&str; 25] = [
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Up to 16 bytes as one little-endian integer, so that short words compare in one step.
const fn pack(b: &[u8]) -> u128 {
    let mut v = 0u128;
    let mut i = 0;
    while i < b.len() && i < 16 {
        v |= (b[i] as u128) << (8 * i);
        i += 1;
    }
    v
}

/// [`KEYWORDS`], packed.
static PACKED: [u128; 25] = {
    let mut out = [0u128; 25];
    let mut i = 0;
    while i < 25 {
        out[i] = pack(KEYWORDS[i].as_bytes());
        i += 1;
    }
    out
};

/// The keyword spelled by `word`, as its entry of [`KEYWORDS`].
#[inline]
pub fn keyword(word: &[u8]) -> Option<&'static str> {
    // Keywords are 2 to 11 lower-case ASCII bytes; the table is sorted, so the first byte
    // picks the few candidates.
    if !(2..=11).contains(&word.len()) {
        return None;
    }
    let range = match word[0] {
        b'b' => 0..1,
        b'c' => 1..5,
        b'd' => 5..7,
        b'e' => 7..8,
        b'f' => 8..11,
        b'g' => 11..13,
        b'i' => 13..16,
        b'm' => 16..17,
        b'p' => 17..18,
        b'r' => 18..20,
        b's' => 20..23,
        b't' => 23..24,
        b'v' => 24..25,
        _ => return None,
    };
    let w = pack(word);
    range
        .into_iter()
        .find(|&i| PACKED[i] == w)
        .map(|i| KEYWORDS[i])
}

/// Whether `word` is a keyword.
#[inline]
pub fn is_keyword(word: &[u8]) -> bool {
    keyword(word).is_some()
}

/// Operators and punctuation, longest first (what [`operator`] recognises).
pub const OPERATORS: &[&str] = &[
    "&^=", "<<=", ">>=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "~", "+", "-", "*", "/", "%", "&",
    "|", "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ".", ":",
];

/// The operator at the start of `rest`.
pub fn operator(rest: &[u8]) -> Option<&'static str> {
    let at = |i: usize| rest.get(i).copied().unwrap_or(0);
    // The operator's first byte, then the longest spelling that continues it.
    let op = match (at(0), at(1), at(2)) {
        (b'(', _, _) => "(",
        (b')', _, _) => ")",
        (b'[', _, _) => "[",
        (b']', _, _) => "]",
        (b'{', _, _) => "{",
        (b'}', _, _) => "}",
        (b',', _, _) => ",",
        (b'~', _, _) => "~",
        (b'.', b'.', b'.') => "...",
        (b'.', _, _) => ".",
        (b':', b'=', _) => ":=",
        (b':', _, _) => ":",
        (b'&', b'^', b'=') => "&^=",
        (b'&', b'^', _) => "&^",
        (b'&', b'&', _) => "&&",
        (b'&', b'=', _) => "&=",
        (b'&', _, _) => "&",
        (b'<', b'<', b'=') => "<<=",
        (b'<', b'<', _) => "<<",
        (b'<', b'-', _) => "<-",
        (b'<', b'=', _) => "<=",
        (b'<', _, _) => "<",
        (b'>', b'>', b'=') => ">>=",
        (b'>', b'>', _) => ">>",
        (b'>', b'=', _) => ">=",
        (b'>', _, _) => ">",
        (b'|', b'|', _) => "||",
        (b'|', b'=', _) => "|=",
        (b'|', _, _) => "|",
        (b'+', b'+', _) => "++",
        (b'+', b'=', _) => "+=",
        (b'+', _, _) => "+",
        (b'-', b'-', _) => "--",
        (b'-', b'=', _) => "-=",
        (b'-', _, _) => "-",
        (b'=', b'=', _) => "==",
        (b'=', _, _) => "=",
        (b'!', b'=', _) => "!=",
        (b'!', _, _) => "!",
        (b'*', b'=', _) => "*=",
        (b'*', _, _) => "*",
        (b'/', b'=', _) => "/=",
        (b'/', _, _) => "/",
        (b'%', b'=', _) => "%=",
        (b'%', _, _) => "%",
        (b'^', b'=', _) => "^=",
        (b'^', _, _) => "^",
        _ => return None,
    };
    Some(op)
}

/// The universe block's names (and the blank identifier), bucketed like [`keyword`].
pub fn is_predeclared(w: &[u8]) -> bool {
    match w.first() {
        Some(b'_') => w == b"_",
        Some(b'a') => matches!(w, b"any" | b"append"),
        Some(b'b') => matches!(w, b"bool" | b"byte"),
        Some(b'c') => matches!(
            w,
            b"cap"
                | b"clear"
                | b"close"
                | b"comparable"
                | b"complex"
                | b"complex64"
                | b"complex128"
                | b"copy"
        ),
        Some(b'd') => w == b"delete",
        Some(b'e') => w == b"error",
        Some(b'f') => matches!(w, b"false" | b"float32" | b"float64"),
        Some(b'i') => matches!(
            w,
            b"imag" | b"int" | b"int8" | b"int16" | b"int32" | b"int64" | b"iota"
        ),
        Some(b'l') => w == b"len",
        Some(b'm') => matches!(w, b"make" | b"max" | b"min"),
        Some(b'n') => matches!(w, b"new" | b"nil"),
        Some(b'p') => matches!(w, b"panic" | b"print" | b"println"),
        Some(b'r') => matches!(w, b"real" | b"recover" | b"rune"),
        Some(b's') => w == b"string",
        Some(b't') => w == b"true",
        Some(b'u') => matches!(
            w,
            b"uint" | b"uint8" | b"uint16" | b"uint32" | b"uint64" | b"uintptr"
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_operators() {
        assert_eq!(keyword(b"func"), Some("func"));
        assert_eq!(keyword(b"fun"), None);
        assert!(!is_keyword(b"Func") && !is_keyword(b"x"));
        assert_eq!(operator(b"&^= x"), Some("&^="));
        assert_eq!(operator(b":x"), Some(":"));
        assert_eq!(operator(b"@"), None);
        for op in OPERATORS {
            assert_eq!(operator(op.as_bytes()), Some(*op));
        }
        for kw in KEYWORDS {
            assert_eq!(keyword(kw.as_bytes()), Some(kw));
            assert_eq!(keyword(&kw.as_bytes()[1..]), None);
        }
        assert!(is_predeclared(b"uintptr") && !is_predeclared(b"uintptr2"));
    }
}
