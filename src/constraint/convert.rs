//! Conversions Go offers on a parsed expression: `PlusBuildLines` (the `// +build` lines that
//! `gofmt` and `go vet` expect next to a `//go:build` line) and `GoVersion` (the minimum Go
//! version an expression implies, which the compiler uses as the file's language version).

use super::{Expr, SyntaxError, TOO_COMPLEX};

impl Expr {
    /// Go's `PlusBuildLines`: one or more `// +build ...` lines equivalent to this expression.
    ///
    /// Fails with `expression too complex for // +build lines` when, after pushing negations down
    /// to the tags, some part is not an AND of ORs of ANDs of (possibly negated) tags. Go gives no
    /// offset for this error; ours is the start of the offending sub-expression.
    pub fn plus_build_lines(&self) -> Result<Vec<String>, SyntaxError> {
        // An AND of ORs of ANDs of literals, computed on the original tree with a negation flag
        // instead of materialising Go's De Morgan rewrite.
        let mut split: Vec<Vec<Vec<Literal<'_>>>> = Vec::new();
        for or in split_top(self, false, Op::And) {
            let mut ands = Vec::new();
            for and in split_top(or.0, or.1, Op::Or) {
                let lits = split_top(and.0, and.1, Op::And)
                    .into_iter()
                    .map(literal)
                    .collect::<Result<Vec<_>, _>>()?;
                ands.push(lits);
            }
            split.push(ands);
        }

        // With no real OR anywhere, one line with a single comma-joined clause says it all.
        if split.iter().all(|ors| ors.len() <= 1) {
            let lits: Vec<Literal<'_>> = split.into_iter().flatten().flatten().collect();
            split = vec![vec![lits]];
        }

        Ok(split
            .iter()
            .map(|ors| {
                let mut line = String::from("// +build");
                for and in ors {
                    line.push(' ');
                    for (i, lit) in and.iter().enumerate() {
                        if i > 0 {
                            line.push(',');
                        }
                        if lit.negated {
                            line.push('!');
                        }
                        line.push_str(lit.name);
                    }
                }
                line
            })
            .collect())
    }

    /// Go's `GoVersion`: the minimum Go version implied by this expression (`go1`, `go1.21`...),
    /// or `None` where Go returns `""`.
    pub fn go_version(&self) -> Option<String> {
        match min_version(self, false) {
            v if v < 0 => None,
            0 => Some("go1".to_string()),
            v => Some(format!("go1.{v}")),
        }
    }
}

/// A sub-expression together with whether it sits under an odd number of negations.
type Signed<'a> = (&'a Expr, bool);

#[derive(Clone, Copy, PartialEq)]
enum Op {
    And,
    Or,
}

/// A tag or negated tag, the unit `+build` lines are made of.
struct Literal<'a> {
    name: &'a str,
    negated: bool,
}

/// Splits `x` (negated if `negated`) into the operands of its top-level `op` chain, in source
/// order, as Go's `appendSplitAnd`/`appendSplitOr` would after `pushNot`: under a negation an
/// `||` acts as an `&&` and vice versa (De Morgan), and each `!` just flips the sign.
fn split_top(x: &Expr, negated: bool, op: Op) -> Vec<Signed<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![(x, negated)];
    while let Some((x, neg)) = stack.pop() {
        let acts_as = match x {
            Expr::Not { expr, .. } => {
                stack.push((expr, !neg));
                continue;
            }
            Expr::And { .. } if neg => Op::Or,
            Expr::And { .. } => Op::And,
            Expr::Or { .. } if neg => Op::And,
            Expr::Or { .. } => Op::Or,
            Expr::Tag { .. } => {
                out.push((x, neg));
                continue;
            }
        };
        match x {
            Expr::And { left, right, .. } | Expr::Or { left, right, .. } if acts_as == op => {
                // Right pushed first so the left operand comes out first.
                stack.push((right, neg));
                stack.push((left, neg));
            }
            _ => out.push((x, neg)),
        }
    }
    out
}

/// A split-off operand that must be a literal by now; anything else is too complex.
fn literal((x, negated): Signed<'_>) -> Result<Literal<'_>, SyntaxError> {
    match x {
        Expr::Tag { name, .. } => Ok(Literal { name, negated }),
        _ => Err(SyntaxError::new(x.span().start, TOO_COMPLEX)),
    }
}

/// The minimum `go1.N` minor version implied by `x` (by `!x` if `negated`); -1 for none.
fn min_version(x: &Expr, negated: bool) -> i64 {
    match x {
        Expr::And { left, right, .. } | Expr::Or { left, right, .. } => {
            let (l, r) = (min_version(left, negated), min_version(right, negated));
            // AND needs both, so the larger minimum; OR the smaller. Negation swaps them.
            if matches!(x, Expr::And { .. }) != negated {
                l.max(r)
            } else {
                l.min(r)
            }
        }
        Expr::Not { expr, .. } => min_version(expr, !negated),
        // `!go1.20` tells nothing about the minimum version.
        Expr::Tag { .. } if negated => -1,
        Expr::Tag { name, .. } if name == "go1" => 0,
        // Go looks for the first `go1.` anywhere in the tag (so `xgo1.5` counts) and parses the
        // rest with `strconv.Atoi`.
        Expr::Tag { name, .. } => name
            .split_once("go1.")
            .and_then(|(_, rest)| atoi(rest))
            .unwrap_or(-1),
    }
}

/// Go's `strconv.Atoi` for 64-bit `int`: optional sign, then one or more ASCII digits; `None` on
/// anything else or on overflow. (Tags cannot contain signs, but hand-built trees can.)
fn atoi(s: &str) -> Option<i64> {
    let (neg, digits) = match (s.strip_prefix('-'), s.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Accumulate negatively so that i64::MIN still parses, as it does in Go.
    let mut n: i64 = 0;
    for b in digits.bytes() {
        n = n.checked_mul(10)?.checked_sub(i64::from(b - b'0'))?;
    }
    if neg {
        Some(n)
    } else {
        n.checked_neg()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse_go_build, parse_plus_build};
    use super::*;

    fn lines(s: &str) -> Result<Vec<String>, SyntaxError> {
        parse_go_build(s).unwrap().plus_build_lines()
    }

    #[test]
    fn plus_build_lines_spec_table() {
        assert_eq!(lines("a && b").unwrap(), ["// +build a,b"]);
        assert_eq!(lines("!(a && b)").unwrap(), ["// +build !a !b"]);
        assert_eq!(lines("!(a || b)").unwrap(), ["// +build !a,!b"]);
        assert_eq!(
            lines("(a || b) && c").unwrap(),
            ["// +build a b", "// +build c"]
        );
        assert_eq!(
            lines("a && (b || (c && d))").unwrap(),
            ["// +build a", "// +build b c,d"]
        );
        let e = lines("a || (b && (c || d))").unwrap_err();
        assert_eq!(e.message, TOO_COMPLEX);
        assert_eq!(lines("!(!a)").unwrap(), ["// +build a"]);
    }

    #[test]
    fn too_complex_offset_points_at_culprit() {
        let e = parse_go_build("a || (b && (c || d))")
            .unwrap()
            .plus_build_lines()
            .unwrap_err();
        assert_eq!(e.offset, 11);
    }

    #[test]
    fn plus_build_round_trip() {
        let x = parse_plus_build("linux,amd64 darwin,!cgo").unwrap();
        assert_eq!(
            x.plus_build_lines().unwrap(),
            ["// +build linux,amd64 darwin,!cgo"]
        );
    }

    fn version(s: &str) -> Option<String> {
        parse_go_build(s).unwrap().go_version()
    }

    #[test]
    fn go_version_spec_table() {
        assert_eq!(version("xgo1.5").as_deref(), Some("go1.5"));
        assert_eq!(version("go1.05").as_deref(), Some("go1.5"));
        assert_eq!(version("mygo1.7 && go1.3").as_deref(), Some("go1.7"));
        assert_eq!(version("go1.21rc1"), None);
        assert_eq!(version("go1."), None);
        assert_eq!(version("go2.1"), None);
        assert_eq!(version("!(!go1.9)").as_deref(), Some("go1.9"));
        assert_eq!(version("go1").as_deref(), Some("go1"));
        assert_eq!(version("go1.0").as_deref(), Some("go1"));
        assert_eq!(version("linux || go1.22"), None);
        assert_eq!(version("!go1.22"), None);
        assert_eq!(
            version("(linux && go1.22) || (windows && go1.20)").as_deref(),
            Some("go1.20")
        );
        assert_eq!(version("!(!go1.2 || !go1.4)").as_deref(), Some("go1.4"));
        assert_eq!(
            version("go1.9223372036854775807").as_deref(),
            Some("go1.9223372036854775807")
        );
        assert_eq!(version("go1.9223372036854775808"), None);
        assert_eq!(version("go1.2go1.3"), None);
    }

    #[test]
    fn atoi_like_go() {
        assert_eq!(atoi("12"), Some(12));
        assert_eq!(atoi("+3"), Some(3));
        assert_eq!(atoi("-3"), Some(-3));
        assert_eq!(atoi("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(atoi("9223372036854775808"), None);
        assert_eq!(atoi(""), None);
        assert_eq!(atoi("-"), None);
        assert_eq!(atoi("1_000"), None);
        assert_eq!(atoi("٣"), None);
    }
}
