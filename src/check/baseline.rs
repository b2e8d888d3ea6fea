//! Finding fingerprints and baseline files: `gotags check --write-baseline FILE` records the
//! current findings, `--baseline FILE` reports only the findings not recorded there.
//!
//! A fingerprint must survive edits elsewhere in the file, so it never contains a line or a
//! column. It hashes (FNV-1a, 64 bits, fixed: the same on every machine and release):
//! the module path and the file's path inside its module (not relative to the working
//! directory, so running from another directory matches too), the rule code, the message
//! with digit runs folded (messages quote line numbers and counts that move with unrelated
//! edits), the text of the finding's first line with whitespace collapsed (the context: an
//! edit of the offending line itself makes a new finding; findings about a whole file, placed
//! at 1:1 with a one-column span, have none), and the finding's rank among the
//! findings that agree on all of that (identical lines in one file stay distinct). The
//! platforms a finding names are left out: narrowing `--platforms` changes no fingerprint.
//! SARIF's `partialFingerprints` carry the same value.
//!
//! The file is line-oriented text, sorted, one finding a line, diff-friendly:
//!
//! ```text
//! # gotags baseline v1
//! 3f2a9c0d1e4b5a67 GT201 pkg/a_linux.go: message
//! ```
//!
//! Only the fingerprint is matched; code, file and message are there for the reader.

use super::command::SourceTexts;
use super::diagnostic::Diagnostic;
use crate::versioned_text::{self, FileError, Format};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// The first line of every baseline file.
pub const HEADER: &str = "# gotags baseline v1";

/// A module a check run walked: what findings' fingerprints are relative to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedModule {
    /// The module path from go.mod.
    pub path: String,
    /// The directory holding go.mod (absolute).
    pub root: PathBuf,
    /// Its go.mod `go` line, when the run read it.
    pub go: Option<String>,
}

/// A finding's fingerprint and the module it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// 16 lowercase hex digits.
    pub fingerprint: String,
    /// Index into the run's modules; `None` for findings outside every module (run-scope
    /// findings about the command line).
    pub module: Option<usize>,
}

/// The module holding `file` (as shown, relative to `cwd`) and the file's slash path inside it.
pub fn locate(modules: &[CheckedModule], cwd: &Path, file: &str) -> (Option<usize>, String) {
    let abs = cwd.join(file);
    let best = modules
        .iter()
        .enumerate()
        .filter(|(_, m)| abs.starts_with(&m.root))
        .max_by_key(|(_, m)| m.root.components().count());
    match best {
        Some((i, m)) => {
            let rel = abs.strip_prefix(&m.root).unwrap_or(&abs);
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            (Some(i), parts.join("/"))
        }
        None => (None, file.replace('\\', "/")),
    }
}

/// FNV-1a over `parts`, each followed by a 0 byte so that boundaries count.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in p.iter().chain(std::iter::once(&0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The message with every run of ASCII digits replaced by `#`.
pub fn fold_digits(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_digits = false;
    for c in message.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

/// Line `line` (1-based) of `text`, whitespace runs collapsed to one space, trimmed; "" when
/// the line does not exist.
pub fn context_line(text: &str, line: u32) -> String {
    let Some(n) = (line as usize).checked_sub(1) else {
        return String::new();
    };
    text.lines()
        .nth(n)
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Every finding's identity, in the order of `diags`.
pub fn identify(
    diags: &[Diagnostic],
    texts: &SourceTexts,
    modules: &[CheckedModule],
    cwd: &Path,
) -> Vec<Identity> {
    // Ranks count in position order within one key, whatever order `diags` comes in.
    let mut order: Vec<usize> = (0..diags.len()).collect();
    order.sort_by_key(|&i| (&diags[i].file, diags[i].line, diags[i].column));
    let mut seen: HashMap<u64, u32> = HashMap::new();
    let mut out = vec![Identity::default(); diags.len()];
    for i in order {
        let d = &diags[i];
        let (module, rel) = locate(modules, cwd, &d.file);
        let module_path = module.map_or("", |m| modules[m].path.as_str());
        // Findings about a whole file (its name, its place in the matrix) sit at 1:1 with a
        // one-column span; their first line is no context of theirs.
        let whole_file = (d.line, d.column, d.end_line, d.end_column) == (1, 1, 1, 2);
        let context = match texts.get(&d.file) {
            Some(t) if !whole_file => context_line(t, d.line),
            _ => String::new(),
        };
        let message = fold_digits(&d.message);
        let key = fnv1a(&[
            module_path.as_bytes(),
            rel.as_bytes(),
            d.code.as_bytes(),
            message.as_bytes(),
            context.as_bytes(),
        ]);
        let rank = seen.entry(key).or_insert(0);
        let fingerprint = fnv1a(&[&key.to_le_bytes(), &rank.to_le_bytes()]);
        *rank += 1;
        out[i] = Identity {
            fingerprint: format!("{fingerprint:016x}"),
            module,
        };
    }
    out
}

/// The recorded fingerprints of a baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    pub fingerprints: BTreeSet<String>,
}

/// What is wrong with one entry line of a baseline file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// The first field is not 16 hex digits.
    BadFingerprint(String),
    /// No rule code after the fingerprint.
    MissingCode,
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineProblem::BadFingerprint(t) => {
                write!(f, "{t:?} is not a fingerprint (16 hex digits)")
            }
            LineProblem::MissingCode => f.write_str("a fingerprint without a rule code after it"),
        }
    }
}

impl Format for LineProblem {
    const HEADER: &'static str = HEADER;
    const NOUN: &'static str = "baseline";
    const MISSING: &'static str = "baseline file not found (create it with --write-baseline)";
}

/// A baseline file that cannot be used (exit status 2).
pub type BaselineError = FileError<LineProblem>;

fn is_fingerprint(t: &str) -> bool {
    t.len() == 16
        && t.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Parses a baseline file's bytes; `path` is only for the errors.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Baseline, BaselineError> {
    let mut fingerprints = BTreeSet::new();
    for (n, line) in versioned_text::entries::<LineProblem>(bytes, path)? {
        let mut fields = line.split_whitespace();
        let fp = fields.next().unwrap_or_default();
        if !is_fingerprint(fp) {
            let problem = LineProblem::BadFingerprint(fp.to_string());
            return Err(versioned_text::malformed(path, n, problem));
        }
        if fields.next().is_none() {
            return Err(versioned_text::malformed(path, n, LineProblem::MissingCode));
        }
        fingerprints.insert(fp.to_string());
    }
    Ok(Baseline { fingerprints })
}

/// The baseline file recording `diags` (with their `ids`): sorted by file, then code, then
/// fingerprint, so that a change shows as a small diff.
pub fn render(diags: &[Diagnostic], ids: &[Identity]) -> String {
    let mut rows: Vec<(&str, &str, &str, String)> = diags
        .iter()
        .zip(ids)
        .map(|(d, id)| {
            let message: String = d
                .message
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            (
                d.file.as_str(),
                d.code.as_str(),
                id.fingerprint.as_str(),
                message,
            )
        })
        .collect();
    rows.sort();
    rows.dedup();
    let mut out = format!(
        "{HEADER}\n# Findings recorded by `gotags check --write-baseline`; `gotags check --baseline \
         FILE` reports only the others.\n# Matched by the fingerprint alone (it has no line numbers).\n"
    );
    for (file, code, fp, message) in rows {
        out.push_str(&format!("{fp} {code} {file}: {message}\n"));
    }
    out
}

impl Baseline {
    /// Splits findings into the new ones (not recorded) and the count of recorded ones seen,
    /// keeping `ids` parallel to the new findings.
    pub fn filter(
        &self,
        diags: Vec<Diagnostic>,
        ids: Vec<Identity>,
    ) -> (Vec<Diagnostic>, Vec<Identity>, usize) {
        let (known, new): (Vec<_>, Vec<_>) = diags
            .into_iter()
            .zip(ids)
            .partition(|(_, id)| self.fingerprints.contains(&id.fingerprint));
        let (kept, kept_ids) = new.into_iter().unzip();
        (kept, kept_ids, known.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;

    fn diag(file: &str, line: u32, code: &'static str, message: &str) -> Diagnostic {
        let f = crate::check::Finding::at(code, line, 3, 5, message.into());
        Diagnostic::placed(f, Severity::Warning, file.into(), Vec::new())
    }

    fn texts(file: &str, text: &str) -> SourceTexts {
        [(file.to_string(), text.to_string())].into_iter().collect()
    }

    fn modules() -> Vec<CheckedModule> {
        vec![CheckedModule {
            path: "example.com/m".into(),
            root: PathBuf::from("/w/m"),
            go: None,
        }]
    }

    #[test]
    fn fingerprints_survive_line_moves_and_the_working_directory() {
        let before = texts("a.go", "//go:build linx\n\npackage a\n");
        let after = texts(
            "m/a.go",
            "// added\n// lines\n//go:build  linx\n\npackage a\n",
        );
        let d1 = [diag("a.go", 1, "GT201", "unknown tag linx on line 1")];
        let d2 = [diag("m/a.go", 3, "GT201", "unknown tag linx on line 3")];
        let a = identify(&d1, &before, &modules(), Path::new("/w/m"));
        let b = identify(&d2, &after, &modules(), Path::new("/w"));
        assert_eq!(a, b);
        assert_eq!(a[0].module, Some(0));
        assert_eq!(a[0].fingerprint.len(), 16);
    }

    #[test]
    fn the_offending_line_and_the_rule_matter() {
        let t1 = texts("a.go", "//go:build linx\n");
        let t2 = texts("a.go", "//go:build darwn\n");
        let cwd = Path::new("/w/m");
        let d = [diag("a.go", 1, "GT201", "unknown tag")];
        let other = [diag("a.go", 1, "GT202", "unknown tag")];
        let a = identify(&d, &t1, &modules(), cwd);
        assert_ne!(a, identify(&d, &t2, &modules(), cwd));
        assert_ne!(a, identify(&other, &t1, &modules(), cwd));
    }

    #[test]
    fn whole_file_findings_ignore_the_first_line() {
        let t1 = texts("a.go", "package a\n");
        let t2 = texts("a.go", "// new\npackage a\n");
        let mut d = diag("a.go", 1, "GT206", "name");
        (d.column, d.end_column) = (1, 2);
        let cwd = Path::new("/w/m");
        let d = [d];
        assert_eq!(
            identify(&d, &t1, &modules(), cwd),
            identify(&d, &t2, &modules(), cwd)
        );
    }

    #[test]
    fn identical_findings_get_distinct_fingerprints() {
        let t = texts("a.go", "x\nx\n");
        let d = [diag("a.go", 2, "GT1", "m"), diag("a.go", 1, "GT1", "m")];
        let ids = identify(&d, &t, &modules(), Path::new("/w/m"));
        assert_ne!(ids[0].fingerprint, ids[1].fingerprint);
    }

    #[test]
    fn round_trip_and_filter() {
        let t = SourceTexts::new();
        let d = vec![
            diag("a.go", 1, "GT1", "one"),
            diag("b.go", 1, "GT2", "two\nlines"),
        ];
        let ids = identify(&d, &t, &modules(), Path::new("/w/m"));
        let text = render(&d[..1], &ids[..1]);
        let b = parse(text.as_bytes(), Path::new("b.txt")).expect("parses");
        let (kept, kept_ids, known) = b.filter(d.clone(), ids.clone());
        assert_eq!(
            (kept, kept_ids, known),
            (vec![d[1].clone()], vec![ids[1].clone()], 1)
        );
        assert!(render(&d, &ids).lines().all(|l| !l.is_empty()));
    }

    #[test]
    fn errors_name_the_line() {
        let p = Path::new("base.txt");
        let e = |text: &[u8]| parse(text, p).expect_err("malformed");
        assert_eq!(
            e(b"hello\n"),
            BaselineError::Malformed {
                path: p.into(),
                line: 1,
                problem: versioned_text::LineProblem::WrongKind
            }
        );
        assert!(matches!(
            e(b"# gotags baseline v9\n"),
            BaselineError::Malformed { line: 1, problem: versioned_text::LineProblem::UnknownVersion(v), .. } if v == "v9"
        ));
        let bad = format!("{HEADER}\n\n0123456789abcdef GT1 a.go: x\nxyz GT1\n");
        assert_eq!(
            e(bad.as_bytes()).to_string(),
            "base.txt:4: \"xyz\" is not a fingerprint (16 hex digits)"
        );
        let no_code = format!("{HEADER}\n0123456789abcdef\n");
        assert!(matches!(
            e(no_code.as_bytes()),
            BaselineError::Malformed {
                line: 2,
                problem: versioned_text::LineProblem::Entry(LineProblem::MissingCode),
                ..
            }
        ));
        let mut latin = format!("{HEADER}\n0123456789abcdef GT1 a\n").into_bytes();
        latin.extend_from_slice(b"\xff\n");
        assert!(matches!(
            e(&latin),
            BaselineError::Malformed {
                line: 3,
                problem: versioned_text::LineProblem::NotUtf8,
                ..
            }
        ));
    }

    #[test]
    fn folding() {
        assert_eq!(fold_digits("line 12 of 3x"), "line # of #x");
        assert_eq!(context_line("a\n  b \t c \n", 2), "b c");
        assert_eq!(context_line("a", 0), "");
        assert_eq!(context_line("a", 5), "");
    }
}
