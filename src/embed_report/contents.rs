//! `--exact`: which `string`/`embed.FS` files have identical contents, as the linker folds
//! them into one symbol. Only files that share their size with another file are read: each is
//! fingerprinted once (streamed, never held whole), and equal fingerprints are confirmed by
//! comparing the two files byte for byte, so a fold is never a guess. A file that cannot be
//! read keeps its own identity (counted, as without `--exact`).

use super::sizing::Identity;
use crate::source::{bytes_path, Source};
use std::collections::HashMap;
use std::io::Read;

/// One file seen at a given size.
struct Seen {
    id: Identity,
    path: Vec<u8>,
    /// `None` until computed; `Some(None)` when the file could not be read.
    print: Option<Option<u128>>,
}

/// The files seen so far, by size, and what each identity folded into.
#[derive(Default)]
pub struct Contents {
    by_size: HashMap<u64, Vec<Seen>>,
    folded: HashMap<Identity, Identity>,
    /// Files read (fingerprints and comparisons), for statistics and tests.
    pub reads: u64,
}

const BUF: usize = 64 * 1024;

impl Contents {
    /// The identity under which file `path` (of `size` bytes, known as `id`) is stored: the
    /// first file seen with the same contents, or `id` itself.
    pub fn fold(&mut self, src: &dyn Source, id: Identity, path: &[u8], size: u64) -> Identity {
        if let Some(c) = self.folded.get(&id) {
            return c.clone();
        }
        let group = self.by_size.entry(size).or_default();
        if group.is_empty() || size == 0 {
            if let Some(first) = group.first() {
                let c = first.id.clone();
                self.folded.insert(id, c.clone());
                return c;
            }
            group.push(Seen {
                id: id.clone(),
                path: path.to_vec(),
                print: None,
            });
            self.folded.insert(id.clone(), id.clone());
            return id;
        }
        let mut reads = 0;
        let mine = fingerprint(src, path, &mut reads);
        let mut found = None;
        if let Some(mine) = mine {
            for s in group.iter_mut() {
                let theirs = *s
                    .print
                    .get_or_insert_with(|| fingerprint(src, &s.path, &mut reads));
                if theirs == Some(mine) && same_bytes(src, &s.path, path, &mut reads) {
                    found = Some(s.id.clone());
                    break;
                }
            }
        }
        self.reads += reads;
        let c = found.unwrap_or_else(|| {
            group.push(Seen {
                id: id.clone(),
                path: path.to_vec(),
                print: Some(mine),
            });
            id.clone()
        });
        self.folded.insert(id, c.clone());
        c
    }
}

/// Two 64-bit FNV-1a streams with different offsets, as one 128-bit value.
fn fingerprint(src: &dyn Source, path: &[u8], reads: &mut u64) -> Option<u128> {
    *reads += 1;
    let mut r = src.open(bytes_path(path)).ok()?;
    let (mut a, mut b) = (0xcbf2_9ce4_8422_2325u64, 0x6c62_272e_07bb_0142u64);
    let mut buf = vec![0u8; BUF];
    loop {
        let n = r.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        for &x in &buf[..n] {
            a = (a ^ u64::from(x)).wrapping_mul(0x0000_0100_0000_01b3);
            b = (b ^ u64::from(x))
                .wrapping_mul(0x0000_0100_0000_01b3)
                .rotate_left(5);
        }
    }
    Some((u128::from(a) << 64) | u128::from(b))
}

/// Whether two files hold the same bytes (false when either cannot be read).
fn same_bytes(src: &dyn Source, x: &[u8], y: &[u8], reads: &mut u64) -> bool {
    *reads += 2;
    let (Ok(mut a), Ok(mut b)) = (src.open(bytes_path(x)), src.open(bytes_path(y))) else {
        return false;
    };
    let (mut ba, mut bb) = (vec![0u8; BUF], vec![0u8; BUF]);
    loop {
        let Some(n) = fill(&mut a, &mut ba) else {
            return false;
        };
        let Some(m) = fill(&mut b, &mut bb) else {
            return false;
        };
        if n != m || ba[..n] != bb[..m] {
            return false;
        }
        if n == 0 {
            return true;
        }
    }
}

/// Reads until `buf` is full or the file ends; `None` on a read error.
fn fill(r: &mut impl Read, buf: &mut [u8]) -> Option<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(_) => return None,
        }
    }
    Some(got)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Disk, Overlay};

    #[test]
    fn folds_equal_contents_only_and_reads_only_size_peers() {
        let mut o = Overlay::new(Disk);
        o.set("/m/a", &b"hello world"[..]);
        o.set("/m/b", &b"hello world"[..]);
        o.set("/m/c", &b"hello earth"[..]);
        o.set("/m/d", &b"unique size, never read"[..]);
        let mut c = Contents::default();
        let p = |s: &str| Identity::Path(s.as_bytes().to_vec());
        assert_eq!(c.fold(&o, p("/m/a"), b"/m/a", 11), p("/m/a"));
        assert_eq!(c.reads, 0, "the first file of a size is not read");
        assert_eq!(c.fold(&o, p("/m/d"), b"/m/d", 23), p("/m/d"));
        assert_eq!(c.reads, 0);
        assert_eq!(c.fold(&o, p("/m/c"), b"/m/c", 11), p("/m/c"));
        assert_eq!(c.fold(&o, p("/m/b"), b"/m/b", 11), p("/m/a"));
        assert_eq!(c.fold(&o, p("/m/b"), b"/m/b", 11), p("/m/a"), "memoised");
        assert_eq!(
            c.fold(&o, p("/m/missing"), b"/m/missing", 11),
            p("/m/missing"),
            "unreadable: its own"
        );
    }
}
