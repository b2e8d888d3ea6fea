//! The one fast hasher for in-process maps keyed by short byte strings (identifiers, paths).
//! Keys come from the local tree and maps live for one run, so SipHash's flooding resistance
//! buys nothing; FxHash's multiply-rotate mixing is several times cheaper on such keys.

use std::hash::{BuildHasherDefault, Hasher};

/// FxHash's mixing, eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The `BuildHasher` of [`FastHasher`] for `HashMap`/`HashSet`.
pub type FastBuild = BuildHasherDefault<FastHasher>;

/// A `HashMap` with [`FastHasher`]; build it with `FastMap::default()`.
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn distinct_short_keys_stay_distinct() {
        let keys: Vec<Vec<u8>> = (0..10_000u32)
            .map(|i| format!("a/b{i}").into_bytes())
            .collect();
        let set: HashSet<&[u8], FastBuild> = keys.iter().map(Vec::as_slice).collect();
        assert_eq!(set.len(), keys.len());
        let hash = |b: &[u8]| {
            let mut h = FastHasher::default();
            h.write(b);
            h.finish()
        };
        // Length and position matter: prefixes and permutations hash apart.
        assert_ne!(hash(b"ab"), hash(b"ba"));
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgh\0"));
    }
}
