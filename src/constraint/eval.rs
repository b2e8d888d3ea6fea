//! Evaluating an [`Expr`] against a tag oracle, and listing the tags it mentions.
//!
//! Evaluation is generic over [`Truth`] so the engine can evaluate one expression for many build
//! configurations at once (a bitset per tag), with `bool` as the plain case. Like Go, both
//! operands of `&&`/`||` are always evaluated: callers that record which tags were consulted
//! (go/build's `AllTags`) must see every tag, not just those before a short circuit.

use super::Expr;

/// A boolean-like value: `bool`, or e.g. a set of build configurations where each bit is the
/// truth value under one configuration.
pub trait Truth: Clone {
    fn and(self, other: Self) -> Self;
    fn or(self, other: Self) -> Self;
    fn not(self) -> Self;
}

impl Truth for bool {
    fn and(self, other: bool) -> bool {
        self && other
    }
    fn or(self, other: bool) -> bool {
        self || other
    }
    fn not(self) -> bool {
        !self
    }
}

impl Expr {
    /// Go's `Eval`: `tag` is asked about every tag occurrence, left to right.
    pub fn eval(&self, tag: &mut impl FnMut(&str) -> bool) -> bool {
        self.eval_with(tag)
    }

    /// Evaluates over any [`Truth`] type, calling `tag` for every tag occurrence, left to right.
    pub fn eval_with<T: Truth>(&self, tag: &mut impl FnMut(&str) -> T) -> T {
        match self {
            Expr::Tag { name, .. } => tag(name),
            Expr::Not { expr, .. } => expr.eval_with(tag).not(),
            Expr::And { left, right, .. } => {
                let l = left.eval_with(tag);
                let r = right.eval_with(tag);
                l.and(r)
            }
            Expr::Or { left, right, .. } => {
                let l = left.eval_with(tag);
                let r = right.eval_with(tag);
                l.or(r)
            }
        }
    }

    /// Every tag name in source order, duplicates kept.
    pub fn tags(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_tags(&mut out);
        out
    }

    fn collect_tags<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Tag { name, .. } => out.push(name),
            Expr::Not { expr, .. } => expr.collect_tags(out),
            Expr::And { left, right, .. } | Expr::Or { left, right, .. } => {
                left.collect_tags(out);
                right.collect_tags(out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse_go_build, parse_plus_build};
    use super::*;

    #[test]
    fn eval_consults_every_tag() {
        let x = parse_go_build("linux || (darwin && !cgo) || linux").unwrap();
        let mut seen = Vec::new();
        let v = x.eval(&mut |t| {
            seen.push(t.to_string());
            t == "linux"
        });
        assert!(v);
        assert_eq!(seen, ["linux", "darwin", "cgo", "linux"]);
        assert_eq!(x.tags(), ["linux", "darwin", "cgo", "linux"]);
        assert!(x.eval(&mut |t| t == "darwin"));
        assert!(!x.eval(&mut |t| t == "darwin" || t == "cgo"));
    }

    /// A three-configuration truth value, to check eval_with combines per configuration.
    #[derive(Clone, Debug, PartialEq)]
    struct Bits(u8);
    impl Truth for Bits {
        fn and(self, o: Self) -> Self {
            Bits(self.0 & o.0)
        }
        fn or(self, o: Self) -> Self {
            Bits(self.0 | o.0)
        }
        fn not(self) -> Self {
            Bits(!self.0 & 0b111)
        }
    }

    #[test]
    fn eval_with_bitsets() {
        // Configurations: bit0 = linux/cgo, bit1 = linux/nocgo, bit2 = darwin/cgo.
        let oracle = |t: &str| match t {
            "linux" => Bits(0b011),
            "darwin" => Bits(0b100),
            "cgo" => Bits(0b101),
            _ => Bits(0),
        };
        let x = parse_go_build("linux && !cgo || darwin").unwrap();
        assert_eq!(x.eval_with(&mut |t| oracle(t)), Bits(0b110));
        let y = parse_plus_build("linux,!cgo ignore").unwrap();
        assert_eq!(y.eval_with(&mut |t| oracle(t)), Bits(0b010));
    }

    #[test]
    fn plus_build_ignore_semantics() {
        // `!a-b` is `!ignore`, true unless someone sets the `ignore` tag.
        let x = parse_plus_build("linux !a-b").unwrap();
        assert!(x.eval(&mut |_| false));
        assert!(!parse_plus_build("").unwrap().eval(&mut |_| false));
        assert!(parse_plus_build("").unwrap().eval(&mut |t| t == "ignore"));
    }
}
