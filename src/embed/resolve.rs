//! Resolving embed patterns to files: cmd/go's `resolveEmbed` (spec §7.3), per pattern and for
//! a whole package, plus the per-pattern explanation ([`PatternReport`]): what a directory
//! pattern skipped and why.

use super::fscache::{AssetCache, FileKind, Meta, ReadDirError};
use super::glob::{clean, glob, join, quote_glob};
use super::names::{is_bad_embed_name_bytes, valid_embed_glob};
use super::pathmatch::PatternSyntaxError;
use crate::go::unicode::go_lossy;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// One embedded file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EmbeddedFile {
    /// Slash path relative to the package directory.
    pub rel: String,
    /// Size from `lstat` (contents are never read).
    pub size: u64,
}

/// A failed resolution: Display is `pattern {pattern}: {message}` (go list's `Error.Err`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedError {
    pub pattern: String,
    pub message: PatternError,
}

/// Why one pattern embeds nothing; Display is go list's text after `pattern P: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// Not a valid embed pattern (`invalid pattern syntax`).
    Syntax,
    /// `path.Match` rejects the glob.
    Glob(PatternSyntaxError),
    /// A match cannot be `lstat`ed (Go's errno text).
    Lstat { path: String, text: String },
    /// A match (`what`: `file` or `directory`, at `rel`) that cannot be embedded.
    Match {
        what: &'static str,
        rel: String,
        why: MatchProblem,
    },
    /// A match that is neither a regular file nor a directory.
    Irregular { rel: String },
    /// Nothing matches.
    NoMatch,
    /// A walked directory cannot be listed.
    ReadDir(ReadDirError),
}

/// Why a matched file or directory cannot be embedded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchProblem {
    /// It, or a directory above it, holds a `go.mod`.
    DifferentModule,
    /// A path element above it (relative path) is no directory.
    NonDirectory(String),
    /// Its own name (shown) can never be embedded.
    InvalidName(String),
    /// A directory above it has a name (shown) that can never be embedded.
    InvalidDirectory(String),
    /// A matched directory with nothing to embed.
    NoEmbeddableFiles,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::Syntax => f.write_str("invalid pattern syntax"),
            PatternError::Glob(e) => e.fmt(f),
            PatternError::Lstat { path, text } => write!(f, "lstat {path}: {text}"),
            PatternError::Match { what, rel, why } => {
                write!(f, "cannot embed {what} {rel}: ")?;
                match why {
                    MatchProblem::DifferentModule => f.write_str("in different module"),
                    MatchProblem::NonDirectory(d) => write!(f, "in non-directory {d}"),
                    MatchProblem::InvalidName(e) => write!(f, "invalid name {e}"),
                    MatchProblem::InvalidDirectory(e) => write!(f, "in invalid directory {e}"),
                    MatchProblem::NoEmbeddableFiles => f.write_str("contains no embeddable files"),
                }
            }
            PatternError::Irregular { rel } => write!(f, "cannot embed irregular file {rel}"),
            PatternError::NoMatch => f.write_str("no matching files found"),
            PatternError::ReadDir(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for PatternError {}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pattern {}: {}", self.pattern, self.message)
    }
}

impl std::error::Error for EmbedError {}

/// Everything one pattern did. Paths are slash paths relative to the package directory;
/// skipped directories carry a trailing `/` (their contents are not listed). All lists are
/// sorted by byte order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatternReport {
    /// Files the pattern contributes.
    pub files: Vec<EmbeddedFile>,
    /// Skipped inside a walked directory because the name starts with `.` or `_`
    /// (a pattern without `all:`).
    pub skipped_hidden: Vec<String>,
    /// Skipped inside a walked directory because the name can never be embedded
    /// (`.git`, `con.txt`, `trail.`, `a😀.txt`, …), with or without `all:`.
    pub skipped_bad_name: Vec<String>,
    /// Directories skipped inside a walk because they hold a `go.mod` (another module).
    pub skipped_nested_module: Vec<String>,
    /// Non-regular files (symlinks, FIFOs, sockets, devices) skipped inside a walk.
    pub skipped_irregular: Vec<String>,
}

/// What a directory walk does with a file whose name can never be embedded (`a😀.txt`,
/// `con.txt`): Go 1.21–1.25 skip it, 1.26 on report it (hidden names are skipped either way;
/// see `GoList::embed_bad_name_error`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BadNames {
    #[default]
    Skip,
    Error,
}

impl BadNames {
    /// The rule of `release`.
    pub fn of(release: &crate::go::release::Release) -> BadNames {
        if release.go_list.embed_bad_name_error {
            BadNames::Error
        } else {
            BadNames::Skip
        }
    }
}

/// cmd/go's resolveEmbed: patterns are processed in sorted (byte) order and de-duplicated,
/// the first error aborts; the result is the union, sorted by byte order of `rel`.
///
/// `pkg_dir` should be the package directory as go list's `Dir` (absolute); it is cleaned
/// lexically. Patterns that are not UTF-8 need [`resolve_raw`].
pub fn resolve(
    cache: &AssetCache,
    pkg_dir: &Path,
    patterns: &[String],
) -> Result<Vec<EmbeddedFile>, EmbedError> {
    resolve_raw(cache, pkg_dir, patterns)
}

/// [`resolve`] over exact pattern bytes (see `EmbedPatternAt::key`).
pub fn resolve_raw<P: AsRef<[u8]>>(
    cache: &AssetCache,
    pkg_dir: &Path,
    patterns: &[P],
) -> Result<Vec<EmbeddedFile>, EmbedError> {
    resolve_with(cache, pkg_dir, patterns, BadNames::Skip)
}

/// [`resolve_raw`] with a release's rule for bad names in walked directories.
pub fn resolve_with<P: AsRef<[u8]>>(
    cache: &AssetCache,
    pkg_dir: &Path,
    patterns: &[P],
    bad_names: BadNames,
) -> Result<Vec<EmbeddedFile>, EmbedError> {
    let mut sorted: Vec<&[u8]> = patterns.iter().map(|p| p.as_ref()).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut all: BTreeMap<String, u64> = BTreeMap::new();
    for p in sorted {
        let report = explain_with(cache, pkg_dir, p, bad_names).map_err(|message| EmbedError {
            pattern: go_lossy(p),
            message,
        })?;
        for f in &report.files {
            all.insert(f.rel.clone(), f.size);
        }
    }
    Ok(all
        .into_iter()
        .map(|(rel, size)| EmbeddedFile { rel, size })
        .collect())
}

/// Files one pattern matches (sorted), or why none.
pub fn resolve_pattern(
    cache: &AssetCache,
    pkg_dir: &Path,
    pattern: &str,
) -> Result<Vec<EmbeddedFile>, PatternError> {
    explain_pattern(cache, pkg_dir, pattern).map(|r| r.files.clone())
}

/// The full per-pattern report (memoised in the cache).
pub fn explain_pattern(
    cache: &AssetCache,
    pkg_dir: &Path,
    pattern: &str,
) -> Result<Arc<PatternReport>, PatternError> {
    explain_raw(cache, pkg_dir, pattern.as_bytes())
}

/// [`explain_pattern`] over exact pattern bytes.
pub fn explain_raw(
    cache: &AssetCache,
    pkg_dir: &Path,
    pattern: &[u8],
) -> Result<Arc<PatternReport>, PatternError> {
    explain_with(cache, pkg_dir, pattern, BadNames::Skip)
}

/// [`explain_raw`] with a release's rule for bad names in walked directories.
pub fn explain_with(
    cache: &AssetCache,
    pkg_dir: &Path,
    pattern: &[u8],
    bad_names: BadNames,
) -> Result<Arc<PatternReport>, PatternError> {
    let dir = clean(&super::fscache::os_bytes(pkg_dir.as_os_str()));
    let key = (dir, pattern.to_vec(), bad_names);
    if let Some(v) = cache.pattern_memo(&key) {
        return v;
    }
    let v = resolve_one(cache, &key.0, pattern, bad_names).map(Arc::new);
    cache.set_pattern_memo(key, v.clone());
    v
}

fn resolve_one(
    cache: &AssetCache,
    pkgdir: &[u8],
    pattern: &[u8],
    bad_names: BadNames,
) -> Result<PatternReport, PatternError> {
    let (all, glob_pat) = match pattern.strip_prefix(b"all:") {
        Some(g) => (true, g),
        None => (false, pattern),
    };
    if !valid_embed_glob(glob_pat) {
        return Err(PatternError::Syntax);
    }
    let mut full = pkgdir.to_vec();
    if !full.ends_with(b"/") {
        full.push(b'/');
    }
    let mut full = quote_glob(&full);
    full.extend_from_slice(glob_pat);
    let matches = glob(cache, &full).map_err(PatternError::Glob)?;

    let prefix_len = if pkgdir.ends_with(b"/") {
        pkgdir.len()
    } else {
        pkgdir.len() + 1
    };
    let rel_of = |p: &[u8]| -> String { go_lossy(p.get(prefix_len..).unwrap_or(p)) };
    let mut report = PatternReport::default();
    let mut files: BTreeMap<String, u64> = BTreeMap::new();
    let mut dir_ok: HashSet<Vec<u8>> = HashSet::new();
    for file in matches {
        let rel = rel_of(&file);
        let info = cache.lstat(&file).map_err(|e| PatternError::Lstat {
            path: go_lossy(&file),
            text: e.text,
        })?;
        let what = if info.kind == FileKind::Dir {
            "directory"
        } else {
            "file"
        };
        let cannot = |why| PatternError::Match {
            what,
            rel: rel.clone(),
            why,
        };

        // The matched path and every directory above it, up to the package directory.
        let mut d = file.clone();
        while d.len() > pkgdir.len() + 1 && !dir_ok.contains(&d) {
            if cache.stat(&join(&d, b"go.mod")).is_ok() {
                return Err(cannot(MatchProblem::DifferentModule));
            }
            if d != file {
                if let Ok(m) = cache.lstat(&d) {
                    if m.kind != FileKind::Dir {
                        return Err(cannot(MatchProblem::NonDirectory(rel_of(&d))));
                    }
                }
            }
            let base = base_name(&d).to_vec();
            dir_ok.insert(d.clone());
            if is_bad_embed_name_bytes(&base) {
                let elem = go_lossy(&base);
                return Err(cannot(if d == file {
                    MatchProblem::InvalidName(elem)
                } else {
                    MatchProblem::InvalidDirectory(elem)
                }));
            }
            d = parent(&d);
        }

        match info.kind {
            FileKind::Regular => {
                files.insert(rel, info.size);
            }
            FileKind::Dir => {
                let mut w = Walk {
                    cache,
                    all,
                    bad_names,
                    rel_of: &rel_of,
                    count: 0,
                    files: &mut files,
                    report: &mut report,
                };
                w.walk(&file, info, true)?;
                if w.count == 0 {
                    return Err(cannot(MatchProblem::NoEmbeddableFiles));
                }
            }
            _ => return Err(PatternError::Irregular { rel }),
        }
    }
    if files.is_empty() {
        return Err(PatternError::NoMatch);
    }
    report.files = files
        .into_iter()
        .map(|(rel, size)| EmbeddedFile { rel, size })
        .collect();
    for v in [
        &mut report.skipped_hidden,
        &mut report.skipped_bad_name,
        &mut report.skipped_nested_module,
        &mut report.skipped_irregular,
    ] {
        v.sort();
        v.dedup();
    }
    Ok(report)
}

/// `fsys.Walk` below one matched directory with resolveEmbed's callback.
struct Walk<'a, F: Fn(&[u8]) -> String> {
    cache: &'a AssetCache,
    all: bool,
    bad_names: BadNames,
    rel_of: &'a F,
    count: usize,
    files: &'a mut BTreeMap<String, u64>,
    report: &'a mut PatternReport,
}

impl<F: Fn(&[u8]) -> String> Walk<'_, F> {
    fn walk(&mut self, path: &[u8], meta: Meta, root: bool) -> Result<(), PatternError> {
        let name = base_name(path);
        let is_dir = meta.kind == FileKind::Dir;
        let shown = || {
            let mut r = (self.rel_of)(path);
            if is_dir {
                r.push('/');
            }
            r
        };
        if !root {
            let bad = is_bad_embed_name_bytes(name);
            let hidden = matches!(name.first(), Some(b'.' | b'_'));
            if bad || (!self.all && hidden) {
                // From Go 1.26 a bad file name (not a directory, not hidden) is an error.
                if bad && !is_dir && !hidden && self.bad_names == BadNames::Error {
                    return Err(PatternError::Match {
                        what: "file",
                        rel: (self.rel_of)(path),
                        why: MatchProblem::InvalidName(go_lossy(name)),
                    });
                }
                let r = shown();
                if bad {
                    self.report.skipped_bad_name.push(r);
                } else {
                    self.report.skipped_hidden.push(r);
                }
                return Ok(());
            }
        }
        match meta.kind {
            FileKind::Dir => {
                if self.cache.stat(&join(path, b"go.mod")).is_ok() {
                    if !root {
                        self.report.skipped_nested_module.push(shown());
                    }
                    return Ok(());
                }
                let entries = self.cache.read_dir(path).map_err(PatternError::ReadDir)?;
                for e in entries.iter() {
                    self.walk(&join(path, &e.name), e.meta, false)?;
                }
            }
            FileKind::Regular => {
                self.count += 1;
                self.files.insert((self.rel_of)(path), meta.size);
            }
            _ => self.report.skipped_irregular.push(shown()),
        }
        Ok(())
    }
}

fn base_name(p: &[u8]) -> &[u8] {
    match p.iter().rposition(|&b| b == b'/') {
        Some(i) => &p[i + 1..],
        None => p,
    }
}

fn parent(p: &[u8]) -> Vec<u8> {
    match p.iter().rposition(|&b| b == b'/') {
        Some(0) => b"/".to_vec(),
        Some(i) => p[..i].to_vec(),
        None => b".".to_vec(),
    }
}
