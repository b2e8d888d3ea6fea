//! [`AssetCache`]: a memoising, thread-safe view of a [`Source`] for embed resolution.
//! Every `lstat`, `stat` and directory listing is done at most once per path, and per-pattern
//! results are memoised too, so resolving a package for many platforms asks the source once.
//! Paths are handled as raw bytes (Unix file names need not be UTF-8), like Go's strings.
//! Errors are stored as typed values whose Display is Go's text (`open /p/d: permission denied`).

use super::resolve::{PatternError, PatternReport};
use crate::source::{bytes_path, Disk, Op, SharedSource, Source, SourceError};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

pub use crate::source::{FileKind, Meta};

/// A failed file-system call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FsError {
    pub not_found: bool,
    /// Go's errno text, e.g. `no such file or directory`.
    pub text: String,
}

/// A directory that cannot be listed; Display is Go's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadDirError {
    /// The listing broke off (`readdirent DIR: TEXT`).
    Read { dir: String, text: String },
    /// The path is no directory (`ReadDir DIR: not a directory`).
    NotDir { dir: String },
    /// The directory cannot be opened (`open DIR: TEXT`).
    Open { dir: String, text: String },
}

impl std::fmt::Display for ReadDirError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadDirError::Read { dir, text } => write!(f, "readdirent {dir}: {text}"),
            ReadDirError::NotDir { dir } => write!(f, "ReadDir {dir}: not a directory"),
            ReadDirError::Open { dir, text } => write!(f, "open {dir}: {text}"),
        }
    }
}

impl std::error::Error for ReadDirError {}

/// One directory entry, with its `lstat` metadata.
#[derive(Debug, Clone)]
pub struct DirEntry {
    pub name: Vec<u8>,
    pub meta: Meta,
}

type Memo<K, V> = RwLock<HashMap<K, V, crate::hashing::FastBuild>>;
/// (clean package dir, exact pattern bytes) → the pattern's outcome.
/// (package directory, pattern bytes, how bad names in walked directories are treated).
type PatternKey = (Vec<u8>, Vec<u8>, super::resolve::BadNames);
type PatternOutcome = Result<Arc<PatternReport>, PatternError>;

/// Memoising view of the asset tree (see the module docs). `Send + Sync`.
pub struct AssetCache {
    source: SharedSource,
    lstat: Memo<Vec<u8>, Result<Meta, FsError>>,
    stat: Memo<Vec<u8>, Result<Meta, FsError>>,
    readdir: Memo<Vec<u8>, Result<Arc<Vec<DirEntry>>, ReadDirError>>,
    patterns: Memo<PatternKey, PatternOutcome>,
    disk_calls: AtomicU64,
}

fn get<K, Q, V>(m: &Memo<K, V>, k: &Q) -> Option<V>
where
    K: std::hash::Hash + Eq + std::borrow::Borrow<Q>,
    Q: std::hash::Hash + Eq + ?Sized,
    V: Clone,
{
    match m.read() {
        Ok(g) => g.get(k).cloned(),
        Err(p) => p.into_inner().get(k).cloned(),
    }
}

/// Inserts many entries under one write lock.
fn put_all<K: std::hash::Hash + Eq, V>(m: &Memo<K, V>, items: Vec<(K, V)>) {
    match m.write() {
        Ok(mut g) => g.extend(items),
        Err(p) => p.into_inner().extend(items),
    }
}

fn put<K: std::hash::Hash + Eq, V>(m: &Memo<K, V>, k: K, v: V) {
    match m.write() {
        Ok(mut g) => {
            g.insert(k, v);
        }
        Err(p) => {
            p.into_inner().insert(k, v);
        }
    }
}

impl Default for AssetCache {
    fn default() -> Self {
        AssetCache::with_source(Disk::shared())
    }
}

impl AssetCache {
    /// A cache over the disk.
    pub fn new() -> Self {
        Self::default()
    }

    /// A cache over `source` (an overlay of editor buffers, a test tree in memory, …).
    pub fn with_source(source: SharedSource) -> Self {
        AssetCache {
            source,
            lstat: Memo::default(),
            stat: Memo::default(),
            readdir: Memo::default(),
            patterns: Memo::default(),
            disk_calls: AtomicU64::new(0),
        }
    }

    /// The source behind the cache.
    pub fn source(&self) -> &dyn Source {
        &*self.source
    }

    /// How many calls reached the source so far (for tests and statistics).
    pub fn disk_calls(&self) -> u64 {
        self.disk_calls.load(Ordering::Relaxed)
    }

    /// Cached `lstat`.
    pub fn lstat(&self, path: &[u8]) -> Result<Meta, FsError> {
        if let Some(v) = get(&self.lstat, path) {
            return v;
        }
        self.disk_calls.fetch_add(1, Ordering::Relaxed);
        let v = self.source.lstat(bytes_path(path)).map_err(fs_error_of);
        put(&self.lstat, path.to_vec(), v.clone());
        v
    }

    /// Cached `stat` (follows symlinks).
    pub fn stat(&self, path: &[u8]) -> Result<Meta, FsError> {
        if let Some(v) = get(&self.stat, path) {
            return v;
        }
        self.disk_calls.fetch_add(1, Ordering::Relaxed);
        let v = self.source.stat(bytes_path(path)).map_err(fs_error_of);
        put(&self.stat, path.to_vec(), v.clone());
        v
    }

    /// Cached directory listing, sorted by name, like cmd/go's `fsys.ReadDir`: entries whose
    /// `lstat` fails (vanished meanwhile) are left out; the error is the full Go message.
    pub fn read_dir(&self, path: &[u8]) -> Result<Arc<Vec<DirEntry>>, ReadDirError> {
        if let Some(v) = get(&self.readdir, path) {
            return v;
        }
        self.disk_calls.fetch_add(1, Ordering::Relaxed);
        let v = self.read_dir_uncached(path).map(Arc::new);
        put(&self.readdir, path.to_vec(), v.clone());
        v
    }

    fn read_dir_uncached(&self, path: &[u8]) -> Result<Vec<DirEntry>, ReadDirError> {
        let dir = crate::go::unicode::go_lossy(path);
        let listed = match self.source.read_dir_meta(bytes_path(path)) {
            Ok(v) => v,
            Err(e) if e.op == Op::Read => return Err(ReadDirError::Read { dir, text: e.text }),
            Err(e) => {
                if !e.not_found() && self.stat(path).is_ok_and(|m| m.kind != FileKind::Dir) {
                    return Err(ReadDirError::NotDir { dir });
                }
                return Err(ReadDirError::Open { dir, text: e.text });
            }
        };
        let mut out = Vec::with_capacity(listed.len());
        let mut children = Vec::with_capacity(listed.len());
        for (name, meta) in listed {
            let name = os_bytes(&name);
            let mut child = path.to_vec();
            if !child.ends_with(b"/") {
                child.push(b'/');
            }
            child.extend_from_slice(&name);
            children.push((child, Ok(meta)));
            out.push(DirEntry { name, meta });
        }
        put_all(&self.lstat, children);
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    pub(crate) fn pattern_memo(&self, key: &PatternKey) -> Option<PatternOutcome> {
        get(&self.patterns, key)
    }

    pub(crate) fn set_pattern_memo(&self, key: PatternKey, v: PatternOutcome) {
        put(&self.patterns, key, v);
    }
}

impl std::fmt::Debug for AssetCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssetCache")
            .field("disk_calls", &self.disk_calls())
            .finish()
    }
}

/// A source error as the cache stores it.
fn fs_error_of(e: SourceError) -> FsError {
    FsError {
        not_found: e.not_found(),
        text: e.text,
    }
}

pub use crate::source::os_bytes;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn send_sync_and_memo() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<AssetCache>();
        let c = AssetCache::new();
        let missing = b"/nonexistent-gotags-embed-test/x";
        let e = c.lstat(missing).unwrap_err();
        assert!(e.not_found);
        assert_eq!(e.text, "no such file or directory");
        let n = c.disk_calls();
        let _ = c.lstat(missing);
        assert_eq!(c.disk_calls(), n);
        assert_eq!(
            c.read_dir(missing).unwrap_err().to_string(),
            "open /nonexistent-gotags-embed-test/x: no such file or directory"
        );
    }
}
