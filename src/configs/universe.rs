//! The satisfiability universe: every configuration Go could ever build a file under (all
//! ports × cgo where supported × compiler × release × assignments of the free user tags),
//! as [`Bits`] per tag. `check` uses it to decide that an expression can never, or will
//! always, be satisfied, and that it contradicts the file's name.

use super::bits::Bits;
use crate::constraint::{Expr, Truth};
use crate::filename::NameConstraint;
use crate::platform;

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
    pub fn tag(&self, tag: &str) -> Bits {
        Bits::from_fn(self.configs.len(), |i| self.tag_true(&self.configs[i], tag))
    }

    pub fn eval(&self, expr: &Expr) -> Bits {
        expr.eval_with(&mut |t| self.tag(t))
    }

    pub fn eval_name(&self, name: &NameConstraint) -> Bits {
        name.eval(&mut |t| self.tag(t), Bits::full(self.configs.len()))
    }
}

/// No configuration at all satisfies `expr` (`None`: too many free tags to tell).
pub fn never_satisfied(expr: &Expr) -> Option<bool> {
    let u = Universe::for_tags(&expr.tags())?;
    Some(u.eval(expr).is_empty())
}

/// `expr` and the file-name constraint `name` are each satisfiable but never together: the
/// constraint contradicts the name (`None`: no name constraint, or too many free tags).
pub fn contradicts_name(expr: &Expr, name: &NameConstraint) -> Option<bool> {
    if *name == NameConstraint::None {
        return None;
    }
    let mut tags = expr.tags();
    tags.extend(name.tags());
    let u = Universe::for_tags(&tags)?;
    let e = u.eval(expr);
    let n = u.eval_name(name);
    Some(!e.is_empty() && !n.is_empty() && e.and(n).is_empty())
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
        let e = parse_go_build("linux").expect("parses");
        assert_eq!(never_satisfied(&e), Some(false));
        let windows = NameConstraint::Os("windows");
        assert_eq!(contradicts_name(&e, &windows), Some(true));
        assert_eq!(contradicts_name(&e, &NameConstraint::None), None);
    }
}
