//! gotags' own versioned text files (`--baseline`, the `matrix --write` lock): UTF-8, and a
//! first line `# gotags KIND vN` naming what the file is and which version wrote it. This
//! module checks those two things once; each file format parses its own lines.

/// Why a file is not a readable file of the expected kind, at a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderProblem {
    /// The file is not UTF-8 from this line on.
    NotUtf8,
    /// The first line names the kind but a version this gotags does not read.
    UnknownVersion(String),
    /// The first line does not name the kind at all.
    WrongKind,
}

/// The lines after the header, numbered from 0 as `str::lines().enumerate()` numbers them
/// (the header is line 0), or the problem and its 1-based line. `header` is the full first
/// line this gotags writes (`# gotags baseline v1`); its text before the last word is the kind.
pub fn body_lines<'a>(
    bytes: &'a [u8],
    header: &str,
) -> Result<std::iter::Enumerate<std::str::Lines<'a>>, (usize, HeaderProblem)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (line + 1, HeaderProblem::NotUtf8)
    })?;
    let kind = header.rsplit_once(' ').map_or(header, |(k, _)| k);
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, first)) if first.trim_end() == header => Ok(lines),
        Some((_, first)) if first.starts_with(kind) && first[kind.len()..].starts_with(' ') => {
            Err((
                1,
                HeaderProblem::UnknownVersion(first[kind.len()..].trim().to_string()),
            ))
        }
        _ => Err((1, HeaderProblem::WrongKind)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str = "# gotags coverage lock v1";

    #[test]
    fn header_checked_and_body_numbered() {
        let body: Vec<(usize, &str)> = body_lines(b"# gotags coverage lock v1\na\nb\n", H)
            .map(Iterator::collect)
            .unwrap_or_default();
        assert_eq!(body, [(1, "a"), (2, "b")]);
        assert_eq!(
            body_lines(b"# gotags coverage lock v9\n", H).err(),
            Some((1, HeaderProblem::UnknownVersion("v9".into())))
        );
        assert_eq!(
            body_lines(b"something else\n", H).err(),
            Some((1, HeaderProblem::WrongKind))
        );
        assert_eq!(
            body_lines(b"# gotags coverage lock v1\nok\n\xff\n", H).err(),
            Some((3, HeaderProblem::NotUtf8))
        );
    }
}
