//! Build constraints (`//go:build` and `// +build` lines), reproducing Go 1.23's
//! `go/build/constraint` package exactly: line recognition, parsing (with Go's error texts and
//! byte offsets), printing, evaluation, and the `PlusBuildLines`/`GoVersion` conversions.
//!
//! This file owns the public data types and the entry points that pick a syntax; each job lives
//! in its own submodule:
//!
//! * `lines`: recognising a comment line as `//go:build` or `// +build` and locating its text;
//! * `chars`: which characters may appear in a tag (`crate::go::unicode`'s `IsLetter`/`IsDigit`);
//! * `lex` and `parse`: the `//go:build` expression language (nom parsers, explicit group stack);
//! * `plus_build`: the legacy `// +build` clause/literal language (also nom);
//! * `print`: Go's `String()` rendering, used by `Display`;
//! * `eval`: evaluation over `bool` or any other [`Truth`] type, and tag listing;
//! * `convert`: `PlusBuildLines` and `GoVersion`.
//!
//! Spans and error offsets are byte offsets into the *expression text* (what [`go_build_expr`] /
//! [`plus_build_expr`] return), never into the whole line; add the returned offset to map them
//! back onto the line.

mod chars;
mod convert;
mod eval;
mod lex;
mod lines;
mod parse;
mod plus_build;
mod print;

#[cfg(test)]
mod grammar_examples;
#[cfg(test)]
pub(crate) mod robustness_tests;

pub use eval::Truth;
pub use lines::{go_build_expr, plus_build_expr};
pub use parse::parse_go_build;
pub use plus_build::parse_plus_build;

/// Byte range within the expression text handed to the parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub(crate) fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// A parsed build constraint.
///
/// Every node records the source text it came from. For a parenthesised operand the span covers
/// the parentheses as well, so `!(a)` is a `Not` over a `Tag` whose span is `(a)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Tag {
        name: String,
        span: Span,
    },
    Not {
        expr: Box<Expr>,
        span: Span,
    },
    And {
        left: Box<Expr>,
        right: Box<Expr>,
        span: Span,
    },
    Or {
        left: Box<Expr>,
        right: Box<Expr>,
        span: Span,
    },
}

impl Expr {
    /// The byte range of this node's source text.
    pub fn span(&self) -> Span {
        match self {
            Expr::Tag { span, .. }
            | Expr::Not { span, .. }
            | Expr::And { span, .. }
            | Expr::Or { span, .. } => *span,
        }
    }

    pub(crate) fn tag(name: &str, span: Span) -> Expr {
        Expr::Tag {
            name: name.to_string(),
            span,
        }
    }

    /// `!x`, spanning from the `!` at `start` to the end of `x`.
    pub(crate) fn not(start: usize, x: Expr) -> Expr {
        let span = Span::new(start, x.span().end);
        Expr::Not {
            expr: Box::new(x),
            span,
        }
    }

    pub(crate) fn and(left: Expr, right: Expr) -> Expr {
        let span = Span::new(left.span().start, right.span().end);
        Expr::And {
            left: Box::new(left),
            right: Box::new(right),
            span,
        }
    }

    pub(crate) fn or(left: Expr, right: Expr) -> Expr {
        let span = Span::new(left.span().start, right.span().end);
        Expr::Or {
            left: Box::new(left),
            right: Box::new(right),
            span,
        }
    }

    /// Replaces this node's span (used to widen a node over its enclosing parentheses).
    pub(crate) fn with_span(mut self, new: Span) -> Expr {
        match &mut self {
            Expr::Tag { span, .. }
            | Expr::Not { span, .. }
            | Expr::And { span, .. }
            | Expr::Or { span, .. } => *span = new,
        }
        self
    }
}

/// A parse failure, mirroring Go's `constraint.SyntaxError`: `offset` is a byte offset into the
/// expression text and `message` is Go's `Err` text, character for character.
///
/// Go reports a few failures as plain errors without an offset (`not a build constraint`,
/// `expression too complex for // +build lines`); for those `offset` is our best location (see
/// the functions returning them) and only `message` is meant to match Go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

impl SyntaxError {
    pub(crate) fn new(offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// Go's message for a line that is neither a `//go:build` nor a `// +build` line.
pub(crate) const NOT_A_CONSTRAINT: &str = "not a build constraint";

/// Go's message when a `+build` line has too many operators, or when an expression cannot be
/// written as `+build` lines.
pub(crate) const TOO_COMPLEX: &str = "expression too complex for // +build lines";

/// Go's `constraint.Parse`: parses one line of either form (no line is both). Offsets in the
/// result are relative to the expression text, as in Go; a line that is neither gives
/// `not a build constraint` at offset 0.
pub fn parse_line(line: &str) -> Result<Expr, SyntaxError> {
    if let Some((text, _)) = go_build_expr(line) {
        return parse_go_build(text);
    }
    if let Some((text, _)) = plus_build_expr(line) {
        return parse_plus_build(text);
    }
    Err(SyntaxError::new(0, NOT_A_CONSTRAINT))
}

/// Whether `e` is one of the size-limit errors Go 1.22 introduced (`build expression too
/// large`, or too many `+build` operators).
pub fn is_size_limit(e: &SyntaxError) -> bool {
    e.message == parse::TOO_LARGE || e.message == TOO_COMPLEX
}

/// [`parse_line`] as Go 1.21 parsed it, without the size limits of
/// `go/build/constraint/expr.go` (`maxSize`, `maxOldSize`, new in 1.22).
pub fn parse_line_unlimited(line: &str) -> Result<Expr, SyntaxError> {
    if let Some((text, _)) = go_build_expr(line) {
        return parse::parse_go_build_unlimited(text);
    }
    if let Some((text, _)) = plus_build_expr(line) {
        return plus_build::parse_plus_build_unlimited(text);
    }
    Err(SyntaxError::new(0, NOT_A_CONSTRAINT))
}
