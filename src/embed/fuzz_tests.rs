//! Robustness: random input must never panic (scanner, matcher, header reader, resolver).

use super::fscache::AssetCache;
use super::header::embed_scan_reachable;
use super::pathmatch::match_bytes;
use super::resolve::{explain_raw, resolve_raw};
use super::scan::{parse_args, scan_directives};
use crate::constraint::robustness_tests::Rng;

const SRC_ALPHABET: &[&[u8]] = &[
    b"//go:embed ",
    b"//go:embed\t",
    b"\n",
    b" ",
    b"\"",
    b"'",
    b"`",
    b"/*",
    b"*/",
    b"//",
    b"\\",
    b"a",
    b"\xc3\xa9",
    b"\xe3\x80\x80",
    b"\r",
    b"\0",
    b"package p\n",
    b"import \"embed\"\n",
    b"var f embed.FS\n",
    b"\xef\xbb\xbf",
];

const PAT_ALPHABET: &[&[u8]] = &[
    b"*",
    b"?",
    b"[",
    b"]",
    b"^",
    b"-",
    b"\\",
    b"/",
    b"a",
    b".",
    b"\xc3\xa9",
    b"\xff",
    b"all:",
    b"..",
    b"d",
    b"x.txt",
];

#[test]
fn random_sources_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let src = rng.bytes(80, SRC_ALPHABET);
        let s = scan_directives(&src);
        for d in s.directives.iter().chain(&s.not_collected) {
            assert!(d.line >= 2 && d.column >= 1);
            for p in &d.patterns {
                assert_eq!(p.line, d.line);
                assert!(p.column > d.column);
            }
        }
        let _ = embed_scan_reachable(&src);
        let _ = parse_args(&src);
    }
}

#[test]
fn random_patterns_never_panic() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..100_000 {
        let p = rng.bytes(10, PAT_ALPHABET);
        let n = rng.bytes(8, PAT_ALPHABET);
        let r = match_bytes(&p, &n);
        // Syntax errors do not depend on the name.
        assert_eq!(r.is_err(), match_bytes(&p, b"").is_err());
        if let Ok(s) = std::str::from_utf8(&p) {
            if let Ok(n) = std::str::from_utf8(&n) {
                assert_eq!(super::path_match(s, n), r);
            }
        }
    }
}

#[test]
fn random_patterns_resolve_without_panic() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    for f in ["a.txt", "d/x.txt", "d/.h", "d/sub/y.txt", "é/z.txt"] {
        let p = dir.join(f);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, "x").expect("write");
    }
    let cache = AssetCache::new();
    let mut rng = Rng(0xABCD_EF01_2345_6789);
    for _ in 0..5_000 {
        let p = rng.bytes(6, PAT_ALPHABET);
        let _ = explain_raw(&cache, &dir, &p);
        let q = rng.bytes(6, PAT_ALPHABET);
        let _ = resolve_raw(&cache, &dir, &[p, q]);
    }
}
