//! Checks every machine-readable example in `grammar/embed-patterns.ebnf` against the
//! implementation (the examples themselves were checked with go1.23).

use super::names::valid_embed_pattern;
use super::pathmatch::{match_bytes, PatternSyntaxError};
use super::scan::parse_args;

const GRAMMAR: &str = include_str!("../../grammar/embed-patterns.ebnf");

/// Splits off one token: a Go double-quoted string, or a run of non-space characters.
fn token(s: &str) -> (Vec<u8>, &str) {
    let s = s.trim_start();
    if s.starts_with('"') {
        let b = s.as_bytes();
        let mut i = 1;
        while i < b.len() && b[i] != b'"' {
            i += if b[i] == b'\\' { 2 } else { 1 };
        }
        let end = (i + 1).min(b.len());
        let v = crate::go::literal::unquote(&b[..end])
            .ok()
            .unwrap_or_else(|| panic!("bad literal in {s}"));
        (v, &s[end..])
    } else {
        let end = s.find(char::is_whitespace).unwrap_or(s.len());
        (s.as_bytes()[..end].to_vec(), &s[end..])
    }
}

fn examples() -> Vec<(&'static str, &'static str)> {
    GRAMMAR
        .lines()
        .filter_map(|l| l.strip_prefix("(* ")?.strip_suffix(" *)"))
        .filter_map(|l| {
            let (kind, rest) = l.split_once(": ")?;
            matches!(
                kind,
                "match" | "invalid" | "embed-invalid" | "embed-valid" | "args"
            )
            .then_some((kind, rest))
        })
        .collect()
}

#[test]
fn grammar_examples_hold() {
    let ex = examples();
    let mut counts = std::collections::BTreeMap::new();
    for (kind, rest) in ex {
        *counts.entry(kind).or_insert(0) += 1;
        match kind {
            "match" => {
                let (p, r) = token(rest);
                let (n, r) = token(r);
                let want = match r.trim() {
                    "=> true" => true,
                    "=> false" => false,
                    other => panic!("bad match example tail {other:?}"),
                };
                assert_eq!(match_bytes(&p, &n), Ok(want), "match: {rest}");
            }
            "invalid" => {
                let (p, _) = token(rest);
                assert_eq!(
                    match_bytes(&p, b""),
                    Err(PatternSyntaxError),
                    "invalid: {rest}"
                );
                assert_eq!(
                    match_bytes(&p, b"abc"),
                    Err(PatternSyntaxError),
                    "invalid: {rest}"
                );
            }
            "embed-invalid" | "embed-valid" => {
                let (p, _) = token(rest);
                assert_eq!(
                    valid_embed_pattern(&p),
                    kind == "embed-valid",
                    "{kind}: {rest}"
                );
            }
            _ => {
                let (text, want) = rest
                    .rsplit_once("=>")
                    .unwrap_or_else(|| panic!("args without =>: {rest}"));
                let text = text.strip_suffix(' ').unwrap_or(text);
                let got = parse_args(text.as_bytes());
                match want.trim() {
                    "error" => assert!(got.is_err(), "args: {rest} gave {got:?}"),
                    list => {
                        let inner = list
                            .strip_prefix('[')
                            .and_then(|l| l.strip_suffix(']'))
                            .expect("list");
                        let mut want = Vec::new();
                        let mut r = inner.trim();
                        while !r.is_empty() {
                            let (v, rest) = token(r);
                            want.push(v);
                            r = rest
                                .trim_start()
                                .strip_prefix(',')
                                .unwrap_or(rest)
                                .trim_start();
                        }
                        let got: Vec<Vec<u8>> =
                            got.expect("parses").into_iter().map(|(p, _)| p).collect();
                        assert_eq!(got, want, "args: {rest}");
                    }
                }
            }
        }
    }
    // Guard against the extractor silently finding nothing.
    assert!(
        counts["match"] >= 20 && counts["invalid"] >= 10 && counts["args"] >= 10,
        "{counts:?}"
    );
    assert!(
        counts["embed-invalid"] >= 10 && counts["embed-valid"] >= 5,
        "{counts:?}"
    );
}
