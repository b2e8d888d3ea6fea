//! `Bits`, the one set-of-configurations type: one bit per configuration index, of any
//! length (the words of up to 128 configurations inline, more on the heap: a run keeps
//! several sets per file, and an allocation each would cost more than the bits). Implements [`Truth`] so a
//! constraint expression is evaluated for every configuration in one pass of AND/OR/NOT;
//! `matrix`, `check` (including its satisfiability universe) and `embed` all use it.

use crate::constraint::Truth;
use smallvec::SmallVec;

/// A fixed-length bit set; bits at or beyond `len` are always zero.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bits {
    len: usize,
    words: SmallVec<[u64; 2]>,
}

impl Bits {
    /// The empty set over `len` configurations.
    pub fn empty(len: usize) -> Bits {
        Bits {
            len,
            words: SmallVec::from_elem(0, len.div_ceil(64)),
        }
    }

    /// The set of all `len` configurations.
    pub fn full(len: usize) -> Bits {
        Bits::empty(len).not()
    }

    /// The set of indices `i < len` for which `f(i)` holds.
    pub fn from_fn(len: usize, mut f: impl FnMut(usize) -> bool) -> Bits {
        let mut b = Bits::empty(len);
        for i in 0..len {
            if f(i) {
                b.set(i);
            }
        }
        b
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn set(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    pub fn get(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    pub fn is_full(&self) -> bool {
        self.count() == self.len
    }

    /// `self ∧ other`, without consuming either.
    pub fn and_ref(&self, other: &Bits) -> Bits {
        let mut out = self.clone();
        for (a, b) in out.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
        out
    }

    /// One `bool` per configuration, in index order.
    pub fn to_bools(&self) -> Vec<bool> {
        (0..self.len).map(|i| self.get(i)).collect()
    }

    /// Whether every member of `self` is in `other`.
    pub fn is_subset(&self, other: &Bits) -> bool {
        self.words
            .iter()
            .zip(&other.words)
            .all(|(a, b)| a & !b == 0)
    }

    pub fn intersects(&self, other: &Bits) -> bool {
        self.words.iter().zip(&other.words).any(|(a, b)| a & b != 0)
    }

    /// `self ∧ ¬other`.
    pub fn minus(&self, other: &Bits) -> Bits {
        let mut out = self.clone();
        for (a, b) in out.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
        out
    }

    pub fn union_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Member indices in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).filter(move |i| self.get(*i))
    }

    fn mask_tail(&mut self) {
        let rem = self.len % 64;
        if rem != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << rem) - 1;
            }
        }
    }
}

impl Truth for Bits {
    fn and(mut self, other: Bits) -> Bits {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
        self
    }
    fn or(mut self, other: Bits) -> Bits {
        self.union_with(&other);
        self
    }
    fn not(mut self) -> Bits {
        for w in &mut self.words {
            *w = !*w;
        }
        self.mask_tail();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constraint::parse_go_build;

    #[test]
    fn long_sets_and_tail_mask() {
        let full = Bits::full(130);
        assert_eq!(full.count(), 130);
        assert!(full.clone().not().is_empty());
        let evens = Bits::from_fn(130, |i| i % 2 == 0);
        assert_eq!(evens.count(), 65);
        assert_eq!(evens.clone().not().count(), 65);
        assert!(evens.get(128) && !evens.get(129) && !evens.get(500));
        assert!(evens.is_subset(&full) && !full.is_subset(&evens));
        assert_eq!(full.minus(&evens), evens.clone().not());
        assert_eq!(evens.iter().take(3).collect::<Vec<_>>(), [0, 2, 4]);
    }

    #[test]
    fn evaluates_expressions_for_all_configurations() {
        // 200 configurations: linux on multiples of 3, cgo on evens.
        let linux = Bits::from_fn(200, |i| i % 3 == 0);
        let cgo = Bits::from_fn(200, |i| i % 2 == 0);
        let x = parse_go_build("linux && !cgo").expect("parses");
        let got = x.eval_with(&mut |t| match t {
            "linux" => linux.clone(),
            "cgo" => cgo.clone(),
            _ => Bits::empty(200),
        });
        assert_eq!(got, Bits::from_fn(200, |i| i % 3 == 0 && i % 2 == 1));
    }
}
