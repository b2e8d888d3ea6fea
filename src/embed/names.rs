//! Name and pattern validity rules used by embed resolution: cmd/go's `isBadEmbedName`
//! (module file-path element rules plus VCS directories) and the pattern check
//! (`path.Match(glob, "")` succeeds, glob ≠ `.`, and `fs.ValidPath(glob)`).

use super::pathmatch::match_bytes;
use crate::go::unicode::is_letter;

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

    /// A directory holding all these names was embedded with `all:d` by `go list` (go1.23):
    /// exactly the first list came back in EmbedFiles.
    #[test]
    fn names_checked_with_go_list() {
        const KEPT: &[&[u8]] = &[
            b" ",
            b" a",
            b"..a",
            b".con",
            b"a ",
            b"a b",
            b"a!b",
            b"a#b",
            b"a$b",
            b"a%b",
            b"a&b",
            b"a(b",
            b"a)b",
            b"a+b",
            b"a,b",
            b"a-b",
            b"a.b",
            b"a0b",
            b"a1b",
            b"a2b",
            b"a3b",
            b"a4b",
            b"a5b",
            b"a6b",
            b"a7b",
            b"a8b",
            b"a9b",
            b"a=b",
            b"a@b",
            b"aAb",
            b"aBb",
            b"aCb",
            b"aDb",
            b"aEb",
            b"aFb",
            b"aGb",
            b"aHb",
            b"aIb",
            b"aJb",
            b"aKb",
            b"aLb",
            b"aMb",
            b"aNb",
            b"aOb",
            b"aPb",
            b"aQb",
            b"aRb",
            b"aSb",
            b"aTb",
            b"aUb",
            b"aVb",
            b"aWb",
            b"aXb",
            b"aYb",
            b"aZb",
            b"a[b",
            b"a]b",
            b"a^b",
            b"a_b",
            b"aab",
            b"abb",
            b"acb",
            b"adb",
            b"aeb",
            b"afb",
            b"agb",
            b"ahb",
            b"aib",
            b"ajb",
            b"akb",
            b"alb",
            b"amb",
            b"anb",
            b"aob",
            b"apb",
            b"aqb",
            b"arb",
            b"asb",
            b"atb",
            b"aub",
            b"aux-1",
            b"avb",
            b"awb",
            b"axb",
            b"ayb",
            b"azb",
            b"a{b",
            b"a}b",
            b"a~b",
            b"clock$",
            b"com0",
            b"com10",
            b"conin$",
            b"nul~",
            b"xKy",
            b"x\xc2\xaay",
            b"x\xc2\xb5y",
            b"x\xc3\x9fy",
            b"x\xc3\xa9y",
            b"x\xc5\xbfy",
            b"x\xc7\x85y",
            b"x\xc7\x88y",
            b"x\xca\xb0y",
            b"x\xe0\xb8\xb3y",
            b"x\xe1\xbe\x88y",
            b"x\xe2\x84\xb5y",
            b"x\xe3\x80\x86y",
            b"x\xe3\x83\xbcy",
            b"x\xe4\xb8\xady",
            b"x\xf0\x90\x90\x80y",
            b"\xc5\xbfon",
        ];
        const SKIPPED: &[&[u8]] = &[
            b"...",
            b"Aux",
            b"COM\xc2\xb9",
            b"CON.txt",
            b"a\x01b",
            b"a\x02b",
            b"a\x03b",
            b"a\x04b",
            b"a\x05b",
            b"a\x06b",
            b"a\x07b",
            b"a\x08b",
            b"a\x09b",
            b"a\x0ab",
            b"a\x0bb",
            b"a\x0cb",
            b"a\x0db",
            b"a\x0eb",
            b"a\x0fb",
            b"a\x10b",
            b"a\x11b",
            b"a\x12b",
            b"a\x13b",
            b"a\x14b",
            b"a\x15b",
            b"a\x16b",
            b"a\x17b",
            b"a\x18b",
            b"a\x19b",
            b"a\x1ab",
            b"a\x1bb",
            b"a\x1cb",
            b"a\x1db",
            b"a\x1eb",
            b"a\x1fb",
            b"a\x22b",
            b"a'b",
            b"a*b",
            b"a..",
            b"a.b.",
            b"a:b",
            b"a;b",
            b"a<b",
            b"a>b",
            b"a?b",
            b"a\x5cb",
            b"a`b",
            b"a|b",
            b"a\x7fb",
            b"bad\xffname",
            b"cOm1",
            b"con",
            b"con.",
            b"lpt9.a.b",
            b"prn.x",
            b"x\xc2\xa0y",
            b"x\xcc\x81y",
            b"x\xd9\xa3y",
            b"x\xe0\xa4\x83y",
            b"x\xe2\x80\x8dy",
            b"x\xe2\x80\xa8y",
            b"x\xe2\x82\x80y",
            b"x\xe2\x84\x98y",
            b"x\xe2\x84\xaey",
            b"x\xe2\x85\xa0y",
            b"x\xe2\x85\xb7y",
            b"x\xe3\x80\x80y",
            b"x\xe3\x80\x87y",
            b"x\xef\xbf\xbdy",
            b"x\xf0\x9f\x98\x80y",
        ];
        for n in KEPT {
            assert!(
                !is_bad_embed_name_bytes(n),
                "{:?}",
                String::from_utf8_lossy(n)
            );
        }
        for n in SKIPPED {
            assert!(
                is_bad_embed_name_bytes(n),
                "{:?}",
                String::from_utf8_lossy(n)
            );
        }
    }
}
