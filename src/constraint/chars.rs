//! Which characters can make up a build tag: Go accepts `_`, `.`, and anything Go's
//! `unicode.IsLetter` (category L) or `unicode.IsDigit` (category Nd) accepts. Both the
//! `//go:build` lexer and the `+build` literal check use this one definition.

use crate::go::unicode::{is_digit, is_letter};

/// Reports whether `c` may appear in a tag.
pub(crate) fn is_tag_char(c: char) -> bool {
    if c.is_ascii() {
        // Fast path, and it keeps the ASCII rule obvious: no `-`, `+`, `/`, `,` etc.
        return c.is_ascii_alphanumeric() || c == '_' || c == '.';
    }
    is_letter(c) || is_digit(c)
}

/// Go's `isValidTag`: a non-empty word made only of tag characters.
pub(crate) fn is_valid_tag(word: &str) -> bool {
    !word.is_empty() && word.chars().all(is_tag_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii() {
        for c in ['a', 'Z', '0', '9', '_', '.'] {
            assert!(is_tag_char(c), "{c:?}");
        }
        for c in [
            '-', '+', ',', '/', '!', '&', '|', '(', ' ', '\t', '\r', '\0', '~', '$',
        ] {
            assert!(!is_tag_char(c), "{c:?}");
        }
    }

    #[test]
    fn unicode_categories_match_go() {
        // Accepted by Go: letters of every L subcategory and decimal digits (Nd).
        for c in [
            'é', 'ü', 'ß', 'Ω', 'ж', '中', 'ǅ', /* Lt */
            'ʰ', /* Lm */
            'ª', /* Lo */
            '٣', /* Nd Arabic-Indic three */
            '߀', /* Nd NKo zero */
            '𝟎', /* Nd mathematical bold zero, astral */
            '𐐀', /* Lu Deseret, astral */
        ] {
            assert!(is_tag_char(c), "{c:?} should be a tag char");
        }
        // Rejected by Go although Rust's is_alphabetic/is_numeric accept some of them.
        for c in [
            'Ⅻ',        /* Nl */
            'ⅰ',        /* Nl */
            '²',        /* No */
            '½',        /* No */
            '\u{0301}', /* Mn combining acute: Other_Alphabetic in Rust */
            '\u{0345}', /* Mn, Other_Alphabetic */
            'ः',        /* Mc Devanagari visarga: Other_Alphabetic */
            '\u{a0}', '\u{85}', '\u{2028}', '\u{fffd}', '😀', '€', '·',
        ] {
            assert!(!is_tag_char(c), "{c:?} should not be a tag char");
        }
    }

    #[test]
    fn valid_tag() {
        assert!(is_valid_tag("386"));
        assert!(is_valid_tag("go1.21"));
        assert!(is_valid_tag("é_ü"));
        assert!(!is_valid_tag(""));
        assert!(!is_valid_tag("a-b"));
        assert!(!is_valid_tag("!a"));
    }
}
