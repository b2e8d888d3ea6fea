//! A sorted list of names kept in one allocation: a file's scan can name thousands of
//! identifiers, and a `String` each would cost an allocation (and its overhead) each for as
//! long as the run keeps the scan.

/// Sorted, unique names, as one text and the end of each name in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl Names {
    /// The names of `sorted` (already sorted and unique), in that order.
    pub fn from_sorted<'a>(sorted: impl IntoIterator<Item = &'a str>) -> Names {
        let mut text = String::new();
        let mut ends = Vec::new();
        for name in sorted {
            text.push_str(name);
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        Names {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th name.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        self.text.get(start..end)
    }

    /// Where `name` is in the list.
    pub fn position(&self, name: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(mid)?.cmp(name) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    pub fn contains(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    pub fn iter(&self) -> NamesIter<'_> {
        NamesIter {
            names: self,
            next: 0,
        }
    }
}

/// The names of a [`Names`] in order (no allocation: the matrix walks every file's names).
pub struct NamesIter<'a> {
    names: &'a Names,
    next: usize,
}

impl<'a> Iterator for NamesIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let name = self.names.get(self.next)?;
        self.next += 1;
        Some(name)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.names.len() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for NamesIter<'_> {}

impl<'a> IntoIterator for &'a Names {
    type Item = &'a str;
    type IntoIter = NamesIter<'a>;

    fn into_iter(self) -> NamesIter<'a> {
        self.iter()
    }
}

impl<const N: usize> PartialEq<[&str; N]> for Names {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_search() {
        let names = Names::from_sorted(["a", "bc", "bcd", "z", "ä"]);
        assert_eq!(names.len(), 5);
        assert_eq!(
            names.iter().collect::<Vec<_>>(),
            ["a", "bc", "bcd", "z", "ä"]
        );
        assert_eq!(names.position("bcd"), Some(2));
        assert_eq!(names.position("ä"), Some(4));
        assert_eq!(names.position("b"), None);
        assert!(names.contains("z") && !names.contains(""));
        assert_eq!(names.get(5), None);
        assert_eq!(Names::from_sorted(["a"]), ["a"]);
        assert_ne!(Names::from_sorted(["a"]), ["a", "b"]);
        assert!(Names::default().is_empty() && Names::default().position("a").is_none());
    }
}
