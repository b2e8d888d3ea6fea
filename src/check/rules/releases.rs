//! The Go releases a module supports, for GT209 and GT505: the releases the run evaluates
//! when they were configured (`--go 1.22,1.27`, gotags.toml `[matrix] go`), else from its
//! go.mod `go` line up (every later release sets the same `go1.N` tags and more); and what
//! assuming a release tag true does to a constraint.

use crate::check::rule::FileInput;
use crate::constraint::Expr;

/// The minor number of the module's `go` line (`go 1.21.3` → 21); `None` without a line (or
/// one that does not parse, or not Go 1.x): then nothing is assumed.
pub fn module_minor(input: &FileInput) -> Option<u32> {
    let go = input.module.go.as_deref()?;
    match crate::go::release::parse_version(go)? {
        (1, minor, _) if minor > 0 => Some(minor),
        _ => None,
    }
}

/// The releases a module supports, as minor numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Supported {
    /// Its go line, 1.N, and every later release.
    FromGoLine(u32),
    /// Exactly the releases the run was configured to evaluate, ascending (never empty).
    Listed(Vec<u32>),
}

impl Supported {
    /// The oldest supported release.
    pub fn oldest(&self) -> u32 {
        match self {
            Supported::FromGoLine(n) => *n,
            Supported::Listed(l) => l.first().copied().unwrap_or(0),
        }
    }

    /// Where the finding says the set came from: `the module's go line is 1.21`, `the
    /// configured releases are 1.22, 1.27`.
    pub fn why(&self) -> String {
        match self {
            Supported::FromGoLine(n) => format!("the module's go line is 1.{n}"),
            Supported::Listed(l) => {
                let names: Vec<String> = l.iter().map(|m| format!("1.{m}")).collect();
                format!("the configured releases are {}", names.join(", "))
            }
        }
    }
}

/// The releases the configurations of the run carry, ascending, when a list was configured
/// (each configuration then names its release); empty when the run evaluates the selected
/// release alone.
pub fn configured(input: &FileInput) -> Vec<u32> {
    let mut out: Vec<u32> = input
        .platforms
        .configs
        .iter()
        .filter_map(|c| c.go.map(|r| r.minor))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The releases the module supports: the configured list, else its go line and later; `None`
/// with neither (nothing is assumed then).
pub fn supported(input: &FileInput) -> Option<Supported> {
    let listed = configured(input);
    if !listed.is_empty() {
        return Some(Supported::Listed(listed));
    }
    module_minor(input).map(Supported::FromGoLine)
}

/// `go1.N` with N ≥ 1 (no leading zero): the N, else `None`.
pub fn release_tag(tag: &str) -> Option<u32> {
    let n = tag.strip_prefix("go1.")?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
        return None;
    }
    n.parse().ok()
}

/// An expression after some tags were fixed: a constant, or what remains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Simplified {
    Const(bool),
    Expr(Expr),
}

/// `e` with every tag for which `known` gives a value replaced by it, folded.
pub fn assume(e: &Expr, known: &dyn Fn(&str) -> Option<bool>) -> Simplified {
    match e {
        Expr::Tag { name, .. } => match known(name) {
            Some(v) => Simplified::Const(v),
            None => Simplified::Expr(e.clone()),
        },
        Expr::Not { expr, span } => match assume(expr, known) {
            Simplified::Const(v) => Simplified::Const(!v),
            Simplified::Expr(x) => Simplified::Expr(Expr::not(span.start, x)),
        },
        Expr::And { left, right, .. } => match (assume(left, known), assume(right, known)) {
            (Simplified::Const(false), _) | (_, Simplified::Const(false)) => {
                Simplified::Const(false)
            }
            (Simplified::Const(true), x) | (x, Simplified::Const(true)) => x,
            (Simplified::Expr(l), Simplified::Expr(r)) => Simplified::Expr(Expr::and(l, r)),
        },
        Expr::Or { left, right, .. } => match (assume(left, known), assume(right, known)) {
            (Simplified::Const(true), _) | (_, Simplified::Const(true)) => Simplified::Const(true),
            (Simplified::Const(false), x) | (x, Simplified::Const(false)) => x,
            (Simplified::Expr(l), Simplified::Expr(r)) => Simplified::Expr(Expr::or(l, r)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constraint::parse_line;

    fn simplify(line: &str) -> String {
        let e = parse_line(line).expect("parses");
        match assume(&e, &|t| release_tag(t).filter(|&n| n <= 21).map(|_| true)) {
            Simplified::Const(v) => v.to_string(),
            Simplified::Expr(x) => x.to_string(),
        }
    }

    #[test]
    fn release_tags_fold_away() {
        assert_eq!(simplify("//go:build go1.18"), "true");
        assert_eq!(simplify("//go:build go1.18 && linux"), "linux");
        assert_eq!(simplify("//go:build linux || !go1.21"), "linux");
        assert_eq!(simplify("//go:build !go1.18"), "false");
        assert_eq!(simplify("//go:build go1.22 && (go1.20 || cgo)"), "go1.22");
        assert_eq!(release_tag("go1.021"), None);
        assert_eq!(release_tag("go1.5"), Some(5));
    }
}
