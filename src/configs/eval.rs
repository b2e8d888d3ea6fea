//! The one evaluation of build constraints over a [`ConfigSet`]: each tag is asked of every
//! configuration once ([`TagOracle`], memoised), and each file's name constraint and deciding
//! header constraint (`//go:build`, else every parsable `// +build` line) are evaluated once
//! over [`Bits`] ([`FileBits`]). `matrix`, `check` and `embed` read their per-file answers
//! from here; `list` is the same evaluation with one configuration.

use super::bits::Bits;
use super::model::ConfigSet;
use crate::constraint::Truth;
use crate::context::BuildContext;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::walk::DirFacts;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Mutex;

/// Answers "which configurations match tag T" once per distinct tag.
pub struct TagOracle<'a> {
    contexts: &'a [BuildContext],
    cache: Mutex<HashMap<String, Bits>>,
}

impl<'a> TagOracle<'a> {
    pub fn new(contexts: &'a [BuildContext]) -> TagOracle<'a> {
        TagOracle {
            contexts,
            cache: Mutex::new(HashMap::new()),
        }
    }

    pub fn len(&self) -> usize {
        self.contexts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.contexts.is_empty()
    }

    pub fn tag(&self, name: &str) -> Bits {
        if let Ok(cache) = self.cache.lock() {
            if let Some(b) = cache.get(name) {
                return b.clone();
            }
        }
        let b = Bits::from_fn(self.contexts.len(), |i| self.contexts[i].match_tag(name));
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(name.to_string(), b.clone());
        }
        b
    }

    pub fn full(&self) -> Bits {
        Bits::full(self.contexts.len())
    }

    /// The configurations whose release limits the size of constraint expressions
    /// ([`GoList::constraint_size_limits`]: every release but 1.21).
    ///
    /// [`GoList::constraint_size_limits`]: crate::go::release::GoList::constraint_size_limits
    pub fn size_limited(&self) -> Bits {
        Bits::from_fn(self.contexts.len(), |i| {
            self.contexts[i].release.go_list.constraint_size_limits
        })
    }
}

/// The constraint bits of one file: where its name matches, and where its header
/// constraints (`//go:build`, else every parsable `// +build` line) hold.
#[derive(Clone, Debug)]
pub struct FileBits {
    pub name: Bits,
    pub header: Bits,
}

impl FileBits {
    pub fn of(f: &FileFacts, oracle: &TagOracle) -> FileBits {
        FileBits::with(f, oracle, &|t: &str| oracle.tag(t))
    }

    /// The same with any tag answers (e.g. some tags forced on) over `oracle`'s
    /// configurations.
    pub fn with(f: &FileFacts, oracle: &TagOracle, tag: &dyn Fn(&str) -> Bits) -> FileBits {
        let full = oracle.full();
        let header = match sized_header(f, oracle, tag) {
            Some(h) => h,
            None => header_truth(f, full.clone(), &mut |t: &str| tag(t)),
        };
        FileBits {
            name: f.name_constraint.eval(&mut |t: &str| tag(t), full),
            header,
        }
    }

    /// Where both the name and the header constraints hold.
    pub fn selected(&self) -> Bits {
        self.name.and_ref(&self.header)
    }
}

/// The deciding header constraint of a file over any [`Truth`]: the `//go:build` line if
/// there is one, else the AND of every parsable `// +build` line; `full` when the file has
/// neither (or was not read). A `//go:build` line that does not parse leaves `full`: the
/// file's error, not its constraint, decides then.
pub fn header_truth<T: Truth>(f: &FileFacts, full: T, tag: &mut impl FnMut(&str) -> T) -> T {
    let HeaderOutcome::Read(h) = &f.header else {
        return full;
    };
    let mut acc = full;
    for line in crate::syntax::constraints::deciding(h.go_build.as_deref(), &h.plus_build) {
        if let Ok(e) = &line.expr {
            acc = acc.and(e.eval_with(tag));
        }
    }
    acc
}

/// The header bits of a file with a constraint line too large for the size limits of Go
/// 1.22 on: where a release has the limits, a `//go:build` line over them is an error (no
/// configuration compiles the file) and a `// +build` line over them is ignored; where it
/// has none (1.21) both lines are evaluated. `None` for every other file.
fn sized_header(f: &FileFacts, oracle: &TagOracle, tag: &dyn Fn(&str) -> Bits) -> Option<Bits> {
    let HeaderOutcome::Read(h) = &f.header else {
        return None;
    };
    if !h
        .go_build
        .as_deref()
        .into_iter()
        .chain(&h.plus_build)
        .any(|c| c.unlimited.is_some())
    {
        return None;
    }
    let n = oracle.len();
    let truth = |without_limits: bool| -> Bits {
        let parse = |c: &'_ crate::facts::ConstraintFact| {
            if without_limits {
                c.without_limits().as_ref().ok().cloned()
            } else {
                c.expr.as_ref().ok().cloned()
            }
        };
        match &h.go_build {
            Some(gb) => match parse(gb) {
                Some(e) => e.eval_with(&mut |t: &str| tag(t)),
                None => Bits::empty(n),
            },
            None => h
                .plus_build
                .iter()
                .filter_map(parse)
                .fold(oracle.full(), |acc, e| {
                    acc.and(e.eval_with(&mut |t: &str| tag(t)))
                }),
        }
    };
    let limited = oracle.size_limited();
    let mut header = truth(false).and_ref(&limited);
    header.union_with(&truth(true).minus(&limited));
    Some(header)
}

/// The configurations that compile a file as a source of its package: name and header
/// constraints hold, a read file's `//go:build` parses, and a Go file that imports "C" has
/// cgo. A file whose header could not be read compiles nowhere; one that was not read (not a
/// source kind whose header matters) wherever its name matches.
pub fn compiles(f: &FileFacts, bits: &FileBits, cgo: &Bits) -> Bits {
    match &f.header {
        HeaderOutcome::NotRead => bits.name.clone(),
        HeaderOutcome::Read(h) => {
            // A line only some releases reject is in the header bits ([`sized_header`]).
            if h.go_build
                .as_deref()
                .is_some_and(|g| g.expr.is_err() && g.unlimited.is_none())
            {
                return Bits::empty(bits.name.len());
            }
            let sel = bits.selected();
            if f.is_go() && h.imports_c() {
                sel.and(cgo.clone())
            } else {
                sel
            }
        }
        _ => Bits::empty(bits.name.len()),
    }
}

/// A configuration set ready for evaluation: its tag oracle and the cgo bit.
pub struct Evaluator<'a> {
    pub set: &'a ConfigSet,
    pub oracle: TagOracle<'a>,
    /// Configurations with cgo enabled.
    pub cgo: Bits,
}

impl<'a> Evaluator<'a> {
    pub fn new(set: &'a ConfigSet) -> Evaluator<'a> {
        let n = set.len();
        Evaluator {
            set,
            oracle: TagOracle::new(&set.contexts),
            cgo: Bits::from_fn(n, |i| set.contexts[i].cgo_enabled),
        }
    }

    /// Every file's constraint bits, per directory, in parallel.
    pub fn file_bits(&self, dirs: &[DirFacts]) -> Vec<Vec<FileBits>> {
        dirs.par_iter()
            .map(|d| {
                d.files
                    .iter()
                    .map(|f| FileBits::of(f, &self.oracle))
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::configs::model::{Config, Platform, TagSet};

    #[test]
    fn one_evaluation_per_file() {
        let configs: Vec<Config> = [("linux", false), ("linux", true), ("windows", false)]
            .iter()
            .map(|(os, cgo)| Config {
                platform: Platform::new(os, "amd64", None),
                cgo: *cgo,
                tags: TagSet::new(vec![]),
                go: None,
            })
            .collect();
        let set = ConfigSet::new(configs).expect("valid");
        let ev = Evaluator::new(&set);
        let linux = ev.oracle.tag("linux");
        assert_eq!(linux.iter().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(ev.cgo.iter().collect::<Vec<_>>(), [1]);
        let e = crate::constraint::parse_go_build("linux && cgo").expect("parses");
        let b = e.eval_with(&mut |t| ev.oracle.tag(t));
        assert_eq!(b.iter().collect::<Vec<_>>(), [1]);
        // n = 1 is the plain boolean case of the same evaluation.
        assert!(e.eval_with(&mut |t| set.contexts[1].match_tag(t)));
    }
}
