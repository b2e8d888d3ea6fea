//! Go's `path.Match`, implemented natively over bytes.
//!
//! Why native and not `globset`: Go's `?` and `[...]` consume one UTF-8 *rune* while globset
//! works on bytes, so globset is wrong for non-ASCII names (spec §10.3); Go's `[!a]` is not a
//! negation; Go validates the whole pattern even after a mismatch; and `fsys.Glob` needs the
//! exact `syntax error in pattern` behaviour. A native matcher gives all of that in one place,
//! so gotags does not use globset for embed patterns at all (no translation to keep in sync).
//!
//! Semantics (Unix flavour, `\` is always an escape):
//! * `*` matches any run of non-`/` bytes; runs of `*` act like one `*`;
//! * `?` matches one non-`/` rune (an invalid byte counts as one rune);
//! * `[...]` / `[^...]` matches one rune against single members or `lo-hi` ranges; `\` escapes
//!   a member; a member may not start with an unescaped `-` or `]`; at least one member;
//! * `\c` matches `c`; anything else matches itself byte for byte.
//!
//! A malformed pattern is reported no matter which name is tested.

use crate::go::unicode::decode_rune;
use std::fmt;

/// The only error `path.Match` can give: `syntax error in pattern` (`path.ErrBadPattern`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternSyntaxError;

impl fmt::Display for PatternSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("syntax error in pattern")
    }
}

impl std::error::Error for PatternSyntaxError {}

/// Go's `path.Match(pattern, name)`.
pub fn path_match(pattern: &str, name: &str) -> Result<bool, PatternSyntaxError> {
    match_bytes(pattern.as_bytes(), name.as_bytes())
}

/// `path.Match` over raw bytes (file names need not be UTF-8 on Unix).
pub fn match_bytes(mut pattern: &[u8], mut name: &[u8]) -> Result<bool, PatternSyntaxError> {
    'chunks: while !pattern.is_empty() {
        let (star, chunk, rest) = next_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            // A trailing star swallows the rest of this path element.
            return Ok(!name.contains(&b'/'));
        }
        let first = match_chunk(chunk, name);
        if let Ok(Some(left)) = first {
            if left.is_empty() || !pattern.is_empty() {
                name = left;
                continue;
            }
        }
        first?;
        if star {
            // Let the star eat 1, 2, … bytes (never a `/`) and retry the chunk.
            let mut i = 0;
            while i < name.len() && name[i] != b'/' {
                match match_chunk(chunk, &name[i + 1..])? {
                    Some(left) => {
                        if pattern.is_empty() && !left.is_empty() {
                            i += 1;
                            continue;
                        }
                        name = left;
                        continue 'chunks;
                    }
                    None => i += 1,
                }
            }
        }
        // No match: still insist the rest of the pattern is well formed.
        while !pattern.is_empty() {
            let (_, chunk, rest) = next_chunk(pattern);
            pattern = rest;
            match_chunk(chunk, b"")?;
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

/// Splits off leading stars and the following star-free chunk (stars inside a class do not
/// end the chunk).
fn next_chunk(pattern: &[u8]) -> (bool, &[u8], &[u8]) {
    let stars = pattern.iter().take_while(|&&b| b == b'*').count();
    let p = &pattern[stars..];
    let mut in_class = false;
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            b'\\' if i + 1 < p.len() => i += 1,
            b'[' => in_class = true,
            b']' => in_class = false,
            b'*' if !in_class => break,
            _ => {}
        }
        i += 1;
    }
    (stars > 0, &p[..i], &p[i..])
}

/// Matches a star-free chunk against the start of `s`. `Ok(Some(rest))` on success,
/// `Ok(None)` on mismatch (after checking the rest of the chunk's syntax).
fn match_chunk<'a>(
    mut chunk: &[u8],
    mut s: &'a [u8],
) -> Result<Option<&'a [u8]>, PatternSyntaxError> {
    let mut failed = false;
    while let Some(&c) = chunk.first() {
        if !failed && s.is_empty() {
            failed = true;
        }
        match c {
            b'[' => {
                let mut r = '\0';
                if !failed {
                    let (dr, n) = decode_rune(s);
                    r = dr;
                    s = &s[n..];
                }
                chunk = &chunk[1..];
                let negated = chunk.first() == Some(&b'^');
                if negated {
                    chunk = &chunk[1..];
                }
                let mut hit = false;
                let mut members = 0;
                loop {
                    if chunk.first() == Some(&b']') && members > 0 {
                        chunk = &chunk[1..];
                        break;
                    }
                    let (lo, rest) = class_char(chunk)?;
                    chunk = rest;
                    let mut hi = lo;
                    // class_char guarantees `chunk` is non-empty here.
                    if chunk.first() == Some(&b'-') {
                        let (h, rest) = class_char(&chunk[1..])?;
                        hi = h;
                        chunk = rest;
                    }
                    if lo <= r && r <= hi {
                        hit = true;
                    }
                    members += 1;
                }
                if hit == negated {
                    failed = true;
                }
            }
            b'?' => {
                if !failed {
                    if s[0] == b'/' {
                        failed = true;
                    }
                    let (_, n) = decode_rune(s);
                    s = &s[n..];
                }
                chunk = &chunk[1..];
            }
            _ => {
                let lit = if c == b'\\' {
                    chunk = &chunk[1..];
                    match chunk.first() {
                        Some(&l) => l,
                        None => return Err(PatternSyntaxError),
                    }
                } else {
                    c
                };
                if !failed {
                    if lit != s[0] {
                        failed = true;
                    }
                    s = &s[1..];
                }
                chunk = &chunk[1..];
            }
        }
    }
    Ok(if failed { None } else { Some(s) })
}

/// One (possibly escaped) class member character; the remainder must be non-empty.
fn class_char(chunk: &[u8]) -> Result<(char, &[u8]), PatternSyntaxError> {
    let mut chunk = match chunk.first() {
        None | Some(b'-') | Some(b']') => return Err(PatternSyntaxError),
        Some(_) => chunk,
    };
    if chunk[0] == b'\\' {
        chunk = &chunk[1..];
        if chunk.is_empty() {
            return Err(PatternSyntaxError);
        }
    }
    let (r, n) = decode_rune(chunk);
    if r == char::REPLACEMENT_CHARACTER && n == 1 {
        return Err(PatternSyntaxError);
    }
    let rest = &chunk[n..];
    if rest.is_empty() {
        return Err(PatternSyntaxError);
    }
    Ok((r, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, n: &str) -> Result<bool, PatternSyntaxError> {
        path_match(p, n)
    }

    #[test]
    fn basics() {
        assert_eq!(m("*.txt", "a.txt"), Ok(true));
        assert_eq!(m("*.txt", ".txt"), Ok(true));
        assert_eq!(m("*", "a/b"), Ok(false));
        assert_eq!(m("**", "ab"), Ok(true));
        assert_eq!(m("a?txt", "a.txt"), Ok(true));
        assert_eq!(m("?", "é"), Ok(true));
        assert_eq!(m("??", "é"), Ok(false));
        assert_eq!(m("[é]", "é"), Ok(true));
        assert_eq!(m("[!a].txt", "a.txt"), Ok(true));
        assert_eq!(m("[^a].txt", "b.txt"), Ok(true));
        assert_eq!(m("[z-a]", "m"), Ok(false));
        assert_eq!(m("[^z-a]", "m"), Ok(true));
        assert_eq!(m("\\*", "*"), Ok(true));
        assert_eq!(m("[\\]a]", "]"), Ok(true));
        assert_eq!(m("{a,b}.txt", "{a,b}.txt"), Ok(true));
        assert_eq!(m("a[/]b", "a/b"), Ok(true));
    }

    #[test]
    fn errors_regardless_of_name() {
        for p in [
            "[]a]", "[-a]", "[a-]", "[^]", "[", "a[", "\\", "x\\", "[a", "*[", "b*[a-",
        ] {
            assert_eq!(m(p, ""), Err(PatternSyntaxError), "{p}");
            assert_eq!(m(p, "zzz"), Err(PatternSyntaxError), "{p}");
        }
        // A mismatch in an early chunk still validates the later ones.
        assert_eq!(m("x*[", "y"), Err(PatternSyntaxError));
    }

    #[test]
    fn invalid_utf8_names() {
        assert_eq!(match_bytes(b"?", b"\xff"), Ok(true));
        assert_eq!(match_bytes(b"[^a]", b"\xff"), Ok(true));
        assert_eq!(match_bytes(b"*", b"\xff\xfe"), Ok(true));
        assert_eq!(match_bytes(b"[\xff]", b"x"), Err(PatternSyntaxError));
    }
}
