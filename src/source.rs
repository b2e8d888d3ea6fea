//! The one door to file contents and metadata: the [`Source`] trait, [`Disk`] (the real file
//! system, the only place below the front ends that calls `std::fs`) and [`Overlay`]
//! (in-memory buffers, such as an editor's unsaved files, layered on another source).
//!
//! Everything the analysis reads goes through a `Source`: the walk's directory listings, the
//! file headers and bodies behind `FileFacts`, `go.mod`, the embed asset metadata and the
//! text of diagnostic snippets. Errors carry the operation, the path and the OS error text
//! Go prints (`no such file or directory`, not Rust's `No such file or directory (os error 2)`).

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// File type as `lstat` sees it (or `stat`, which never reports `Symlink`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    Regular,
    Dir,
    Symlink,
    /// FIFO, socket, device, …
    Other,
}

/// What `lstat`/`stat` said about a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta {
    pub kind: FileKind,
    /// Size from the metadata (contents are not read).
    pub size: u64,
    /// Device and inode numbers (`(0, 0)` where the platform has none): two paths with the
    /// same pair are the same file (hard links).
    pub dev_ino: (u64, u64),
}

/// One directory entry as the listing gives it: the name and the entry's own type (a
/// symlink is `Symlink`, whatever it points to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: OsString,
    pub kind: FileKind,
}

/// The call that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Open,
    Read,
    Stat,
    Lstat,
    ReadDir,
    ReadLink,
    Canonicalize,
}

impl Op {
    /// The word Go puts before the path (`open`, `read`, `lstat`, …).
    pub fn word(self) -> &'static str {
        match self {
            Op::Open | Op::ReadDir => "open",
            Op::Read => "read",
            Op::Stat => "stat",
            Op::Lstat => "lstat",
            Op::ReadLink => "readlink",
            Op::Canonicalize => "realpath",
        }
    }
}

/// Why a call failed, as far as the analysis distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    NotFound,
    PermissionDenied,
    NotADirectory,
    IsADirectory,
    /// A FIFO, socket or device: never opened for reading.
    NotRegular,
    Other,
}

/// A failed [`Source`] call: the operation, the path and Go's text for the OS error.
/// Display is Go's `open /p/x.go: no such file or directory`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub op: Op,
    pub path: PathBuf,
    pub cause: Cause,
    /// Go's errno text, e.g. `permission denied`.
    pub text: String,
}

impl SourceError {
    /// An error from an `io::Error`, worded as Go words it.
    pub fn from_io(op: Op, path: &Path, e: &io::Error) -> SourceError {
        let cause = match (e.kind(), e.raw_os_error()) {
            (io::ErrorKind::NotFound, _) => Cause::NotFound,
            (io::ErrorKind::PermissionDenied, _) => Cause::PermissionDenied,
            (_, Some(20)) => Cause::NotADirectory,
            (_, Some(21)) => Cause::IsADirectory,
            _ => Cause::Other,
        };
        SourceError {
            op,
            path: path.to_path_buf(),
            cause,
            text: go_errno_text(e),
        }
    }

    pub fn not_found(&self) -> bool {
        self.cause == Cause::NotFound
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.op.word(),
            self.path.display(),
            self.text
        )
    }
}

impl std::error::Error for SourceError {}

/// The text Go prints for an OS error (`syscall.Errno.Error()`), which is lower-case and
/// without Rust's "(os error N)" suffix.
pub fn go_errno_text(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(2) => "no such file or directory".into(),
        Some(13) => "permission denied".into(),
        Some(20) => "not a directory".into(),
        Some(21) => "is a directory".into(),
        Some(40) => "too many levels of symbolic links".into(),
        Some(5) => "input/output error".into(),
        Some(24) => "too many open files".into(),
        _ => {
            let s = e.to_string();
            let s = match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            };
            let mut chars = s.chars();
            match chars.next() {
                Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
                None => s,
            }
        }
    }
}

/// An open file being read sequentially.
pub type Reader = Box<dyn Read + Send>;

/// Where file contents and metadata come from. `Send + Sync`: walks read in parallel.
pub trait Source: Send + Sync {
    /// The entries of a directory, in no particular order, without `.` and `..`.
    fn read_dir(&self, dir: &Path) -> Result<Vec<Entry>, SourceError>;

    /// The entries of a directory with each one's `lstat` metadata; entries whose `lstat`
    /// fails (vanished meanwhile) are left out. In no particular order.
    fn read_dir_meta(&self, dir: &Path) -> Result<Vec<(OsString, Meta)>, SourceError> {
        let mut out = Vec::new();
        for e in self.read_dir(dir)? {
            if let Ok(m) = self.lstat(&dir.join(&e.name)) {
                out.push((e.name, m));
            }
        }
        Ok(out)
    }

    /// Opens a file for reading (following symlinks).
    fn open(&self, path: &Path) -> Result<Reader, SourceError>;

    /// The whole contents of a file. Read errors are [`Op::Read`] errors.
    fn read(&self, path: &Path) -> Result<Vec<u8>, SourceError> {
        let mut r = self.open(path)?;
        let mut buf = Vec::new();
        r.read_to_end(&mut buf)
            .map_err(|e| SourceError::from_io(Op::Read, path, &e))?;
        Ok(buf)
    }

    /// Metadata of the path itself (a symlink is not followed).
    fn lstat(&self, path: &Path) -> Result<Meta, SourceError>;

    /// Metadata of what the path names (symlinks followed).
    fn stat(&self, path: &Path) -> Result<Meta, SourceError>;

    /// The target of a symbolic link.
    fn read_link(&self, path: &Path) -> Result<PathBuf, SourceError>;

    /// The absolute path with every symlink resolved.
    fn canonicalize(&self, path: &Path) -> Result<PathBuf, SourceError>;
}

/// A shared source, as long-lived holders (the embed asset cache) keep it.
pub type SharedSource = Arc<dyn Source>;

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct Disk;

impl Disk {
    /// The disk as a [`SharedSource`].
    pub fn shared() -> SharedSource {
        Arc::new(Disk)
    }
}

fn meta_of(m: &std::fs::Metadata) -> Meta {
    Meta {
        kind: kind_of(m.file_type()),
        size: m.len(),
        dev_ino: dev_ino(m),
    }
}

fn kind_of(ft: std::fs::FileType) -> FileKind {
    if ft.is_file() {
        FileKind::Regular
    } else if ft.is_dir() {
        FileKind::Dir
    } else if ft.is_symlink() {
        FileKind::Symlink
    } else {
        FileKind::Other
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

/// Opens `path` for reading, refusing what is not a regular file or a directory once
/// symlinks are followed: a FIFO, socket or device named `x.go` would block the open or the
/// read forever (a FIFO without a writer) or never end (`/dev/zero`). The open itself does
/// not block (`O_NONBLOCK`, which means nothing to regular files), and the type is taken from
/// the open descriptor, so a file swapped for a FIFO between a listing and the open is
/// still refused.
fn open_file(path: &Path) -> Result<std::fs::File, SourceError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let not_regular = || SourceError {
        op: Op::Open,
        path: path.to_path_buf(),
        cause: Cause::NotRegular,
        text: "not a regular file".into(),
    };
    let file = match options.open(path) {
        Ok(f) => f,
        // A socket cannot be opened at all (ENXIO): it is not a regular file either.
        Err(e) if e.raw_os_error() == Some(ENXIO) => return Err(not_regular()),
        Err(e) => return Err(SourceError::from_io(Op::Open, path, &e)),
    };
    let meta = file
        .metadata()
        .map_err(|e| SourceError::from_io(Op::Stat, path, &e))?;
    let ft = meta.file_type();
    if ft.is_file() || ft.is_dir() {
        Ok(file)
    } else {
        Err(not_regular())
    }
}

/// "No such device or address": what opening a socket fails with.
const ENXIO: i32 = 6;

impl Source for Disk {
    fn read_dir(&self, dir: &Path) -> Result<Vec<Entry>, SourceError> {
        let rd = std::fs::read_dir(dir).map_err(|e| SourceError::from_io(Op::ReadDir, dir, &e))?;
        let mut out = Vec::new();
        for entry in rd {
            let entry = entry.map_err(|e| SourceError::from_io(Op::Read, dir, &e))?;
            // An entry whose type cannot be learnt (vanished meanwhile) is left out.
            let Ok(ft) = entry.file_type() else { continue };
            out.push(Entry {
                name: entry.file_name(),
                kind: kind_of(ft),
            });
        }
        Ok(out)
    }

    fn read_dir_meta(&self, dir: &Path) -> Result<Vec<(OsString, Meta)>, SourceError> {
        let rd = std::fs::read_dir(dir).map_err(|e| SourceError::from_io(Op::ReadDir, dir, &e))?;
        let mut out = Vec::new();
        for entry in rd {
            let entry = entry.map_err(|e| SourceError::from_io(Op::Read, dir, &e))?;
            let Ok(md) = entry.metadata() else { continue };
            out.push((entry.file_name(), meta_of(&md)));
        }
        Ok(out)
    }

    fn open(&self, path: &Path) -> Result<Reader, SourceError> {
        open_file(path).map(|f| Box::new(f) as Reader)
    }

    fn read(&self, path: &Path) -> Result<Vec<u8>, SourceError> {
        use std::io::Read as _;
        let mut f = open_file(path)?;
        let mut buf = Vec::new();
        f.read_to_end(&mut buf)
            .map_err(|e| SourceError::from_io(Op::Read, path, &e))?;
        Ok(buf)
    }

    fn lstat(&self, path: &Path) -> Result<Meta, SourceError> {
        std::fs::symlink_metadata(path)
            .map(|m| meta_of(&m))
            .map_err(|e| SourceError::from_io(Op::Lstat, path, &e))
    }

    fn stat(&self, path: &Path) -> Result<Meta, SourceError> {
        std::fs::metadata(path)
            .map(|m| meta_of(&m))
            .map_err(|e| SourceError::from_io(Op::Stat, path, &e))
    }

    fn read_link(&self, path: &Path) -> Result<PathBuf, SourceError> {
        std::fs::read_link(path).map_err(|e| SourceError::from_io(Op::ReadLink, path, &e))
    }

    fn canonicalize(&self, path: &Path) -> Result<PathBuf, SourceError> {
        std::fs::canonicalize(path).map_err(|e| SourceError::from_io(Op::Canonicalize, path, &e))
    }
}

/// In-memory files layered on another source: what an editor's unsaved buffers become.
/// A buffer replaces the file at its path (or adds it, with any missing parent
/// directories); everything else is answered by the base. Paths are used as given, so
/// buffers should be keyed by the absolute paths the walk forms (`dir.join(name)`).
pub struct Overlay<S> {
    base: S,
    /// Path → (a number unique among the buffers, contents).
    files: BTreeMap<PathBuf, (u64, Arc<[u8]>)>,
    next_id: u64,
    /// Directory → names the buffers add to it (files, or directories holding buffers).
    children: BTreeMap<PathBuf, BTreeMap<OsString, FileKind>>,
}

impl<S: Source> Overlay<S> {
    pub fn new(base: S) -> Overlay<S> {
        Overlay {
            base,
            files: BTreeMap::new(),
            next_id: 0,
            children: BTreeMap::new(),
        }
    }

    /// Sets (or replaces) the buffer for `path`.
    pub fn set(&mut self, path: impl Into<PathBuf>, contents: impl Into<Arc<[u8]>>) {
        let path = path.into();
        let mut child = path.clone();
        let mut kind = FileKind::Regular;
        while let (Some(parent), Some(name)) = (child.parent(), child.file_name()) {
            let added = self
                .children
                .entry(parent.to_path_buf())
                .or_default()
                .insert(name.to_os_string(), kind)
                .is_none();
            if !added && kind == FileKind::Dir {
                break;
            }
            kind = FileKind::Dir;
            child = parent.to_path_buf();
        }
        let id = match self.files.get(&path) {
            Some((id, _)) => *id,
            None => {
                self.next_id += 1;
                self.next_id
            }
        };
        self.files.insert(path, (id, contents.into()));
    }

    /// The buffer for `path`, if one is set.
    pub fn get(&self, path: &Path) -> Option<&[u8]> {
        self.files.get(path).map(|(_, b)| &b[..])
    }

    /// The source below the buffers.
    pub fn base(&self) -> &S {
        &self.base
    }

    fn buffer_meta(&self, path: &Path) -> Option<Meta> {
        let (id, b) = self.files.get(path)?;
        Some(Meta {
            kind: FileKind::Regular,
            size: b.len() as u64,
            // Distinct from every real file and from each other (hard-link detection).
            dev_ino: (u64::MAX, *id),
        })
    }

    fn is_virtual_dir(&self, path: &Path) -> bool {
        self.children.contains_key(path)
    }

    /// `stat`/`lstat`: a buffer's own, else the base's (`from_base`), where a directory only
    /// buffers below it make is a directory.
    fn meta(
        &self,
        path: &Path,
        from_base: impl FnOnce(&Path) -> Result<Meta, SourceError>,
    ) -> Result<Meta, SourceError> {
        if let Some(m) = self.buffer_meta(path) {
            return Ok(m);
        }
        match from_base(path) {
            Err(e) if e.not_found() && self.is_virtual_dir(path) => Ok(VIRTUAL_DIR),
            r => r,
        }
    }
}

const VIRTUAL_DIR: Meta = Meta {
    kind: FileKind::Dir,
    size: 0,
    dev_ino: (u64::MAX, u64::MAX),
};

impl<S: Source> Source for Overlay<S> {
    fn read_dir(&self, dir: &Path) -> Result<Vec<Entry>, SourceError> {
        let Some(added) = self.children.get(dir) else {
            return self.base.read_dir(dir);
        };
        let mut out = match self.base.read_dir(dir) {
            Ok(v) => v,
            Err(e) if e.not_found() => Vec::new(),
            Err(e) => return Err(e),
        };
        out.retain(|e| !added.contains_key(&e.name));
        out.extend(added.iter().map(|(name, &kind)| Entry {
            name: name.clone(),
            kind,
        }));
        Ok(out)
    }

    fn read_dir_meta(&self, dir: &Path) -> Result<Vec<(OsString, Meta)>, SourceError> {
        let Some(added) = self.children.get(dir) else {
            return self.base.read_dir_meta(dir);
        };
        let mut out = match self.base.read_dir_meta(dir) {
            Ok(v) => v,
            Err(e) if e.not_found() => Vec::new(),
            Err(e) => return Err(e),
        };
        out.retain(|(name, _)| !added.contains_key(name));
        for name in added.keys() {
            if let Ok(m) = self.lstat(&dir.join(name)) {
                out.push((name.clone(), m));
            }
        }
        Ok(out)
    }

    fn open(&self, path: &Path) -> Result<Reader, SourceError> {
        match self.files.get(path) {
            Some((_, b)) => Ok(Box::new(io::Cursor::new(ArcBytes(b.clone())))),
            None => self.base.open(path),
        }
    }

    fn read(&self, path: &Path) -> Result<Vec<u8>, SourceError> {
        match self.files.get(path) {
            Some((_, b)) => Ok(b.to_vec()),
            None => self.base.read(path),
        }
    }

    fn lstat(&self, path: &Path) -> Result<Meta, SourceError> {
        self.meta(path, |p| self.base.lstat(p))
    }

    fn stat(&self, path: &Path) -> Result<Meta, SourceError> {
        self.meta(path, |p| self.base.stat(p))
    }

    fn read_link(&self, path: &Path) -> Result<PathBuf, SourceError> {
        self.base.read_link(path)
    }

    fn canonicalize(&self, path: &Path) -> Result<PathBuf, SourceError> {
        match self.base.canonicalize(path) {
            Err(e)
                if e.not_found()
                    && (self.is_virtual_dir(path) || self.files.contains_key(path)) =>
            {
                Ok(path.to_path_buf())
            }
            r => r,
        }
    }
}

/// Shared bytes readable through a cursor.
struct ArcBytes(Arc<[u8]>);

impl AsRef<[u8]> for ArcBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// `OsStr` as bytes (Unix file names need not be UTF-8).
#[cfg(unix)]
pub fn os_bytes(s: &OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(not(unix))]
pub fn os_bytes(s: &OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

/// Bytes as a path.
#[cfg(unix)]
pub fn bytes_path(b: &[u8]) -> &Path {
    use std::os::unix::ffi::OsStrExt;
    Path::new(OsStr::from_bytes(b))
}

#[cfg(not(unix))]
pub fn bytes_path(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_errors_read_as_go_prints_them() {
        let missing = Path::new("/nonexistent-gotags-source-test/x.go");
        let e = Disk.open(missing).err().expect("missing file");
        assert!(e.not_found());
        assert_eq!(
            e.to_string(),
            "open /nonexistent-gotags-source-test/x.go: no such file or directory"
        );
        let e = Disk.lstat(missing).expect_err("missing file");
        assert_eq!(e.op, Op::Lstat);
        assert_eq!(e.text, "no such file or directory");
    }

    /// Regression (hostile trees): `check` read a FIFO named `x.go` for its snippet and
    /// blocked forever. The disk refuses to open anything but files and directories.
    #[cfg(unix)]
    #[test]
    fn fifos_and_sockets_are_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sock = dir.path().join("s.go");
        drop(std::os::unix::net::UnixListener::bind(&sock).expect("bind"));
        let fifo = dir.path().join("f.go");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        let mut odd = vec![sock];
        if made {
            odd.push(fifo);
        }
        for p in &odd {
            let e = Disk.read(p).expect_err("not a regular file");
            assert_eq!(e.cause, Cause::NotRegular);
            assert_eq!(
                e.to_string(),
                format!("open {}: not a regular file", p.display())
            );
            assert!(Disk.open(p).is_err());
        }
        let ok = dir.path().join("ok.go");
        std::fs::write(&ok, "package p\n").expect("write");
        assert_eq!(Disk.read(&ok).expect("regular"), b"package p\n");
    }

    #[test]
    fn overlay_buffers_shadow_and_extend_the_base() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::write(root.join("a.go"), "package disk\n").expect("write");
        let mut o = Overlay::new(Disk);
        o.set(root.join("a.go"), b"package buffer\n".to_vec());
        o.set(root.join("new/b.go"), b"package b\n".to_vec());
        assert_eq!(o.read(&root.join("a.go")).expect("a"), b"package buffer\n");
        let mut r = o.open(&root.join("a.go")).expect("open");
        let mut s = String::new();
        r.read_to_string(&mut s).expect("read");
        assert_eq!(s, "package buffer\n");
        assert_eq!(o.stat(&root.join("a.go")).expect("stat").size, 15);
        let mut names: Vec<(OsString, FileKind)> = o
            .read_dir(root)
            .expect("list")
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ("a.go".into(), FileKind::Regular),
                ("new".into(), FileKind::Dir)
            ]
        );
        assert_eq!(o.stat(&root.join("new")).expect("dir").kind, FileKind::Dir);
        let listed = o.read_dir(&root.join("new")).expect("virtual dir");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].name, "b.go");
        assert!(o.read(&root.join("missing.go")).is_err());
        assert_ne!(
            o.lstat(&root.join("a.go")).expect("a").dev_ino,
            o.lstat(&root.join("new/b.go")).expect("b").dev_ino
        );
    }
}
