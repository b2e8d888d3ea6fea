//! Splitting a directive into words (`(*Generator).split`, spec §8.3): only spaces and tabs
//! separate words; a word starting with `"` is a Go string literal decoded by
//! `strconv.Unquote` and must be followed by a space, a tab or the end; any other quote is a
//! literal character. The grammar is written down in `grammar/go-generate.ebnf`.

/// The errors of §8.3, worded as Go prints them after `file:line: `.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    BadBackslash,
    BadQuotedString,
    ExpectSpace,
    Mismatched,
}

impl SplitError {
    pub fn message(&self) -> &'static str {
        match self {
            SplitError::BadBackslash => "bad backslash",
            SplitError::BadQuotedString => "bad quoted string",
            SplitError::ExpectSpace => "expect space after quoted argument",
            SplitError::Mismatched => "mismatched quoted string",
        }
    }
}

/// The argument text of a directive line: without the 14-byte prefix and one trailing `\r`.
/// `line` is the line without its `\n`, as the scanner returns it.
pub fn arguments(line: &[u8]) -> &[u8] {
    let rest = line.get(14..).unwrap_or_default();
    rest.strip_suffix(b"\r").unwrap_or(rest)
}

fn blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Splits the argument text into words (before alias substitution and expansion).
pub fn split_words(mut text: &[u8]) -> Result<Vec<Vec<u8>>, SplitError> {
    let mut words = Vec::new();
    'words: loop {
        let skip = text.iter().take_while(|&&b| blank(b)).count();
        text = &text[skip..];
        if text.is_empty() {
            return Ok(words);
        }
        if text[0] == b'"' {
            let mut i = 1;
            while i < text.len() {
                match text[i] {
                    b'\\' => {
                        if i + 1 == text.len() {
                            return Err(SplitError::BadBackslash);
                        }
                        i += 1;
                    }
                    b'"' => {
                        let word = crate::go::literal::unquote(&text[..=i])
                            .map_err(|_| SplitError::BadQuotedString)?;
                        words.push(word);
                        text = &text[i + 1..];
                        if text.first().is_some_and(|&b| !blank(b)) {
                            return Err(SplitError::ExpectSpace);
                        }
                        continue 'words;
                    }
                    _ => {}
                }
                i += 1;
            }
            return Err(SplitError::Mismatched);
        }
        let end = text.iter().position(|&b| blank(b)).unwrap_or(text.len());
        words.push(text[..end].to_vec());
        text = &text[end..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Result<Vec<String>, &'static str> {
        split_words(s.as_bytes())
            .map(|w| {
                w.into_iter()
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .collect()
            })
            .map_err(|e| e.message())
    }

    #[test]
    fn quotes() {
        assert_eq!(
            words(" a\t\"b c\"  d"),
            Ok(vec!["a".into(), "b c".into(), "d".into()])
        );
        assert_eq!(words("'a b'"), Ok(vec!["'a".into(), "b'".into()]));
        assert_eq!(words("a\"b c\""), Ok(vec!["a\"b".into(), "c\"".into()]));
        assert_eq!(words("`raw`"), Ok(vec!["`raw`".into()]));
        assert_eq!(words("\"\\x41\""), Ok(vec!["A".into()]));
        assert_eq!(words(""), Ok(vec![]));
    }

    #[test]
    fn errors() {
        assert_eq!(words("\"a\\"), Err("bad backslash"));
        assert_eq!(words("\"bad\\q\""), Err("bad quoted string"));
        assert_eq!(words("\"a\"b"), Err("expect space after quoted argument"));
        assert_eq!(words("\"abc"), Err("mismatched quoted string"));
    }

    #[test]
    fn arguments_drop_prefix_and_cr() {
        assert_eq!(arguments(b"//go:generate a b\r"), b"a b");
        assert_eq!(arguments(b"//go:generate\t"), b"");
    }
}
