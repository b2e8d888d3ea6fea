//! [`AssetCache`]: a memoising, thread-safe view of the file system for embed resolution.
//! Every `lstat`, `stat` and directory listing is done at most once per path, and per-pattern
//! results are memoised too, so resolving a package for many platforms touches the disk once.
//! Paths are handled as raw bytes (Unix file names need not be UTF-8), like Go's strings.
//! Errors are stored as Go-style texts (`open /p/d: permission denied`), never panics.

use super::resolve::PatternReport;
use std::collections::HashMap;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// What `lstat`/`stat` said about a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta {
    pub kind: FileKind,
    /// Size from the metadata (contents are never read).
    pub size: u64,
    /// Device and inode numbers (`(0, 0)` where the platform has none): two paths with the
    /// same pair are the same file (hard links), which the `embed` size rules count once.
    pub dev_ino: (u64, u64),
}

/// File type as seen by `lstat` (or `stat`, which never reports `Symlink`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Regular,
    Dir,
    Symlink,
    /// FIFO, socket, device, …
    Other,
}

/// A failed file-system call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FsError {
    pub not_found: bool,
    /// Go's errno text, e.g. `no such file or directory`.
    pub text: String,
}

/// One directory entry, with its `lstat` metadata.
#[derive(Debug, Clone)]
pub struct DirEntry {
    pub name: Vec<u8>,
    pub meta: Meta,
}

/// FNV-1a: path keys are short byte strings hashed millions of times on large asset trees,
/// where SipHash's DoS resistance buys nothing (keys come from the local file system).
#[derive(Default, Clone, Copy)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = std::hash::BuildHasherDefault<FnvHasher>;
type Memo<K, V> = RwLock<HashMap<K, V, FnvBuild>>;
/// (clean package dir, exact pattern bytes) → the pattern's outcome.
type PatternKey = (Vec<u8>, Vec<u8>);
type PatternOutcome = Result<Arc<PatternReport>, String>;

/// Memoising view of the asset tree (see the module docs). `Send + Sync`.
#[derive(Default)]
pub struct AssetCache {
    lstat: Memo<Vec<u8>, Result<Meta, FsError>>,
    stat: Memo<Vec<u8>, Result<Meta, FsError>>,
    readdir: Memo<Vec<u8>, Result<Arc<Vec<DirEntry>>, String>>,
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

impl AssetCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many real file-system calls were made so far (for tests and statistics).
    pub fn disk_calls(&self) -> u64 {
        self.disk_calls.load(Ordering::Relaxed)
    }

    /// Cached `lstat`.
    pub fn lstat(&self, path: &[u8]) -> Result<Meta, FsError> {
        if let Some(v) = get(&self.lstat, path) {
            return v;
        }
        self.disk_calls.fetch_add(1, Ordering::Relaxed);
        let v = std::fs::symlink_metadata(to_path(path))
            .map(|m| meta_of(&m))
            .map_err(|e| fs_error(&e));
        put(&self.lstat, path.to_vec(), v.clone());
        v
    }

    /// Cached `stat` (follows symlinks).
    pub fn stat(&self, path: &[u8]) -> Result<Meta, FsError> {
        if let Some(v) = get(&self.stat, path) {
            return v;
        }
        self.disk_calls.fetch_add(1, Ordering::Relaxed);
        let v = std::fs::metadata(to_path(path))
            .map(|m| meta_of(&m))
            .map_err(|e| fs_error(&e));
        put(&self.stat, path.to_vec(), v.clone());
        v
    }

    /// Cached directory listing, sorted by name, like cmd/go's `fsys.ReadDir`: entries whose
    /// `lstat` fails (vanished meanwhile) are left out; the error is the full Go message.
    pub fn read_dir(&self, path: &[u8]) -> Result<Arc<Vec<DirEntry>>, String> {
        if let Some(v) = get(&self.readdir, path) {
            return v;
        }
        self.disk_calls.fetch_add(1, Ordering::Relaxed);
        let v = self.read_dir_uncached(path).map(Arc::new);
        put(&self.readdir, path.to_vec(), v.clone());
        v
    }

    fn read_dir_uncached(&self, path: &[u8]) -> Result<Vec<DirEntry>, String> {
        let shown = crate::go::unicode::go_lossy(path);
        let rd = match std::fs::read_dir(to_path(path)) {
            Ok(rd) => rd,
            Err(e) => {
                let fe = fs_error(&e);
                if !fe.not_found {
                    if let Ok(m) = self.stat(path) {
                        if m.kind != FileKind::Dir {
                            return Err(format!("ReadDir {shown}: not a directory"));
                        }
                    }
                }
                return Err(format!("open {shown}: {}", fe.text));
            }
        };
        let mut out = Vec::new();
        let mut children = Vec::new();
        for ent in rd {
            let ent = ent.map_err(|e| format!("readdirent {shown}: {}", fs_error(&e).text))?;
            let Ok(md) = ent.metadata() else { continue };
            let meta = meta_of(&md);
            let name = os_bytes(&ent.file_name());
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

    pub(crate) fn pattern_memo(
        &self,
        key: &(Vec<u8>, Vec<u8>),
    ) -> Option<Result<Arc<PatternReport>, String>> {
        get(&self.patterns, key)
    }

    pub(crate) fn set_pattern_memo(
        &self,
        key: (Vec<u8>, Vec<u8>),
        v: Result<Arc<PatternReport>, String>,
    ) {
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

fn meta_of(m: &std::fs::Metadata) -> Meta {
    let ft = m.file_type();
    let kind = if ft.is_file() {
        FileKind::Regular
    } else if ft.is_dir() {
        FileKind::Dir
    } else if ft.is_symlink() {
        FileKind::Symlink
    } else {
        FileKind::Other
    };
    Meta {
        kind,
        size: m.len(),
        dev_ino: dev_ino(m),
    }
}

#[cfg(unix)]
fn dev_ino(m: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn dev_ino(_: &std::fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// Go prints errno texts in lower case without Rust's ` (os error N)` suffix.
pub fn fs_error(e: &io::Error) -> FsError {
    let mut text = e.to_string();
    if let Some(i) = text.find(" (os error ") {
        text.truncate(i);
    }
    let mut chars = text.chars();
    let text = match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text,
    };
    FsError {
        not_found: e.kind() == io::ErrorKind::NotFound,
        text,
    }
}

#[cfg(unix)]
pub fn to_path(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
pub fn to_path(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

#[cfg(unix)]
pub fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(not(unix))]
pub fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

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
            c.read_dir(missing).unwrap_err(),
            "open /nonexistent-gotags-embed-test/x: no such file or directory"
        );
    }
}
