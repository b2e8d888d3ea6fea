//! The size rules: how many bytes embedded files add to a binary.
//!
//! The Go compiler (cmd/compile/internal/staticdata, `WriteEmbed`/`fileStringSym`) stores the
//! contents of a file embedded into a `string` or an `embed.FS` as a read-only,
//! content-addressed symbol, which the linker keeps once however many variables refer to it;
//! a `[]byte` variable is writable, so it gets a symbol, and a copy, of its own. Hence:
//!
//! * **shared** — for `string` and `embed.FS` variables, each distinct file counts once per
//!   binary, however many patterns, variables or packages embed it. "Distinct" is judged
//!   from metadata only: the same (device, inode) pair (which also folds hard links), else
//!   the same path. Different files with identical contents are folded by the linker too;
//!   without `--exact` gotags does not read contents, so its shared total is an upper bound
//!   in that case.
//! * **own-copy** — a `[]byte` variable counts all of its files, every time (a file matched
//!   twice by patterns of the *same* variable is still one entry of that variable). A
//!   variable whose type gotags cannot classify (a defined type such as `type blob []byte`,
//!   or no declaration at all) is counted this way too: the conservative choice.
//! * A **package** total applies the rules to the package's own (non-test) variables; a
//!   **platform** total applies them to every package of the module that builds there, as
//!   if all were linked into one binary. Directives in `_test.go` files are never counted.
//!
//! Sizes are the files' sizes as `lstat` reports them (through the `AssetCache`); what the
//! linker stores besides (names, directory entries, headers, alignment) is
//! [`super::binary`]'s estimate. With `--exact`, identities come from [`super::contents`],
//! which folds files with identical contents.

use super::model::{SizeRule, Totals};
use std::collections::HashMap;

/// What makes two embedded files the same stored contents.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Identity {
    /// `(device, inode)` from the file's metadata.
    Inode(u64, u64),
    /// The absolute path, where no inode is known.
    Path(Vec<u8>),
}

/// One file of a variable, for counting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizedFile {
    pub id: Identity,
    pub size: u64,
}

/// Applies the rules to a set of variables (each with its de-duplicated files).
pub fn totals<'a>(vars: impl IntoIterator<Item = (SizeRule, &'a [SizedFile])>) -> Totals {
    let mut shared: HashMap<&Identity, u64> = HashMap::new();
    let mut shared_raw = 0u64;
    let mut t = Totals::default();
    for (rule, files) in vars {
        for f in files {
            match rule {
                SizeRule::Shared => {
                    shared_raw += f.size;
                    shared.insert(&f.id, f.size);
                }
                SizeRule::OwnCopy => {
                    t.own_copies += f.size;
                    t.files += 1;
                }
            }
        }
    }
    t.shared = shared.values().sum();
    t.files += shared.len();
    t.deduplicated = shared_raw - t.shared;
    t.total = t.shared + t.own_copies;
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(ino: u64, size: u64) -> SizedFile {
        SizedFile {
            id: Identity::Inode(1, ino),
            size,
        }
    }

    #[test]
    fn shared_files_count_once_own_copies_every_time() {
        let s = [f(1, 100), f(2, 50)];
        let fs = [f(1, 100), f(3, 7)];
        let b = [f(1, 100)];
        let b2 = [f(1, 100), f(2, 50)];
        let t = totals([
            (SizeRule::Shared, &s[..]),
            (SizeRule::Shared, &fs[..]),
            (SizeRule::OwnCopy, &b[..]),
            (SizeRule::OwnCopy, &b2[..]),
        ]);
        assert_eq!(t.shared, 157);
        assert_eq!(t.own_copies, 250);
        assert_eq!(t.total, 407);
        assert_eq!(t.deduplicated, 100);
        assert_eq!(t.files, 3 + 3);
    }

    #[test]
    fn path_and_inode_identities_differ() {
        let path = |p: &[u8]| {
            let id = Identity::Path(p.to_vec());
            [SizedFile { id, size: 10 }]
        };
        let (a, b, c) = (path(b"/m/a"), path(b"/m/a"), path(b"/m/b"));
        let t = totals([
            (SizeRule::Shared, &a[..]),
            (SizeRule::Shared, &b[..]),
            (SizeRule::Shared, &c[..]),
        ]);
        assert_eq!((t.total, t.deduplicated, t.files), (20, 10, 2));
        assert_eq!(totals(std::iter::empty()), Totals::default());
    }
}
