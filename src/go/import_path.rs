//! go/build's `isValidImport`: which import paths it accepts. A file with any other
//! import path is listed as invalid, and its imports (and embeds) are dropped.

/// The characters go/build rejects besides the non-graphic and space ones.
const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^`{|}\u{fffd}";

/// Per ASCII byte: is it allowed in an import path? Printable, not a space, not in
/// [`ILLEGAL`].
const ASCII_ALLOWED: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0x21;
    while b < 0x7f {
        t[b] = true;
        b += 1;
    }
    let illegal = ILLEGAL.as_bytes();
    let mut i = 0;
    while i < illegal.len() {
        if illegal[i] < 0x80 {
            t[illegal[i] as usize] = false;
        }
        i += 1;
    }
    t
};

/// go/build's `isValidImport`: non-empty, and every rune a graphic, non-space character
/// outside ``!"#$%&'()*,:;<=>?[\]^`{|}`` and U+FFFD.
pub fn is_valid_import(path: &str) -> bool {
    !path.is_empty()
        && path.chars().all(|c| match ASCII_ALLOWED.get(c as usize) {
            // Nearly every path is ASCII: one table look-up per byte.
            Some(&allowed) => allowed,
            None => is_go_graphic(c) && !c.is_whitespace() && !ILLEGAL.contains(c),
        })
}

/// An approximation of Go's `unicode.IsGraphic` (letters, marks, numbers, punctuation,
/// symbols and the ASCII space): control and format characters are not graphic.
fn is_go_graphic(c: char) -> bool {
    !c.is_control()
        && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII table answers as the general rule does.
    #[test]
    fn import_path_characters() {
        for b in 0u8..=0x7f {
            let c = char::from(b);
            let general = is_go_graphic(c) && !c.is_whitespace() && !ILLEGAL.contains(c);
            assert_eq!(is_valid_import(&format!("a{c}b")), general, "{b:#x}");
        }
        assert!(is_valid_import("example.com/a-b_c~d/v2"));
        assert!(
            !is_valid_import("a\u{fffd}b") && !is_valid_import("a\u{200b}") && !is_valid_import("")
        );
        assert!(is_valid_import("例え/パッケージ"));
    }
}
