//! Name and pattern validity rules used by embed resolution: cmd/go's `isBadEmbedName`
//! (module file-path element rules plus VCS directories) and the pattern check
//! (`path.Match(glob, "")` succeeds, glob ≠ `.`, and `fs.ValidPath(glob)`).

use super::pathmatch::match_bytes;
use super::unicode::is_letter;

/// True if `elem` (one path element) can never be embedded: Go's `isBadEmbedName`.
pub fn is_bad_embed_name(elem: &str) -> bool {
    is_bad_embed_name_bytes(elem.as_bytes())
}

/// [`is_bad_embed_name`] over raw bytes (non-UTF-8 names are bad).
pub fn is_bad_embed_name_bytes(elem: &[u8]) -> bool {
    let Ok(elem) = std::str::from_utf8(elem) else {
        return true;
    };
    if elem.is_empty() || matches!(elem, ".bzr" | ".hg" | ".git" | ".svn") {
        return true;
    }
    if elem.bytes().all(|b| b == b'.') || elem.ends_with('.') {
        return true;
    }
    if !elem.chars().all(file_char_ok) {
        return true;
    }
    let short = elem.split('.').next().unwrap_or(elem);
    is_windows_reserved(short)
}

/// Characters allowed in a module file path element.
fn file_char_ok(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || "!#$%&()+,-.=@[]^_{}~ ".contains(c)
    } else {
        is_letter(c)
    }
}

/// `CON PRN AUX NUL COM1-9 LPT1-9`, case-insensitively. (Go compares with Unicode folding, but
/// the only non-ASCII runes that fold to ASCII letters are U+017F→s and U+212A→k, and neither
/// letter occurs in these names, so an ASCII comparison is exact.)
fn is_windows_reserved(short: &str) -> bool {
    let up = short.to_ascii_uppercase();
    match up.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => {
            let b = up.as_bytes();
            b.len() == 4
                && (up.starts_with("COM") || up.starts_with("LPT"))
                && (b'1'..=b'9').contains(&b[3])
        }
    }
}

/// Go's `io/fs.ValidPath`: UTF-8, not empty, no empty/`.`/`..` elements, no leading or
/// trailing `/` (the single path `.` is valid here; the embed check rejects it separately).
pub fn fs_valid_path(p: &[u8]) -> bool {
    if std::str::from_utf8(p).is_err() {
        return false;
    }
    if p == b"." {
        return true;
    }
    p.split(|&b| b == b'/')
        .all(|e| !e.is_empty() && e != b"." && e != b"..")
}

/// The whole check cmd/go applies to a `//go:embed` pattern before globbing (an `all:` prefix
/// is removed first); `false` means `invalid pattern syntax`.
pub fn valid_embed_pattern(pattern: &[u8]) -> bool {
    valid_embed_glob(pattern.strip_prefix(b"all:").unwrap_or(pattern))
}

/// The embed pattern validity check, applied to the glob after any `all:` prefix.
pub fn valid_embed_glob(glob: &[u8]) -> bool {
    match_bytes(glob, b"").is_ok() && glob != b"." && fs_valid_path(glob)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_names() {
        for n in [
            "",
            ".git",
            ".hg",
            ".svn",
            ".bzr",
            ".",
            "..",
            "...",
            "trail.",
            "con.txt",
            "Nul",
            "aux.tar.gz",
            "COM1",
            "lpt9.x",
            "a😀.txt",
            "a\"b",
            "a'b",
            "a*b",
            "a<b",
            "a>b",
            "a?b",
            "a`b",
            "a|b",
            "a\\b",
            "a:b",
            "a\tb",
            "a\u{301}",
            "\u{663}",
            "a/b",
            "a;b",
        ] {
            assert!(is_bad_embed_name(n), "{n:?} should be bad");
        }
        for n in [
            ".hidden",
            "_x",
            "-x",
            "x~1",
            "com0",
            "COM10",
            "con_x",
            "a b",
            "é.txt",
            "[x].txt",
            "a!#$%&()+,-=@[]^_{}~",
            "go.mod",
            "vendor",
            ".gitignore",
            ".git2",
            "conx.txt",
        ] {
            assert!(!is_bad_embed_name(n), "{n:?} should be fine");
        }
        assert!(is_bad_embed_name_bytes(b"a\xff"));
    }

    #[test]
    fn embed_glob_validity() {
        for g in [
            "../a.txt", "/a.txt", "./a.txt", ".", "d/", "a//b", "", "[]].txt", "[a-].txt", "\\",
            "a/./b",
        ] {
            assert!(!valid_embed_glob(g.as_bytes()), "{g:?}");
        }
        for g in [
            "a.txt",
            "a:b",
            "a b",
            "\\[x\\].txt",
            "a[/]b",
            "d\\/x.txt",
            "*",
            ".git",
            "..a",
        ] {
            assert!(valid_embed_glob(g.as_bytes()), "{g:?}");
        }
        assert!(!valid_embed_glob(b"a\xff"));
    }
}
