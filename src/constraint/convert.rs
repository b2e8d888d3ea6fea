//! Conversions Go offers on a parsed expression: `PlusBuildLines` (the `// +build` lines that
//! `gofmt` and `go vet` expect next to a `//go:build` line) and `GoVersion` (the minimum Go
//! version an expression implies, which the compiler uses as the file's language version).

use super::{Expr, Span, SyntaxError, TOO_COMPLEX};

impl Expr {
    /// Go's `PlusBuildLines`: one or more `// +build ...` lines equivalent to this expression.
    ///
    /// Fails with `expression too complex for // +build lines` when, after pushing negations down
    /// to the tags, some part is not an AND of ORs of ANDs of (possibly negated) tags. Go gives no
    /// offset for this error; ours is the start of the offending sub-expression.
    pub fn plus_build_lines(&self) -> Result<Vec<String>, SyntaxError> {
        let x = push_not(self, false);
        // An AND of ORs of ANDs of literals.
        let mut split: Vec<Vec<Vec<&Expr>>> = Vec::new();
        for or in split_and(&x) {
            let mut ands = Vec::new();
            for and in split_or(or) {
                let lits = split_and(and);
                if let Some(bad) = lits
                    .iter()
                    .find(|l| !matches!(l, Expr::Tag { .. } | Expr::Not { .. }))
                {
                    return Err(SyntaxError::new(bad.span().start, TOO_COMPLEX));
                }
                ands.push(lits);
            }
            split.push(ands);
        }

        // With no real OR anywhere, one line with a single comma-joined clause says it all.
        if split.iter().all(|ors| ors.len() <= 1) {
            let lits: Vec<&Expr> = split.into_iter().flatten().flatten().collect();
            split = vec![vec![lits]];
        }

        Ok(split
            .iter()
            .map(|ors| {
                let mut line = String::from("// +build");
                for and in ors {
                    let clause: Vec<String> = and.iter().map(|lit| lit.to_string()).collect();
                    line.push(' ');
                    line.push_str(&clause.join(","));
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

/// Rewrites `x` (negated if `negate`) so that only tags are negated, by De Morgan's laws.
/// A `!tag` that needs no change is kept as is; `!!tag` becomes `tag`.
fn push_not(x: &Expr, negate: bool) -> Expr {
    match x {
        Expr::Not { expr, .. } => {
            if !negate && matches!(**expr, Expr::Tag { .. }) {
                x.clone()
            } else {
                push_not(expr, !negate)
            }
        }
        Expr::Tag { span, .. } => {
            if negate {
                Expr::Not {
                    expr: Box::new(x.clone()),
                    span: *span,
                }
            } else {
                x.clone()
            }
        }
        Expr::And { left, right, span } => {
            let (l, r) = (push_not(left, negate), push_not(right, negate));
            binary(!negate, l, r, *span)
        }
        Expr::Or { left, right, span } => {
            let (l, r) = (push_not(left, negate), push_not(right, negate));
            binary(negate, l, r, *span)
        }
    }
}

/// `l && r` if `and`, else `l || r`, keeping the span of the node it was derived from.
fn binary(and: bool, l: Expr, r: Expr, span: Span) -> Expr {
    let (left, right) = (Box::new(l), Box::new(r));
    if and {
        Expr::And { left, right, span }
    } else {
        Expr::Or { left, right, span }
    }
}

fn split_and(x: &Expr) -> Vec<&Expr> {
    let mut out = Vec::new();
    let mut stack = vec![x];
    // Depth-first, left operand first, so the parts come out in source order.
    while let Some(x) = stack.pop() {
        match x {
            Expr::And { left, right, .. } => {
                stack.push(right);
                stack.push(left);
            }
            other => out.push(other),
        }
    }
    out
}

fn split_or(x: &Expr) -> Vec<&Expr> {
    let mut out = Vec::new();
    let mut stack = vec![x];
    while let Some(x) = stack.pop() {
        match x {
            Expr::Or { left, right, .. } => {
                stack.push(right);
                stack.push(left);
            }
            other => out.push(other),
        }
    }
    out
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

    fn lines(s: &str) -> Result<Vec<String>, String> {
        parse_go_build(s)
            .unwrap()
            .plus_build_lines()
            .map_err(|e| e.message)
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
        assert_eq!(lines("a || (b && (c || d))").unwrap_err(), TOO_COMPLEX);
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
