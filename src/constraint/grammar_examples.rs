//! Runs the executable examples embedded in `grammar/build-constraints.ebnf` (one-line comments
//! of the form `(* KIND: INPUT => EXPECTED *)`; the file's header documents the kinds and the
//! escape/repetition notation). Adding an example to the grammar adds a test case.

use super::{go_build_expr, parse_go_build, parse_line, parse_plus_build, plus_build_expr, Expr};

const GRAMMAR: &str = include_str!("../../grammar/build-constraints.ebnf");

const KINDS: &[&str] = &[
    "example",
    "error",
    "plus-build example",
    "plus-build error",
    "go:build line",
    "+build line",
    "line",
    "plus-build-lines",
    "go-version",
];

struct Example {
    line_no: usize,
    kind: String,
    input: String,
    expected: String,
}

/// Expands `[[TEXT]]*N` repetitions, then the `\s \t \r \n \\ \u{HEX}` escapes; notation
/// the grammar file gets wrong fails the test, naming the grammar line (`at`).
fn expand(raw: &str, at: usize) -> String {
    let bad = |what: &str| -> ! { panic!("line {at}: {what} in {raw:?}") };
    let mut repeated = String::new();
    let mut rest = raw;
    while let Some(open) = rest.find("[[") {
        repeated.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]*").unwrap_or_else(|| bad("unclosed [["));
        let text = &after[..close];
        let count_str = &after[close + 3..];
        let digits = count_str.len()
            - count_str
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let n: usize = count_str[..digits]
            .parse()
            .unwrap_or_else(|_| bad("bad repeat count"));
        repeated.push_str(&text.repeat(n));
        rest = &count_str[digits..];
    }
    repeated.push_str(rest);

    let mut out = String::new();
    let mut chars = repeated.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => out.push(' '),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let ch = hex
                    .strip_prefix('{')
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| bad("bad \\u"));
                out.push(ch);
            }
            other => bad(&format!("bad escape {other:?}")),
        }
    }
    out
}

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    for (i, line) in GRAMMAR.lines().enumerate() {
        let t = line.trim();
        let Some(inner) = t.strip_prefix("(*").and_then(|s| s.strip_suffix("*)")) else {
            continue;
        };
        if !inner.contains(" => ") {
            continue;
        }
        let (kind, rest) = inner
            .trim()
            .split_once(": ")
            .unwrap_or_else(|| panic!("line {}: example without a kind: {t}", i + 1));
        assert!(
            KINDS.contains(&kind),
            "line {}: unknown example kind {kind:?}",
            i + 1
        );
        let (input, expected) = rest.split_once(" => ").unwrap_or(("", ""));
        let expand = |s: &str| expand(s.trim_matches(' '), i + 1);
        out.push(Example {
            line_no: i + 1,
            kind: kind.to_string(),
            input: expand(input),
            expected: expand(expected),
        });
    }
    out
}

fn shown(r: Result<Expr, super::SyntaxError>) -> String {
    match r {
        Ok(x) => x.to_string(),
        Err(e) => format!("error: {}", e.message),
    }
}

fn quoted(text: Option<(&str, usize)>) -> String {
    match text {
        Some((t, _)) => format!("\"{t}\""),
        None => "none".to_string(),
    }
}

fn run(ex: &Example) -> String {
    let input = ex.input.as_str();
    match ex.kind.as_str() {
        "example" => shown(parse_go_build(input)),
        "error" => match parse_go_build(input) {
            Ok(x) => format!("parsed as {x}"),
            Err(e) => format!("{}: {}", e.offset, e.message),
        },
        "plus-build example" => shown(parse_plus_build(input)),
        "plus-build error" => match parse_plus_build(input) {
            Ok(x) => format!("parsed as {x}"),
            Err(e) => e.message,
        },
        "go:build line" => quoted(go_build_expr(input)),
        "+build line" => quoted(plus_build_expr(input)),
        "line" => shown(parse_line(input)),
        "plus-build-lines" => match parse_go_build(input) {
            Err(e) => format!("does not parse: {e}"),
            Ok(x) => match x.plus_build_lines() {
                Ok(lines) => lines.join("; "),
                Err(e) => format!("error: {}", e.message),
            },
        },
        "go-version" => match parse_go_build(input) {
            Err(e) => format!("does not parse: {e}"),
            Ok(x) => x.go_version().unwrap_or_else(|| "none".to_string()),
        },
        other => format!("unknown kind {other}"),
    }
}

#[test]
fn every_grammar_example_holds() {
    let all = examples();
    let failures: Vec<String> = all
        .iter()
        .filter_map(|ex| {
            let got = run(ex);
            (got != ex.expected).then(|| {
                format!(
                    "line {} ({}): input {:?}\n   expected {:?}\n   got      {:?}",
                    ex.line_no, ex.kind, ex.input, ex.expected, got
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn grammar_covers_every_kind() {
    let all = examples();
    // Guards against the extractor silently finding nothing (e.g. after a format change).
    assert!(all.len() >= 130, "only {} examples found", all.len());
    for kind in KINDS {
        assert!(
            all.iter().any(|e| e.kind == *kind),
            "no example of kind {kind:?}"
        );
    }
}

#[test]
fn expansion_notation() {
    assert_eq!(expand("[[ab]]*3c", 0), "abababc");
    assert_eq!(expand(r"a\sb\t\u{a0}\\", 0), "a b\t\u{a0}\\");
    assert_eq!(expand("[[(]]*2x[[)]]*2", 0), "((x))");
    assert!(std::panic::catch_unwind(|| expand(r"\q", 7)).is_err());
}
