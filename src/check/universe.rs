//! Evaluating a constraint over every configuration at once: all ports × cgo × compiler ×
//! release × assignments of the free (user) tags, as a bitset per tag. Used to decide that
//! an expression can never, or will always, be satisfied.

use crate::constraint::{Expr, Truth};
use crate::filename::NameConstraint;
use crate::platform;

/// A set of configurations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize, value: bool) -> Bits {
        let words = n.div_ceil(64);
        let mut v = vec![if value { u64::MAX } else { 0 }; words];
        if value && n % 64 != 0 {
            if let Some(last) = v.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        Bits(v)
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
}

/// `Truth` over a fixed-size universe; `not` needs the size, so it is carried along.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Set {
    pub bits: Bits,
    pub n: usize,
}

impl Truth for Set {
    fn and(mut self, other: Set) -> Set {
        for (a, b) in self.bits.0.iter_mut().zip(&other.bits.0) {
            *a &= b;
        }
        self
    }
    fn or(mut self, other: Set) -> Set {
        for (a, b) in self.bits.0.iter_mut().zip(&other.bits.0) {
            *a |= b;
        }
        self
    }
    fn not(mut self) -> Set {
        let full = Bits::new(self.n, true);
        for (a, b) in self.bits.0.iter_mut().zip(&full.0) {
            *a = !*a & b;
        }
        self
    }
}

impl Set {
    pub fn is_empty(&self) -> bool {
        self.bits.is_empty()
    }
    pub fn is_full(&self) -> bool {
        self.clone().not().is_empty()
    }
}

/// One configuration of the universe.
struct Config {
    goos: &'static str,
    goarch: &'static str,
    cgo: bool,
    gccgo: bool,
    release: u32,
    free: u32,
}

/// The universe for one set of expressions (their free tags and release tags).
pub struct Universe {
    configs: Vec<Config>,
    free: Vec<String>,
}

/// Tags whose value the port, cgo, compiler or release decides.
fn determined(tag: &str) -> bool {
    platform::is_known_os(tag)
        || platform::is_known_arch(tag)
        || matches!(tag, "unix" | "cgo" | "gc" | "gccgo")
        || release_of(tag).is_some()
}

fn release_of(tag: &str) -> Option<u32> {
    let n = tag.strip_prefix("go1.")?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
        return None;
    }
    n.parse().ok()
}

/// Above this many free tags the universe is not built (2^n blow-up).
pub const MAX_FREE: usize = 8;

impl Universe {
    /// Builds the universe for the tags of `exprs` and `names`; `None` with too many free tags.
    pub fn for_tags(tags: &[&str]) -> Option<Universe> {
        let mut free: Vec<String> = Vec::new();
        let mut releases: Vec<u32> = Vec::new();
        for t in tags {
            if let Some(r) = release_of(t) {
                releases.push(r);
            } else if !determined(t) && !free.iter().any(|f| f == t) {
                free.push(t.to_string());
            }
        }
        if free.len() > MAX_FREE {
            return None;
        }
        releases.sort_unstable();
        releases.dedup();
        // One release below every mentioned one, then each mentioned one.
        let mut release_choices = vec![0];
        release_choices.extend(&releases);
        let mut configs = Vec::new();
        for p in platform::ports() {
            for cgo in [false, true] {
                if cgo && !p.cgo_supported {
                    continue;
                }
                for gccgo in [false, true] {
                    for &release in &release_choices {
                        for f in 0..(1u32 << free.len()) {
                            configs.push(Config {
                                goos: p.goos,
                                goarch: p.goarch,
                                cgo,
                                gccgo,
                                release,
                                free: f,
                            });
                        }
                    }
                }
            }
        }
        Some(Universe { configs, free })
    }

    fn tag_true(&self, c: &Config, tag: &str) -> bool {
        if let Some(i) = self.free.iter().position(|f| f == tag) {
            return c.free & (1 << i) != 0;
        }
        if let Some(r) = release_of(tag) {
            return c.release >= r;
        }
        match tag {
            "cgo" => c.cgo,
            "gc" => !c.gccgo,
            "gccgo" => c.gccgo,
            "unix" => platform::is_unix_os(c.goos),
            _ => {
                tag == c.goos
                    || tag == c.goarch
                    || matches!(
                        (c.goos, tag),
                        ("android", "linux") | ("illumos", "solaris") | ("ios", "darwin")
                    )
            }
        }
    }

    /// The configurations where `tag` holds.
    pub fn tag(&self, tag: &str) -> Set {
        let n = self.configs.len();
        let mut bits = Bits::new(n, false);
        for (i, c) in self.configs.iter().enumerate() {
            if self.tag_true(c, tag) {
                bits.set(i);
            }
        }
        Set { bits, n }
    }

    pub fn eval(&self, expr: &Expr) -> Set {
        expr.eval_with(&mut |t| self.tag(t))
    }

    pub fn eval_name(&self, name: &NameConstraint) -> Set {
        let n = self.configs.len();
        name.eval(
            &mut |t| self.tag(t),
            Set {
                bits: Bits::new(n, true),
                n,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constraint::parse_go_build;

    fn sets(text: &str) -> (bool, bool) {
        let e = parse_go_build(text).expect("parses");
        let tags = e.tags();
        let u = Universe::for_tags(&tags).expect("universe");
        let s = u.eval(&e);
        (s.is_empty(), s.is_full())
    }

    #[test]
    fn satisfiability() {
        assert_eq!(sets("linux && windows"), (true, false));
        assert_eq!(sets("linux || !linux"), (false, true));
        assert_eq!(sets("android && !linux"), (true, false));
        assert_eq!(sets("go1.20 && !go1.18"), (true, false));
        assert_eq!(sets("foo && !foo"), (true, false));
        assert_eq!(sets("foo && linux"), (false, false));
        assert_eq!(sets("js && cgo"), (true, false));
        assert_eq!(sets("nacl"), (true, false));
        assert_eq!(sets("unix && windows"), (true, false));
    }
}
