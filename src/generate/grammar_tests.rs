//! Checks every machine-readable example in `grammar/go-generate.ebnf` against the
//! implementation (the examples were checked with go1.23's `go generate -n`).

use super::expand::expand;
use super::split::split_words;
use crate::syntax::generate::is_go_generate;

const GRAMMAR: &str = include_str!("../../grammar/go-generate.ebnf");

fn literal(s: &str) -> Vec<u8> {
    crate::go::literal::unquote(s.trim().as_bytes())
        .ok()
        .unwrap_or_else(|| panic!("bad literal {s}"))
}

fn string_list(s: &str) -> Vec<Vec<u8>> {
    let inner = s
        .trim()
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or_else(|| panic!("bad list {s}"));
    let mut out = Vec::new();
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let mut j = i + 1;
            while b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push(literal(&inner[i..=j]));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn grammar_examples_hold() {
    let mut counts = std::collections::BTreeMap::new();
    for l in GRAMMAR.lines() {
        let Some(l) = l.strip_prefix("(* ").and_then(|l| l.strip_suffix(" *)")) else {
            continue;
        };
        let Some((kind, rest)) = l.split_once(": ") else {
            continue;
        };
        let (lhs, rhs) = match rest.split_once(" => ") {
            Some(x) => x,
            None if rest.starts_with("=> ") => ("", &rest[3..]),
            None => continue,
        };
        match kind {
            "directive" => {
                let want = rhs.trim() == "true";
                assert_eq!(is_go_generate(&literal(lhs)), want, "directive: {lhs}");
            }
            "words" => {
                let got = split_words(lhs.as_bytes());
                match rhs.strip_prefix("error ") {
                    Some(msg) => assert_eq!(
                        got.map_err(|e| e.message()),
                        Err(msg.trim()),
                        "words: {lhs}"
                    ),
                    None => assert_eq!(got, Ok(string_list(rhs)), "words: {lhs}"),
                }
            }
            "expand" => {
                let mut lookup = |n: &[u8]| -> Vec<u8> {
                    match n {
                        b"GOFILE" => b"a.go".to_vec(),
                        b"GOLINE" => b"3".to_vec(),
                        b"GOPACKAGE" => b"p".to_vec(),
                        b"GOOS" => b"linux".to_vec(),
                        b"GOARCH" => b"amd64".to_vec(),
                        b"DOLLAR" => b"$".to_vec(),
                        _ => Vec::new(),
                    }
                };
                assert_eq!(
                    expand(lhs.as_bytes(), &mut lookup),
                    literal(rhs),
                    "expand: {lhs}"
                );
            }
            _ => continue,
        }
        *counts.entry(kind).or_insert(0) += 1;
    }
    assert!(counts.get("directive") >= Some(&6), "{counts:?}");
    assert!(counts.get("words") >= Some(&13), "{counts:?}");
    assert!(counts.get("expand") >= Some(&11), "{counts:?}");
}
