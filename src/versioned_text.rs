//! gotags' own versioned text files (`--baseline`, the `matrix --write` lock): UTF-8, a first
//! line `# gotags KIND vN` naming what the file is and which version wrote it, then one entry a
//! line, blank lines and `#` comments skipped. This module checks the header, numbers the entry
//! lines and owns the errors every such file shares (missing, unreadable, unwritable,
//! malformed at a line); each format parses its own entries and names its own line problems.

use std::fmt;
use std::path::{Path, PathBuf};

/// A file format: how its errors name it (the last word of the noun before "version"), and what can be wrong with one of its entries.
pub trait Format: fmt::Display {
    /// The full first line this gotags writes (`# gotags baseline v1`); its text before the
    /// last word is the kind, the last word the version.
    const HEADER: &'static str;
    /// The file as error messages name it: "baseline", "coverage lock".
    const NOUN: &'static str;
    /// What is said when the file does not exist, after the path.
    const MISSING: &'static str;
}

/// What is wrong with one line of a file of format `P`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem<P> {
    /// The first line does not name the kind at all.
    WrongKind,
    /// The first line names the kind but a version this gotags does not read.
    UnknownVersion(String),
    /// The file is not UTF-8 from this line on.
    NotUtf8,
    /// An entry line the format refuses.
    Entry(P),
}

/// A file of format `P` that cannot be used (exit status 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError<P> {
    /// The file does not exist.
    Missing { path: PathBuf },
    /// The file exists and cannot be read.
    Unreadable {
        path: PathBuf,
        kind: std::io::ErrorKind,
    },
    /// A line that is not an entry of the format.
    Malformed {
        path: PathBuf,
        line: usize,
        problem: LineProblem<P>,
    },
    /// The file could not be written.
    Write {
        path: PathBuf,
        kind: std::io::ErrorKind,
    },
}

impl<P> FileError<P> {
    /// The error of reading `path` failing with `e`.
    pub fn reading(path: &Path, e: &std::io::Error) -> Self {
        let path = path.to_path_buf();
        match e.kind() {
            std::io::ErrorKind::NotFound => FileError::Missing { path },
            kind => FileError::Unreadable { path, kind },
        }
    }

    /// The error of writing `path` failing with `e`.
    pub fn writing(path: &Path, e: &std::io::Error) -> Self {
        FileError::Write {
            path: path.to_path_buf(),
            kind: e.kind(),
        }
    }
}

impl<P: Format> fmt::Display for FileError<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = P::NOUN;
        match self {
            FileError::Missing { path } => write!(f, "{}: {}", path.display(), P::MISSING),
            FileError::Unreadable { path, kind } => {
                write!(f, "{}: cannot read the {noun}: {kind}", path.display())
            }
            FileError::Write { path, kind } => {
                write!(f, "{}: cannot write the {noun}: {kind}", path.display())
            }
            FileError::Malformed {
                path,
                line,
                problem,
            } => {
                write!(f, "{}:{line}: ", path.display())?;
                match problem {
                    LineProblem::WrongKind => write!(
                        f,
                        "not a gotags {noun} (the first line must be {:?})",
                        P::HEADER
                    ),
                    LineProblem::UnknownVersion(v) => write!(
                        f,
                        "{} version {v:?} is not one this gotags reads (want {})",
                        noun.rsplit(' ').next().unwrap_or(noun),
                        P::HEADER.rsplit(' ').next().unwrap_or(P::HEADER)
                    ),
                    LineProblem::NotUtf8 => f.write_str("not UTF-8 text"),
                    LineProblem::Entry(p) => write!(f, "{p}"),
                }
            }
        }
    }
}

impl<P: Format + fmt::Debug> std::error::Error for FileError<P> {}

/// The entry lines of a file of format `P`: 1-based line number and trimmed text, blank lines
/// and `#` comments skipped; or the header's problem. `path` is only for the errors.
pub fn entries<'a, P: Format>(
    bytes: &'a [u8],
    path: &Path,
) -> Result<impl Iterator<Item = (usize, &'a str)>, FileError<P>> {
    let malformed = |line: usize, problem| FileError::Malformed {
        path: path.to_path_buf(),
        line,
        problem,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        malformed(line + 1, LineProblem::NotUtf8)
    })?;
    let header = P::HEADER;
    let kind = header.rsplit_once(' ').map_or(header, |(k, _)| k);
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, first)) if first.trim_end() == header => {}
        Some((_, first)) if first.starts_with(kind) && first[kind.len()..].starts_with(' ') => {
            let version = first[kind.len()..].trim().to_string();
            return Err(malformed(1, LineProblem::UnknownVersion(version)));
        }
        _ => return Err(malformed(1, LineProblem::WrongKind)),
    }
    Ok(lines
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#')))
}

/// The error of entry line `line` of `path` having problem `p`.
pub fn malformed<P>(path: &Path, line: usize, p: P) -> FileError<P> {
    FileError::Malformed {
        path: path.to_path_buf(),
        line,
        problem: LineProblem::Entry(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Lock;

    impl fmt::Display for Lock {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("bad")
        }
    }

    impl Format for Lock {
        const HEADER: &'static str = "# gotags coverage lock v1";
        const NOUN: &'static str = "coverage lock";
        const MISSING: &'static str = "gone";
    }

    fn problem(bytes: &[u8]) -> Option<(usize, LineProblem<Lock>)> {
        match entries::<Lock>(bytes, Path::new("l")).err()? {
            FileError::Malformed { line, problem, .. } => Some((line, problem)),
            _ => None,
        }
    }

    #[test]
    fn header_checked_and_entries_numbered() {
        let body: Vec<(usize, &str)> = entries::<Lock>(
            b"# gotags coverage lock v1\na\n\n # c\n b \n",
            Path::new("l"),
        )
        .map(Iterator::collect)
        .unwrap_or_default();
        assert_eq!(body, [(2, "a"), (5, "b")]);
        assert_eq!(
            problem(b"# gotags coverage lock v9\n"),
            Some((1, LineProblem::UnknownVersion("v9".into())))
        );
        assert_eq!(
            problem(b"something else\n"),
            Some((1, LineProblem::WrongKind))
        );
        assert_eq!(
            problem(b"# gotags coverage lock v1\nok\n\xff\n"),
            Some((3, LineProblem::NotUtf8))
        );
    }

    #[test]
    fn messages() {
        let p = Path::new("l");
        let e = |problem| FileError::<Lock>::Malformed {
            path: p.into(),
            line: 1,
            problem,
        };
        assert_eq!(
            e(LineProblem::UnknownVersion("v7".into())).to_string(),
            "l:1: lock version \"v7\" is not one this gotags reads (want v1)"
        );
        assert_eq!(
            e(LineProblem::WrongKind).to_string(),
            "l:1: not a gotags coverage lock (the first line must be \"# gotags coverage lock v1\")"
        );
        assert_eq!(malformed(p, 4, Lock).to_string(), "l:4: bad");
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            FileError::<Lock>::reading(p, &missing).to_string(),
            "l: gone"
        );
    }
}
