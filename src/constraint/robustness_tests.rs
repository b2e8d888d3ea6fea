//! Totality checks: the parsers must return (never panic, never overflow the stack) on any input,
//! including pathological sizes, and everything they accept must survive printing, reparsing and
//! the conversions.

use super::{go_build_expr, parse_go_build, parse_line, parse_plus_build, plus_build_expr, Expr};

/// A small deterministic generator (xorshift64*), so failures reproduce without a seed file
/// (the embed robustness tests use it too).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Up to `max` pieces of `alphabet`, with a random byte now and then.
    pub(crate) fn bytes(&mut self, max: usize, alphabet: &[&[u8]]) -> Vec<u8> {
        let mut v = Vec::new();
        for _ in 0..self.below(max + 1) {
            if self.below(4) == 0 {
                v.push(self.next() as u8);
            } else {
                v.extend_from_slice(alphabet[self.below(alphabet.len())]);
            }
        }
        v
    }
}

/// Pieces weighted towards the grammar's tokens, plus odd characters and non-ASCII.
const PIECES: &[&str] = &[
    "a",
    "b",
    "linux",
    "go1.21",
    "386",
    "é",
    "٣",
    "Ⅻ",
    "(",
    ")",
    "!",
    "&&",
    "||",
    "&",
    "|",
    " ",
    "\t",
    ",",
    "-",
    "/",
    "\r",
    "\n",
    "\u{a0}",
    "\u{85}",
    "\u{fffd}",
    "\u{301}",
    "😀",
    "//go:build",
    "// +build",
    "+build",
    "!!",
    "((",
    "))",
    "\0",
    "ǅ",
    "_",
    ".",
];

fn random_input(rng: &mut Rng) -> String {
    let len = rng.below(24);
    (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

const TAGS: &[&str] = &["a", "linux", "go1.21", "386", "é_ü", "٣", "go1", "xgo1.5"];
const BLANKS: &[&str] = &["", " ", "\t", "  "];

/// A syntactically valid expression of bounded depth, with random blanks.
fn valid_expr(rng: &mut Rng, depth: usize) -> String {
    let blank = |rng: &mut Rng| BLANKS[rng.below(BLANKS.len())];
    let choice = if depth == 0 { 0 } else { rng.below(5) };
    match choice {
        0 | 1 => TAGS[rng.below(TAGS.len())].to_string(),
        2 => format!("!{}({})", blank(rng), valid_expr(rng, depth - 1)),
        3 => format!(
            "{}{}&&{}{}",
            valid_expr(rng, depth - 1),
            blank(rng),
            blank(rng),
            valid_expr(rng, depth - 1)
        ),
        _ => format!(
            "({}{}||{}{})",
            valid_expr(rng, depth - 1),
            blank(rng),
            blank(rng),
            valid_expr(rng, depth - 1)
        ),
    }
}

/// A valid expression, sometimes with one random piece spliced in at a char boundary.
fn near_valid_input(rng: &mut Rng) -> String {
    let mut s = valid_expr(rng, 4);
    if rng.below(2) == 0 {
        let at = rng.below(s.len() + 1);
        if s.is_char_boundary(at) {
            s.insert_str(at, PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

/// Whatever parses must print to something that reparses to the same printed form, and the
/// other operations must not panic.
fn exercise(x: &Expr, src_len: usize) {
    let printed = x.to_string();
    match parse_go_build(&printed) {
        Ok(again) => assert_eq!(again.to_string(), printed),
        // Go prints `!(!x)` as `!!x`, which its own parser rejects; that is the only way a
        // printed expression can fail to reparse.
        Err(e) => {
            assert!(printed.contains("!!"), "{printed:?}: {e}");
            assert_eq!(e.message, "double negation not allowed");
        }
    }
    let span = x.span();
    assert!(span.start <= span.end && span.end <= src_len, "{span:?}");
    let _ = x.plus_build_lines();
    let _ = x.go_version();
    let mut n = 0;
    let _ = x.eval(&mut |_| {
        n += 1;
        n % 2 == 0
    });
    assert_eq!(n, x.tags().len());
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut parsed = 0;
    for _ in 0..20_000 {
        let s = if rng.below(2) == 0 {
            random_input(&mut rng)
        } else {
            near_valid_input(&mut rng)
        };
        if let Ok(x) = parse_go_build(&s) {
            exercise(&x, s.len());
            parsed += 1;
        } else if let Err(e) = parse_go_build(&s) {
            assert!(e.offset <= s.len(), "{s:?}: {e:?}");
            assert!(!e.message.is_empty());
        }
        match parse_plus_build(&s) {
            Ok(x) => {
                let span = x.span();
                assert!(span.end <= s.len(), "{s:?}: {span:?}");
                let _ = x.plus_build_lines();
                let _ = x.to_string();
            }
            Err(e) => assert!(e.offset <= s.len()),
        }
        for line in [
            s.clone(),
            format!("//go:build {s}"),
            format!("// +build {s}"),
        ] {
            let _ = parse_line(&line);
            if let Some((text, off)) = go_build_expr(&line) {
                assert_eq!(line.get(off..off + text.len()), Some(text));
            }
            if let Some((text, off)) = plus_build_expr(&line) {
                assert_eq!(line.get(off..off + text.len()), Some(text));
            }
        }
    }
    // The generator must reach the interesting (successful) paths too, not just errors.
    assert!(parsed > 5_000, "only {parsed} inputs parsed");
}

/// Runs `f` on a thread with a deliberately small stack: the parser must not need deep recursion.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .map(|h| h.join());
    assert!(matches!(handle, Ok(Ok(()))), "thread failed: {handle:?}");
}

#[test]
fn huge_inputs_hit_the_limits_without_deep_recursion() {
    on_small_stack(|| {
        let opens = "(".repeat(200_000);
        let e = parse_go_build(&opens).unwrap_err();
        assert_eq!(
            (e.offset, e.message.as_str()),
            (999, "build expression too large")
        );

        let deep = format!("{}a{}", "(".repeat(999), ")".repeat(999));
        assert_eq!(parse_go_build(&deep).map(|x| x.to_string()), Ok("a".into()));

        let negs = format!("{}a{}", "!(".repeat(999), ")".repeat(999));
        let x = parse_go_build(&negs).unwrap();
        assert_eq!(x.to_string(), format!("{}a", "!".repeat(999)));

        let wide = vec!["a"; 100_000].join("&&");
        let e = parse_go_build(&wide).unwrap_err();
        assert_eq!(e.message, "build expression too large");

        let plus = vec!["a"; 200_000].join(",");
        assert!(parse_plus_build(&plus).is_err());
    });
}
