//! The `//go:build` expression grammar: `||` over `&&` over `!` over atoms, with Go's error
//! messages, offsets and size limit.
//!
//! Go's recursive-descent parser is deterministic with one token of lookahead, and the order in
//! which it notices problems decides which error (and offset) is reported. We keep that order
//! exactly, but not Go's recursion: an expression may legally nest 999 groups deep, and a
//! recursive parser built from nom combinators needs several kilobytes of stack per level in
//! debug builds, which overflows a 2 MiB thread. So the productions *within* one nesting level
//! are nom parsers over a [`Cursor`] (an operand head: optional `!` then a tag or `(`; and the
//! lookahead after an operand), while nesting is an explicit stack of open groups. Stack use is
//! therefore constant whatever the input.
//!
//! Every syntax error is a nom `Failure`: nothing ever backtracks over a real error. The only
//! recoverable `Error` is "not a `!`" in the optional negation.

use nom::combinator::opt;
use nom::error::{ErrorKind, ParseError};
use nom::sequence::pair;
use nom::{IResult, InputLength};

use super::lex::{next_token, Tok, Token};
use super::{Expr, Span, SyntaxError};

/// Go's `maxSize`: operand positions allowed in one expression. Each group also costs one, so
/// this bounds nesting too.
const MAX_SIZE: usize = 1000;

/// Go 1.21 had no size limit; gotags still stops at this many operand positions so that the
/// expression tree (evaluated and dropped recursively) stays within a thread's stack.
pub(crate) const UNLIMITED_BOUND: usize = 4000;

/// Go's message for an expression over the size limit.
pub(crate) const TOO_LARGE: &str = "build expression too large";

const END_OF_EXPR: &str = "unexpected end of expression";
const MISSING_CLOSE: &str = "missing close paren";

#[derive(Clone, Copy, Debug)]
struct Cursor<'a> {
    src: &'a str,
    /// Where lexing resumes.
    at: usize,
    /// Start of the most recently consumed token; Go reports the size limit there.
    last: usize,
    /// Operand positions seen so far (Go's `size`).
    size: usize,
    /// Operand positions allowed.
    limit: usize,
}

impl InputLength for Cursor<'_> {
    fn input_len(&self) -> usize {
        self.src.len().saturating_sub(self.at)
    }
}

/// Parser error: `Err::Error` carries `None` (the input did not match, try something else);
/// `Err::Failure` carries the syntax error to report.
#[derive(Debug)]
struct Fail(Option<SyntaxError>);

impl<'a> ParseError<Cursor<'a>> for Fail {
    fn from_error_kind(_: Cursor<'a>, _: ErrorKind) -> Self {
        Fail(None)
    }
    fn append(_: Cursor<'a>, _: ErrorKind, other: Self) -> Self {
        other
    }
}

type PResult<'a, O> = IResult<Cursor<'a>, O, Fail>;

fn fail<T>(offset: usize, message: impl Into<String>) -> Result<T, nom::Err<Fail>> {
    Err(nom::Err::Failure(Fail(Some(SyntaxError::new(
        offset, message,
    )))))
}

/// Consumes the next token, whatever it is.
fn token(c: Cursor<'_>) -> PResult<'_, Token<'_>> {
    match next_token(c.src, c.at) {
        Ok(t) => {
            let next = Cursor {
                at: t.span.end,
                last: t.span.start,
                ..c
            };
            Ok((next, t))
        }
        Err(e) => Err(nom::Err::Failure(Fail(Some(e)))),
    }
}

/// Go's operand-size accounting: one unit per operand position, checked before reading it.
fn count_operand(c: Cursor<'_>) -> PResult<'_, ()> {
    let c = Cursor {
        size: c.size + 1,
        ..c
    };
    if c.size > c.limit {
        return fail(c.last, TOO_LARGE);
    }
    Ok((c, ()))
}

/// A `!` token (recoverable error if the next token is something else). Go refuses `!!x` (with
/// or without blanks between) as soon as it sees the second `!`, yet accepts `!(!x)`.
fn bang(c: Cursor<'_>) -> PResult<'_, usize> {
    let (after, t) = token(c)?;
    if t.tok != Tok::Bang {
        return Err(nom::Err::Error(Fail(None)));
    }
    let (_, next) = token(after)?;
    if next.tok == Tok::Bang {
        return fail(next.span.start, "double negation not allowed");
    }
    Ok((after, t.span.start))
}

/// How an operand begins.
enum Head {
    /// A tag, already wrapped in the `!` if there was one.
    Operand(Expr),
    /// A `(` at `open`; `negated_at` is the position of a `!` in front of it.
    Open {
        open: usize,
        negated_at: Option<usize>,
    },
}

/// `Unary = [ "!" ] Atom`, up to the start of the atom: a whole tag, or just the `(` of a group.
fn operand_head(c: Cursor<'_>) -> PResult<'_, Head> {
    let (c, (_, negated_at)) = pair(count_operand, opt(bang))(c)?;
    let (c, t) = token(c)?;
    match t.tok {
        Tok::Tag(name) => {
            let x = Expr::tag(name, t.span);
            Ok((c, Head::Operand(negate(negated_at, x))))
        }
        Tok::LParen => Ok((
            c,
            Head::Open {
                open: t.span.start,
                negated_at,
            },
        )),
        Tok::End => fail(t.span.start, END_OF_EXPR),
        other => fail(t.span.start, format!("unexpected token {}", other.text())),
    }
}

fn end_to_missing_close(mut err: SyntaxError) -> SyntaxError {
    if err.message == END_OF_EXPR {
        err.message = MISSING_CLOSE.to_string();
    }
    err
}

fn negate(negated_at: Option<usize>, x: Expr) -> Expr {
    match negated_at {
        Some(at) => Expr::not(at, x),
        None => x,
    }
}

/// One nesting level under construction: `ors || ands && ...`, as in Go's `or`/`and` loops.
struct Level {
    /// The `(` that opened this level and a `!` before it; `None` for the top level.
    group: Option<(usize, Option<usize>)>,
    /// Completed `||` operands folded so far.
    ors: Option<Expr>,
    /// Current `&&` chain.
    ands: Option<Expr>,
}

impl Level {
    fn new(group: Option<(usize, Option<usize>)>) -> Level {
        Level {
            group,
            ors: None,
            ands: None,
        }
    }

    fn push_and(&mut self, x: Expr) {
        self.ands = Some(match self.ands.take() {
            Some(l) => Expr::and(l, x),
            None => x,
        });
    }

    fn close_and(&mut self) {
        if let Some(y) = self.ands.take() {
            self.ors = Some(match self.ors.take() {
                Some(l) => Expr::or(l, y),
                None => y,
            });
        }
    }
}

/// The driver: reads operand heads and lookaheads with the nom parsers above, keeping open groups
/// on `levels`.
fn expression(mut c: Cursor<'_>) -> Result<Expr, nom::Err<Fail>> {
    let mut levels = vec![Level::new(None)];
    loop {
        // Read one operand; a `(` opens a level and the operand is read inside it.
        let inside_group = levels.len() > 1;
        let (next, head) = operand_head(c).map_err(|e| {
            if inside_group {
                // Go reports running out of input inside a group as the group's fault, at the
                // place where the input ran out.
                e.map(|Fail(err)| Fail(err.map(end_to_missing_close)))
            } else {
                e
            }
        })?;
        c = next;
        let mut x = match head {
            Head::Operand(x) => x,
            Head::Open { open, negated_at } => {
                levels.push(Level::new(Some((open, negated_at))));
                continue;
            }
        };
        // Attach it, then let the lookahead decide: continue this level, close groups, or stop.
        loop {
            let Some(level) = levels.last_mut() else {
                return fail(0, END_OF_EXPR); // unreachable: the top level is never popped
            };
            level.push_and(x);
            let (next, t) = token(c)?;
            match t.tok {
                Tok::AndAnd => {
                    c = next;
                    break;
                }
                Tok::OrOr => {
                    level.close_and();
                    c = next;
                    break;
                }
                _ => {}
            }
            level.close_and();
            let done = level.ors.take();
            let Some((open, negated_at)) = level.group else {
                // The top level must end at the end of input; anything else is left over.
                return match (done, t.tok) {
                    (Some(done), Tok::End) => Ok(done),
                    (_, other) => fail(t.span.start, format!("unexpected token {}", other.text())),
                };
            };
            let Some(done) = done else {
                return fail(open, MISSING_CLOSE); // unreachable: push_and always left an operand
            };
            if t.tok != Tok::RParen {
                return fail(open, MISSING_CLOSE);
            }
            c = next;
            levels.pop();
            x = negate(negated_at, done.with_span(Span::new(open, t.span.end)));
        }
    }
}

/// Parses a `//go:build` expression (the text after `//go:build`, as returned by
/// [`go_build_expr`](super::go_build_expr)), with Go's error messages and byte offsets.
pub fn parse_go_build(expr_text: &str) -> Result<Expr, SyntaxError> {
    parse_go_build_within(expr_text, MAX_SIZE)
}

/// [`parse_go_build`] as Go 1.21 parsed: no size limit (up to gotags' [`UNLIMITED_BOUND`]).
pub fn parse_go_build_unlimited(expr_text: &str) -> Result<Expr, SyntaxError> {
    parse_go_build_within(expr_text, UNLIMITED_BOUND)
}

fn parse_go_build_within(expr_text: &str, limit: usize) -> Result<Expr, SyntaxError> {
    let start = Cursor {
        src: expr_text,
        at: 0,
        last: 0,
        size: 0,
        limit,
    };
    match expression(start) {
        Ok(x) => Ok(x),
        Err(nom::Err::Failure(Fail(Some(e)))) | Err(nom::Err::Error(Fail(Some(e)))) => Err(e),
        // Every path that gives up does so with a message; this is a safety net, not a result.
        Err(_) => Err(SyntaxError::new(0, END_OF_EXPR)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> (usize, String) {
        let e = parse_go_build(s).expect_err(s);
        (e.offset, e.message)
    }

    fn ok(s: &str) -> String {
        parse_go_build(s).expect(s).to_string()
    }

    #[test]
    fn precedence_and_associativity() {
        assert_eq!(ok("a && b || c"), "(a && b) || c");
        assert_eq!(ok("a || b && c"), "a || (b && c)");
        assert_eq!(ok("!a && b"), "!a && b");
        assert_eq!(ok("!(a && b)"), "!(a && b)");
        assert_eq!(ok("! x"), "!x");
        assert_eq!(ok("!(!x)"), "!!x");
        let x = parse_go_build("a || b || c").unwrap();
        // Left-associative: (a || b) || c.
        match x {
            Expr::Or { left, .. } => assert!(matches!(*left, Expr::Or { .. })),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn spec_error_table() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 0, "unexpected end of expression"),
            ("a &&", 4, "unexpected end of expression"),
            ("(a", 0, "missing close paren"),
            ("(a b)", 0, "missing close paren"),
            ("a)", 1, "unexpected token )"),
            ("()", 1, "unexpected token )"),
            ("a b", 2, "unexpected token b"),
            ("a !b", 2, "unexpected token !"),
            ("a && && b", 5, "unexpected token &&"),
            ("!", 1, "unexpected end of expression"),
            ("! !a", 2, "double negation not allowed"),
            ("!!a", 1, "double negation not allowed"),
            ("a & b", 2, "invalid syntax at &"),
            ("a | b", 2, "invalid syntax at |"),
            ("a,b", 1, "invalid syntax at ,"),
            ("a-b", 1, "invalid syntax at -"),
            ("a // c", 2, "invalid syntax at /"),
        ];
        for &(src, off, msg) in cases {
            assert_eq!(err(src), (off, msg.to_string()), "{src:?}");
        }
    }

    #[test]
    fn errors_inside_groups() {
        // End of input inside a group becomes "missing close paren" at the place input ended.
        assert_eq!(err("(a &&"), (5, MISSING_CLOSE.into()));
        assert_eq!(err("("), (1, MISSING_CLOSE.into()));
        assert_eq!(err("((a)"), (0, MISSING_CLOSE.into()));
        assert_eq!(err("(!"), (2, MISSING_CLOSE.into()));
        // Other errors inside a group are kept as they are.
        assert_eq!(err("(!!a)"), (2, "double negation not allowed".into()));
        assert_eq!(err("(a &)"), (3, "invalid syntax at &".into()));
        assert_eq!(err("(a))"), (3, "unexpected token )".into()));
        // The first problem in reading order wins, even if a later character is invalid.
        assert_eq!(err("a b &"), (2, "unexpected token b".into()));
    }

    #[test]
    fn size_limit() {
        let ors = |n: usize| vec!["a"; n].join(" || ");
        assert!(parse_go_build(&ors(1000)).is_ok());
        // Reported at the last token consumed before the 1001st operand: its `||`.
        assert_eq!(err(&ors(1001)), (4997, "build expression too large".into()));
        let nest = |n: usize| format!("{}a{}", "(".repeat(n), ")".repeat(n));
        assert!(parse_go_build(&nest(999)).is_ok());
        assert_eq!(err(&nest(1000)), (999, "build expression too large".into()));
        // `!` does not cost a unit of its own.
        let negs = |n: usize| format!("{}a{}", "!(".repeat(n), ")".repeat(n));
        assert!(parse_go_build(&negs(999)).is_ok());
    }

    #[test]
    fn spans() {
        let src = "!(a && b) || c";
        let x = parse_go_build(src).unwrap();
        assert_eq!(x.span(), Span::new(0, 14));
        let Expr::Or { left, right, .. } = &x else {
            panic!("{x:?}")
        };
        assert_eq!(left.span(), Span::new(0, 9));
        assert_eq!(right.span(), Span::new(13, 14));
        let Expr::Not { expr, .. } = &**left else {
            panic!("{left:?}")
        };
        // The group's node covers its parentheses.
        assert_eq!(expr.span(), Span::new(1, 9));
        let Expr::And {
            left: a, right: b, ..
        } = &**expr
        else {
            panic!("{expr:?}")
        };
        assert_eq!((a.span(), b.span()), (Span::new(2, 3), Span::new(7, 8)));
        let y = parse_go_build("  ((x))  ").unwrap();
        assert_eq!(y.span(), Span::new(2, 7));
    }
}
