//! The legacy `// +build` language: white-space separated clauses are ORed, comma separated
//! literals inside a clause are ANDed, a literal is `tag` or `!tag`. Malformed literals do not
//! fail; Go turns them into the tag `ignore`, and so do we. The only error is Go's limit of 100
//! operators per line.

use nom::bytes::complete::{tag, take_while, take_while1};
use nom::multi::{many0, separated_list1};
use nom::sequence::{preceded, terminated};
use nom::IResult;

use super::chars::is_valid_tag;
use super::{Expr, Span, SyntaxError, TOO_COMPLEX};

/// Go's `maxOldSize`: AND/OR operators allowed in one `+build` line.
const MAX_OPERATORS: usize = 100;

/// Where a piece of the input starts, as a byte offset into the full expression text.
type Piece<'a> = (usize, &'a str);

/// Wraps `inner` so it also yields where its match starts: `base` is the offset of the text being
/// split within the expression text and `len` that text's length.
fn located<'a>(
    base: usize,
    len: usize,
    mut inner: impl FnMut(&'a str) -> IResult<&'a str, &'a str, ()>,
) -> impl FnMut(&'a str) -> IResult<&'a str, Piece<'a>, ()> {
    move |i: &'a str| {
        let at = base + len - i.len();
        let (rest, matched) = inner(i)?;
        Ok((rest, (at, matched)))
    }
}

/// Splits `text` like Go's `strings.Fields` (Unicode white space, the same set Rust's
/// `char::is_whitespace` uses), keeping each field's offset.
fn fields(text: &str) -> IResult<&str, Vec<Piece<'_>>, ()> {
    let space = take_while(char::is_whitespace);
    let field = located(0, text.len(), take_while1(|c: char| !c.is_whitespace()));
    preceded(
        take_while(char::is_whitespace),
        many0(terminated(field, space)),
    )(text)
}

/// Splits one field on `,` like Go's `strings.Split`: empty literals are kept (`a,` has two).
/// `base` is the field's offset in the expression text.
fn literals(field: &str, base: usize) -> IResult<&str, Vec<Piece<'_>>, ()> {
    let literal = located(base, field.len(), take_while(|c| c != ','));
    separated_list1(tag(","), literal)(field)
}

/// One literal, turned into a tag or a negated tag the way Go does it.
fn literal_expr((at, lit): Piece<'_>) -> Expr {
    let whole = Span::new(at, at + lit.len());
    // `!!x` and a bare `!` are not negations: the whole literal becomes `ignore`.
    if lit.starts_with("!!") || lit == "!" {
        return Expr::tag("ignore", whole);
    }
    let (negated, name, name_at) = match lit.strip_prefix('!') {
        Some(rest) => (true, rest, at + 1),
        None => (false, lit, at),
    };
    let name_span = Span::new(name_at, name_at + name.len());
    // An invalid tag is replaced, not rejected, so `!a-b` is `!ignore` and therefore true.
    let x = if is_valid_tag(name) {
        Expr::tag(name, name_span)
    } else {
        Expr::tag("ignore", name_span)
    };
    if negated {
        Expr::not(at, x)
    } else {
        x
    }
}

/// Parses the text of a `// +build` line (as returned by
/// [`plus_build_expr`](super::plus_build_expr)). An empty line means the tag `ignore` (with an
/// empty span at 0).
///
/// Go reports the 101st operator as a plain error without an offset; ours points at the clause
/// or literal whose joining went over the limit.
pub fn parse_plus_build(expr_text: &str) -> Result<Expr, SyntaxError> {
    parse_plus_build_within(expr_text, MAX_OPERATORS)
}

/// [`parse_plus_build`] as Go 1.21 parsed: no operator limit (up to gotags' own bound, which
/// keeps the expression tree within a thread's stack).
pub fn parse_plus_build_unlimited(expr_text: &str) -> Result<Expr, SyntaxError> {
    parse_plus_build_within(expr_text, super::parse::UNLIMITED_BOUND)
}

fn parse_plus_build_within(expr_text: &str, max_operators: usize) -> Result<Expr, SyntaxError> {
    // Neither splitter can fail; an empty list would only mean the `ignore` default below.
    let clauses = fields(expr_text).map(|(_, f)| f).unwrap_or_default();
    let mut operators = 0usize;
    let mut count = |at: usize| {
        operators += 1;
        if operators > max_operators {
            Err(SyntaxError::new(at, TOO_COMPLEX))
        } else {
            Ok(())
        }
    };
    let mut result: Option<Expr> = None;
    for (field_at, field) in clauses {
        let lits = literals(field, field_at)
            .map(|(_, l)| l)
            .unwrap_or_default();
        let mut clause: Option<Expr> = None;
        for piece in lits {
            let z = literal_expr(piece);
            clause = Some(match clause {
                None => z,
                Some(y) => {
                    count(piece.0)?;
                    Expr::and(y, z)
                }
            });
        }
        let Some(y) = clause else { continue };
        result = Some(match result {
            None => y,
            Some(x) => {
                count(field_at)?;
                Expr::or(x, y)
            }
        });
    }
    Ok(result.unwrap_or_else(|| Expr::tag("ignore", Span::new(0, 0))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        parse_plus_build(s).expect(s).to_string()
    }

    #[test]
    fn spec_table() {
        assert_eq!(show("linux darwin"), "linux || darwin");
        assert_eq!(
            show("linux,amd64 darwin,!cgo"),
            "(linux && amd64) || (darwin && !cgo)"
        );
        assert_eq!(show("!!linux"), "ignore");
        assert_eq!(show("!"), "ignore");
        assert_eq!(show("linux,"), "linux && ignore");
        assert_eq!(show(",linux"), "ignore && linux");
        assert_eq!(show(","), "ignore && ignore");
        assert_eq!(show("a-b"), "ignore");
        assert_eq!(show("linux !a-b"), "linux || !ignore");
        assert_eq!(show(""), "ignore");
        assert_eq!(show("a\u{a0}b\u{3000}c"), "a || b || c");
        assert_eq!(show("!é_ü,٣"), "!é_ü && ٣");
        assert_eq!(show("Ⅻ"), "ignore");
    }

    #[test]
    fn spans() {
        let x = parse_plus_build("a,!b-c  !!d").unwrap();
        let Expr::Or { left, right, span } = &x else {
            panic!("{x:?}")
        };
        assert_eq!(*span, Span::new(0, 11));
        assert_eq!(right.span(), Span::new(8, 11)); // `!!d` -> ignore, whole literal
        let Expr::And {
            left: a, right: nb, ..
        } = &**left
        else {
            panic!("{left:?}")
        };
        assert_eq!(a.span(), Span::new(0, 1));
        assert_eq!(nb.span(), Span::new(2, 6));
        let Expr::Not { expr, .. } = &**nb else {
            panic!("{nb:?}")
        };
        // The invalid tag is replaced by `ignore` spanning the text it replaces.
        assert_eq!(**expr, Expr::tag("ignore", Span::new(3, 6)));
        // Empty literal: empty span where it would have been.
        let y = parse_plus_build("a,").unwrap();
        let Expr::And { right, .. } = &y else {
            panic!("{y:?}")
        };
        assert_eq!(right.span(), Span::new(2, 2));
    }

    #[test]
    fn operator_limit() {
        let terms = |n: usize| vec!["a"; n].join(" ");
        assert!(parse_plus_build(&terms(101)).is_ok());
        let e = parse_plus_build(&terms(102)).unwrap_err();
        assert_eq!(e.message, TOO_COMPLEX);
        assert_eq!(e.offset, 202);
        // ANDs and ORs share one budget.
        let mixed = format!("{} b,c", vec!["a"; 100].join(","));
        assert_eq!(parse_plus_build(&mixed).unwrap_err().message, TOO_COMPLEX);
        assert!(parse_plus_build(&format!("{} b", vec!["a"; 100].join(","))).is_ok());
    }
}
