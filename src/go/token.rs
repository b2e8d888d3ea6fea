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

/// The keyword spelled by `word`, as its entry of [`KEYWORDS`].
pub fn keyword(word: &[u8]) -> Option<&'static str> {
    // Keywords are 2 to 11 lower-case ASCII bytes; most identifiers fail this at once.
    if !(2..=11).contains(&word.len()) || !word[0].is_ascii_lowercase() {
        return None;
    }
    KEYWORDS.iter().copied().find(|k| k.as_bytes() == word)
}

/// Whether `word` is a keyword.
pub fn is_keyword(word: &[u8]) -> bool {
    keyword(word).is_some()
}

/// Operators and punctuation, longest first so that a greedy prefix match finds Go's token.
pub const OPERATORS: &[&str] = &[
    "&^=", "<<=", ">>=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "~", "+", "-", "*", "/", "%", "&",
    "|", "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ".", ":",
];

/// The operator at the start of `rest`.
pub fn operator(rest: &[u8]) -> Option<&'static str> {
    let first = *rest.first()?;
    OPERATORS
        .iter()
        .copied()
        .find(|op| op.as_bytes()[0] == first && rest.starts_with(op.as_bytes()))
}

/// The universe block's names (and the blank identifier).
pub fn is_predeclared(w: &[u8]) -> bool {
    matches!(
        w,
        b"_" | b"any"
            | b"append"
            | b"bool"
            | b"byte"
            | b"cap"
            | b"clear"
            | b"close"
            | b"comparable"
            | b"complex"
            | b"complex64"
            | b"complex128"
            | b"copy"
            | b"delete"
            | b"error"
            | b"false"
            | b"float32"
            | b"float64"
            | b"imag"
            | b"int"
            | b"int8"
            | b"int16"
            | b"int32"
            | b"int64"
            | b"iota"
            | b"len"
            | b"make"
            | b"max"
            | b"min"
            | b"new"
            | b"nil"
            | b"panic"
            | b"print"
            | b"println"
            | b"real"
            | b"recover"
            | b"rune"
            | b"string"
            | b"true"
            | b"uint"
            | b"uint8"
            | b"uint16"
            | b"uint32"
            | b"uint64"
            | b"uintptr"
    )
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
        assert!(is_predeclared(b"uintptr") && !is_predeclared(b"uintptr2"));
    }
}
