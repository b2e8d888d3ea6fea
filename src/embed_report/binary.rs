//! What embedded files add to a linked binary, modelled on what the compiler emits for a
//! `//go:embed` variable (cmd/compile/internal/staticdata) and how the linker lays it out:
//!
//! * **contents** of `string` and `embed.FS` files are read-only symbols named after their
//!   contents, so the linker keeps each distinct content once per binary. Contents up to
//!   1 KiB are content-addressed strings, byte-aligned; larger ones are file symbols with the
//!   natural alignment of their size ([`super::layout`]).
//! * **own copies**: each `[]byte` variable's file is a writable symbol of its own.
//! * **names**: every `embed.FS` entry stores its name (slash path from the package directory;
//!   directories end in `/`) as a read-only string, shared by equal names binary-wide.
//! * **headers**: an `embed.FS` is one pointer to a table of a slice header (3 words) and one
//!   entry per file *and per implicit parent directory* (name and data string headers, 2 words
//!   each, and a 16-byte hash); a `string` variable is 2 words, a `[]byte` 3.
//!
//! * **relocations**: where the default build is position-independent (windows, android,
//!   darwin, ios), each stored pointer also costs a dynamic relocation ([`Arch::relocs`]);
//!   where the linker signs the binary (darwin/arm64), the signature grows with the file.
//!
//! Which contents are "the same" is the caller's identity ([`super::sizing::Identity`]): the
//! same file by metadata, or, with `--exact`, by contents. What this leaves out: the linker's
//! dead-code elimination (a variable no reachable code uses is dropped), names equal to some
//! other string of the program, and the page rounding of the binary's sections.

use super::layout::Arch;
use super::model::{BinaryBytes, FileEntry};
use super::sizing::{Identity, SizedFile};
use std::collections::{HashMap, HashSet};

/// How the compiler stores a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Storage {
    Fs,
    String,
    /// `[]byte`, and any type gotags cannot classify (conservatively).
    Bytes,
}

/// Contents up to this size are content-addressed strings (byte-aligned).
const SMALL_CONTENT: u64 = 1024;
/// Bytes of the content hash in each `embed.FS` entry.
const ENTRY_HASH: u64 = 16;

/// One variable to count: its storage, its files (identity and size) and their names, in the
/// same order.
pub struct Stored<'a> {
    pub storage: Storage,
    pub files: &'a [SizedFile],
    pub names: &'a [FileEntry],
}

/// The estimate for the variables linked into one binary for `arch`.
pub fn estimate<'a>(vars: impl IntoIterator<Item = Stored<'a>>, arch: Arch) -> BinaryBytes {
    let mut contents: HashMap<&Identity, u64> = HashMap::new();
    let mut names: HashSet<&str> = HashSet::new();
    let mut dirs: HashSet<String> = HashSet::new();
    let mut b = BinaryBytes::default();
    // Pointers stored (each a dynamic relocation in a PIE), and the tables holding them.
    let (mut pointers, mut tables, mut table_bytes) = (0u64, 0u64, 0u64);
    for v in vars {
        // The variable itself points at its data.
        pointers += 1;
        tables += 1;
        match v.storage {
            Storage::Bytes => {
                b.headers += arch.padded(3 * arch.ptr);
                b.own_copies += v.files.iter().map(|f| arch.padded(f.size)).sum::<u64>();
            }
            Storage::String => b.headers += arch.padded(2 * arch.ptr),
            Storage::Fs => {
                let mut own_dirs: HashSet<&str> = HashSet::new();
                for n in v.names {
                    names.insert(&n.path);
                    let mut p = n.path.as_str();
                    while let Some(i) = p.rfind('/') {
                        p = &p[..i];
                        if !own_dirs.insert(p) {
                            break;
                        }
                    }
                }
                let entries = (v.names.len() + own_dirs.len()) as u64;
                b.entries += entries as usize;
                dirs.extend(own_dirs.into_iter().map(|d| format!("{d}/")));
                let table = 3 * arch.ptr + entries * (4 * arch.ptr + ENTRY_HASH);
                b.headers += arch.padded(arch.ptr) + arch.padded(table);
                // The slice points into the table; a file entry at its name and data, a
                // directory entry at its name only.
                pointers += 1 + 2 * v.names.len() as u64 + (entries - v.names.len() as u64);
                tables += 1;
                table_bytes += table;
            }
        }
        if v.storage != Storage::Bytes {
            contents.extend(v.files.iter().map(|f| (&f.id, f.size)));
        }
    }
    b.contents = contents
        .values()
        .map(|&s| {
            if s <= SMALL_CONTENT {
                arch.padded_bytes(s)
            } else {
                arch.padded(s)
            }
        })
        .sum();
    b.names = names
        .iter()
        .map(|n| n.len() as u64)
        .chain(dirs.iter().map(|d| d.len() as u64))
        .map(|n| arch.padded_bytes(n))
        .sum();
    b.relocations = arch.relocation_bytes(pointers, tables, table_bytes);
    let stored = b.contents + b.own_copies + b.names + b.headers + b.relocations;
    b.relocations += arch.signature_bytes(stored);
    b.total = stored + arch.signature_bytes(stored);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(ino: u64, size: u64) -> SizedFile {
        SizedFile {
            id: Identity::Inode(1, ino),
            size,
        }
    }

    fn entry(path: &str) -> FileEntry {
        FileEntry {
            path: path.into(),
            size: 0,
        }
    }

    #[test]
    fn fs_entries_count_names_directories_and_headers() {
        let files = [file(1, 10), file(2, 2000)];
        let names = [entry("a/b/x.txt"), entry("a/y.txt")];
        let fs = |goos, goarch| {
            let v = Stored {
                storage: Storage::Fs,
                files: &files,
                names: &names,
            };
            estimate([v], Arch::of(goos, goarch))
        };
        let b = fs("linux", "amd64");
        // Two files and the directories a/ and a/b/.
        assert_eq!(b.entries, 4);
        assert_eq!(b.contents, 10 + 2016);
        assert_eq!(b.names, 9 + 7 + 2 + 4);
        // The FS var (8 B) and its table: 24 + 4 × 48 = 216, aligned to 32 → 224.
        assert_eq!(b.headers, 8 + 224);
        let i386 = fs("linux", "386");
        // 12 + 4 × 32 = 140 → 160, and the 4-byte var.
        assert_eq!(i386.headers, 4 + 160);
        assert_eq!(i386.total, i386.contents + i386.names + i386.headers);
        let win = fs("windows", "amd64");
        // Pointers: the var, the slice, 2 per file, 1 per directory = 8; two tables in one
        // page each: 16 B + 2 × 9 B.
        assert_eq!(win.relocations, 16 + 18);
        assert_eq!(win.total, b.total + 34);
    }

    #[test]
    fn strings_share_contents_and_byte_slices_copy() {
        let big = [file(7, 409_600)];
        let none: [FileEntry; 0] = [];
        let amd64 = Arch::of("linux", "amd64");
        let vars = |n: usize| {
            (0..n).map(|i| Stored {
                storage: if i % 2 == 0 {
                    Storage::String
                } else {
                    Storage::Bytes
                },
                files: &big[..],
                names: &none[..],
            })
        };
        let b = estimate(vars(4), amd64);
        assert_eq!(b.contents, 409_600, "two strings, one content");
        assert_eq!(b.own_copies, 2 * 409_600, "two []byte, two copies");
        assert_eq!(b.headers, 2 * 16 + 2 * 32);
        assert_eq!(b.entries, 0);
    }
}
