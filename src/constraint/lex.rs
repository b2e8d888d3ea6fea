//! Tokeniser for the `//go:build` expression language, built from nom combinators.
//!
//! Tokens are `(`, `)`, `!`, `&&`, `||` and tags; only ASCII space and tab separate them. Go lexes
//! lazily (one token of lookahead), so a bad character is only reported once the parser reaches
//! it: `a b &` fails with `unexpected token b`, not with the `&`. To keep that order, this module
//! lexes one token at a time on demand instead of tokenising the whole line up front.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::combinator::{map, value};
use nom::IResult;

use super::chars::is_tag_char;
use super::{Span, SyntaxError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok<'a> {
    LParen,
    RParen,
    Bang,
    AndAnd,
    OrOr,
    Tag(&'a str),
    /// End of input; its span is empty and sits at the end of the text.
    End,
}

impl Tok<'_> {
    /// The token's source text, as Go quotes it in `unexpected token X`.
    pub(super) fn text(&self) -> &str {
        match self {
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::Bang => "!",
            Tok::AndAnd => "&&",
            Tok::OrOr => "||",
            Tok::Tag(name) => name,
            Tok::End => "",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token<'a> {
    pub(super) tok: Tok<'a>,
    pub(super) span: Span,
}

fn blanks(input: &str) -> IResult<&str, &str, ()> {
    take_while(|c| c == ' ' || c == '\t')(input)
}

fn token_kind(input: &str) -> IResult<&str, Tok<'_>, ()> {
    alt((
        value(Tok::AndAnd, tag("&&")),
        value(Tok::OrOr, tag("||")),
        value(Tok::LParen, tag("(")),
        value(Tok::RParen, tag(")")),
        value(Tok::Bang, tag("!")),
        map(take_while1(is_tag_char), Tok::Tag),
    ))(input)
}

/// Lexes the token that starts at or after byte `at` of `src` (`at` is always a char boundary:
/// it is 0 or the end of a previous token).
pub(super) fn next_token(src: &str, at: usize) -> Result<Token<'_>, SyntaxError> {
    let rest = src.get(at..).unwrap_or("");
    let rest = match blanks(rest) {
        Ok((rest, _)) => rest,
        Err(_) => rest, // take_while never fails; keep the input as is if it somehow did
    };
    let start = src.len() - rest.len();
    if rest.is_empty() {
        return Ok(Token {
            tok: Tok::End,
            span: Span::new(start, start),
        });
    }
    match token_kind(rest) {
        Ok((after, tok)) => Ok(Token {
            tok,
            span: Span::new(start, src.len() - after.len()),
        }),
        // A lone `&` or `|` lands here too: Go reports it with the same wording as any other
        // stray character, naming the (whole, possibly multi-byte) character.
        Err(_) => {
            let bad = rest.chars().next().unwrap_or('\u{fffd}');
            Err(SyntaxError::new(start, format!("invalid syntax at {bad}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(src: &str) -> Result<Vec<(Tok<'_>, usize, usize)>, SyntaxError> {
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            let t = next_token(src, at)?;
            out.push((t.tok, t.span.start, t.span.end));
            if t.tok == Tok::End {
                return Ok(out);
            }
            at = t.span.end;
        }
    }

    #[test]
    fn tokens_and_spans() {
        assert_eq!(
            all(" !(a.b&&c_1)||\t٣ ").unwrap(),
            vec![
                (Tok::Bang, 1, 2),
                (Tok::LParen, 2, 3),
                (Tok::Tag("a.b"), 3, 6),
                (Tok::AndAnd, 6, 8),
                (Tok::Tag("c_1"), 8, 11),
                (Tok::RParen, 11, 12),
                (Tok::OrOr, 12, 14),
                (Tok::Tag("٣"), 15, 17),
                (Tok::End, 18, 18),
            ]
        );
    }

    #[test]
    fn bad_characters() {
        let err = |s| all(s).unwrap_err();
        assert_eq!(err("a & b"), SyntaxError::new(2, "invalid syntax at &"));
        assert_eq!(err("a |"), SyntaxError::new(2, "invalid syntax at |"));
        assert_eq!(err("&|"), SyntaxError::new(0, "invalid syntax at &"));
        assert_eq!(err("a\rb"), SyntaxError::new(1, "invalid syntax at \r"));
        assert_eq!(
            err("é\u{a0}"),
            SyntaxError::new(2, "invalid syntax at \u{a0}")
        );
        assert_eq!(
            err("\u{fffd}"),
            SyntaxError::new(0, "invalid syntax at \u{fffd}")
        );
        assert_eq!(err("aⅫ"), SyntaxError::new(1, "invalid syntax at Ⅻ"));
    }
}
