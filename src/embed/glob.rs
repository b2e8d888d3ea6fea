//! cmd/go's `fsys.Glob` (a `filepath.Glob` twin) over an [`AssetCache`], on Unix paths as bytes.
//!
//! The whole path is globbed, package directory included (quoted the way cmd/go quotes it), so
//! quirks come out as in Go: a class spanning `/` (`a[/]b`) or an escaped `/` (`d\/x`) is split
//! at the `/` and gives `syntax error in pattern`; a literal last element is still matched by
//! listing its directory; directories are `stat`ed (symlinks followed); unreadable or missing
//! directories are silently treated as empty.

use super::fscache::{AssetCache, FileKind};
use super::pathmatch::{match_bytes, PatternSyntaxError};

/// Does the pattern use any of the characters `filepath.Match` treats specially (Unix)?
pub fn has_meta(p: &[u8]) -> bool {
    p.iter().any(|b| matches!(b, b'*' | b'?' | b'[' | b'\\'))
}

/// cmd/go's `str.QuoteGlob`: escapes `* ? [ ]` (not `\`).
pub fn quote_glob(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &b in s {
        if matches!(b, b'*' | b'?' | b'[' | b']') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}

/// All paths matching `pattern`, in Go's order.
pub fn glob(cache: &AssetCache, pattern: &[u8]) -> Result<Vec<Vec<u8>>, PatternSyntaxError> {
    match_bytes(pattern, b"")?;
    if !has_meta(pattern) {
        return Ok(if cache.lstat(pattern).is_ok() {
            vec![pattern.to_vec()]
        } else {
            Vec::new()
        });
    }
    let cut = pattern
        .iter()
        .rposition(|&b| b == b'/')
        .map_or(0, |i| i + 1);
    let (dir, file) = pattern.split_at(cut);
    let dir: &[u8] = match dir {
        b"" => b".",
        b"/" => b"/",
        d => &d[..d.len() - 1],
    };
    let mut out = Vec::new();
    if !has_meta(dir) {
        glob_in(cache, dir, file, &mut out)?;
        return Ok(out);
    }
    if dir == pattern {
        return Err(PatternSyntaxError);
    }
    for d in glob(cache, dir)? {
        glob_in(cache, &d, file, &mut out)?;
    }
    Ok(out)
}

/// Matches the entries of directory `dir` against one element pattern.
fn glob_in(
    cache: &AssetCache,
    dir: &[u8],
    pat: &[u8],
    out: &mut Vec<Vec<u8>>,
) -> Result<(), PatternSyntaxError> {
    match cache.stat(dir) {
        Ok(m) if m.kind == FileKind::Dir => {}
        _ => return Ok(()),
    }
    let Ok(entries) = cache.read_dir(dir) else {
        return Ok(());
    };
    for e in entries.iter() {
        if match_bytes(pat, &e.name)? {
            out.push(join(dir, &e.name));
        }
    }
    Ok(())
}

/// `filepath.Join` for a clean directory and a plain name.
pub fn join(dir: &[u8], name: &[u8]) -> Vec<u8> {
    if dir == b"." {
        return name.to_vec();
    }
    let mut p = dir.to_vec();
    if !p.ends_with(b"/") {
        p.push(b'/');
    }
    p.extend_from_slice(name);
    p
}

/// `filepath.Clean`, lexically.
pub fn clean(p: &[u8]) -> Vec<u8> {
    if p.is_empty() {
        return b".".to_vec();
    }
    let rooted = p[0] == b'/';
    let mut parts: Vec<&[u8]> = Vec::new();
    for e in p.split(|&b| b == b'/') {
        match e {
            b"" | b"." => {}
            b".." => {
                if parts.last().is_some_and(|l| *l != b"..") {
                    parts.pop();
                } else if !rooted {
                    parts.push(e);
                }
            }
            _ => parts.push(e),
        }
    }
    let mut out = Vec::with_capacity(p.len());
    if rooted {
        out.push(b'/');
    }
    out.extend_from_slice(&parts.join(&b'/'));
    if out.is_empty() {
        out.push(b'.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_and_quoting() {
        assert_eq!(clean(b"/a//b/./c/../d/"), b"/a/b/d");
        assert_eq!(clean(b"../x/.."), b"..");
        assert_eq!(clean(b"/.."), b"/");
        assert_eq!(clean(b""), b".");
        assert_eq!(quote_glob(b"/t/a[1]*?\\"), b"/t/a\\[1\\]\\*\\?\\");
        assert_eq!(join(b"/", b"x"), b"/x");
        assert_eq!(join(b".", b"x"), b"x");
    }

    #[test]
    fn split_class_is_syntax_error() {
        let c = AssetCache::new();
        assert_eq!(glob(&c, b"/tmp/a[/]b"), Err(PatternSyntaxError));
        assert_eq!(glob(&c, b"/tmp/d\\/x.txt"), Err(PatternSyntaxError));
        assert_eq!(glob(&c, b"/nonexistent-gotags/*"), Ok(vec![]));
    }
}
