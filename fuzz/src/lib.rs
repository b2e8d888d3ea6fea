//! Fuzz entry points: one function per parser that takes bytes from a repository or a user.
//!
//! Each is a thin wrapper over gotags' public library functions that also asserts cheap
//! invariants (print/parse round trips, agreement between equivalent inputs, bounds of
//! reported offsets). The libFuzzer targets in `fuzz_targets/` call these, and the stable-Rust
//! test `tests/fuzz_replay.rs` includes this very file to replay every committed corpus input,
//! so CI runs the same checks without nightly. A failed invariant panics, which libFuzzer
//! records as a crash.

use gotags::constraint::{self, Expr};
use gotags::context::BuildContext;
use gotags::embed;
use gotags::facts::{FileFacts, HeaderOutcome, ReadDepth};
use gotags::generate::file::{plan_file, FileEnv, KeepAll};
use gotags::generate::{expand, split};
use gotags::go::reader;
use gotags::source::{Disk, Overlay};
use gotags::syntax::{constraints as header, generate as genscan, header as goparse};
use std::path::Path;

/// Inputs larger than this are cut: every parser here is linear and big inputs only slow the
/// search down.
const MAX_INPUT: usize = 64 * 1024;

fn cut(data: &[u8]) -> &[u8] {
    &data[..data.len().min(MAX_INPUT)]
}

/// A deterministic tag assignment derived from `seed`: FNV-1a over the name.
fn assignment(seed: u64) -> impl FnMut(&str) -> bool {
    move |tag: &str| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
        for b in tag.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h & 1 == 1
    }
}

/// Both expressions agree under a few tag assignments.
fn assert_equivalent(a: &Expr, b: &Expr, what: &str) {
    for seed in 0..8u64 {
        assert_eq!(
            a.eval(&mut assignment(seed)),
            b.eval(&mut assignment(seed)),
            "{what}: `{a}` and `{b}` disagree under assignment {seed}"
        );
    }
}

/// Printing then re-parsing a `//go:build` expression gives the same expression back, and
/// the `+build` conversion (when Go can write one) means the same thing.
fn check_expr_round_trip(expr: &Expr) {
    let printed = expr.to_string();
    let line = format!("//go:build {printed}");
    let again = match constraint::parse_line(&line) {
        Ok(e) => e,
        // Go prints `!(!x)` as `!!x`, which its own parser rejects; so does gotags.
        Err(e) if e.message == "double negation not allowed" && printed.contains("!!") => {
            return;
        }
        // Printing adds parentheses and spaces, so an expression just under the size limit
        // can print to one over it; Go 1.26's own String() and Parse do the same.
        Err(e) if e.message == "build expression too large" => return,
        Err(e) => panic!("printed `{printed}` does not parse: {e}"),
    };
    assert_eq!(again.to_string(), printed, "print is not a fixed point");
    assert_equivalent(expr, &again, "round trip");
    let _ = expr.go_version();
    let tags = expr.tags();
    assert!(tags.iter().all(|t| !t.is_empty()), "empty tag name");
    if let Ok(lines) = expr.plus_build_lines() {
        let mut joined: Option<Expr> = None;
        for l in &lines {
            let e = match constraint::parse_line(l) {
                Ok(e) => e,
                // Go's PlusBuildLines has no size limit, but its `+build` parser stops at
                // 100 terms: a long enough expression converts to a line neither reads back.
                Err(e) if e.message == "expression too complex for // +build lines" => return,
                Err(e) => panic!("PlusBuildLines wrote `{l}`, which does not parse: {e}"),
            };
            joined = Some(match joined {
                None => e,
                Some(j) => Expr::And {
                    span: j.span(),
                    left: Box::new(j),
                    right: Box::new(e),
                },
            });
        }
        if let Some(j) = joined {
            assert_equivalent(expr, &j, "PlusBuildLines");
        }
    }
}

fn check_span(expr: &Expr, len: usize) {
    let mut stack = vec![expr];
    while let Some(e) = stack.pop() {
        let s = e.span();
        assert!(
            s.start <= s.end && s.end <= len,
            "span {s:?} outside text of {len} bytes"
        );
        match e {
            Expr::Tag { .. } => {}
            Expr::Not { expr, .. } => stack.push(expr),
            Expr::And { left, right, .. } | Expr::Or { left, right, .. } => {
                stack.push(left);
                stack.push(right);
            }
        }
    }
}

/// `//go:build` expressions: the expression parser and Go's `constraint.Parse` line form.
pub fn build_expr(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(cut(data)) else {
        return;
    };
    match constraint::parse_go_build(text) {
        Ok(expr) => {
            check_span(&expr, text.len());
            check_expr_round_trip(&expr);
        }
        Err(e) => assert!(e.offset <= text.len(), "error offset past the end"),
    }
    if let Ok(expr) = constraint::parse_line(text) {
        check_expr_round_trip(&expr);
    }
    if let Some((inner, at)) = constraint::go_build_expr(text) {
        assert_eq!(&text[at..at + inner.len()], inner, "go_build_expr offset");
    }
}

/// `// +build` lines: the clause parser; a successful parse prints as a `//go:build`
/// expression meaning the same.
pub fn plus_build(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(cut(data)) else {
        return;
    };
    match constraint::parse_plus_build(text) {
        Ok(expr) => {
            check_span(&expr, text.len());
            check_expr_round_trip(&expr);
        }
        Err(e) => assert!(e.offset <= text.len(), "error offset past the end"),
    }
    if let Some((inner, at)) = constraint::plus_build_expr(text) {
        assert_eq!(&text[at..at + inner.len()], inner, "plus_build_expr offset");
        if let Ok(expr) = constraint::parse_line(text) {
            check_expr_round_trip(&expr);
        }
    }
}

/// `gotags eval` input from a user: parse, evaluate, render the error caret.
pub fn eval_cli(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(cut(data)) else {
        return;
    };
    let Ok(ctx) = BuildContext::for_port("linux", "amd64", true, &["a".to_string()]) else {
        return;
    };
    match gotags::eval::evaluate(text, &ctx) {
        Ok(_) => {}
        Err(e) => {
            assert!(e.offset <= e.input.len(), "eval error offset past the end");
            let _ = e.render();
        }
    }
}

/// Scratch file for the whole-file facts target (one per process).
fn scratch_path() -> std::path::PathBuf {
    let base = std::env::var_os("GOTAGS_FUZZ_TMP")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            if Path::new("/dev/shm").is_dir() {
                "/dev/shm".into()
            } else {
                std::env::temp_dir()
            }
        });
    base.join(format!("gotags-fuzz-{}.go", std::process::id()))
}

/// File headers and whole-file facts from arbitrary bytes: the header skim, constraint
/// collection, package clause and import parse, `//go:embed` scan, and every whole-file scan.
/// The header facts must not depend on how much of the file was read (16 KiB first, or
/// everything), so the first byte can pad the input across the first-read boundary.
pub fn file_facts(data: &[u8]) {
    let data = cut(data);
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let mut src = Vec::with_capacity(rest.len() + 17 * 1024);
    if mode & 1 == 1 {
        // A line comment that ends a few bytes either side of 16 KiB.
        src.extend_from_slice(b"//");
        src.resize(16 * 1024 - 8 + usize::from(mode >> 4), b'x');
        src.push(b'\n');
    }
    if mode & 2 == 2 {
        src.extend_from_slice(b"\xef\xbb\xbf");
    }
    src.extend_from_slice(rest);

    // The pure scans, over the bytes as given.
    let body = reader::strip_bom(&src);
    let _ = reader::comment_header(body);
    if let Ok((h, _eof)) = reader::go_header_and_eof(body) {
        assert!(h.len() <= body.len(), "header longer than the file");
        let _ = header::scan_constraints(h);
        let parsed = goparse::parse_header(h);
        for imp in &parsed.imports {
            let _ = gotags::modpath::check_import_path(&imp.path);
        }
    }
    let _ = embed::scan_directives(body);
    let _ = embed::header::embed_scan_reachable(body);

    // The reader used by the walk, through an in-memory Source: header depth and full depth
    // must agree on the header, and both must agree with the pure `from_bytes`. One input in
    // eight also goes through a scratch file on the disk, so the Disk reader is covered too.
    let name = if mode & 4 == 4 { "x_test.go" } else { "x.go" };
    let path = Path::new("/gotags-fuzz").join(name);
    let mut overlay = Overlay::new(Disk);
    overlay.set(path.clone(), src.clone());
    let header = FileFacts::read_in(&overlay, &path, name, false, false, ReadDepth::Header);
    let full = FileFacts::read_in(&overlay, &path, name, false, false, ReadDepth::Full);
    assert_eq!(
        header.header, full.header,
        "header facts depend on the read depth"
    );
    let pure = FileFacts::from_bytes(&path, name, &src, false, ReadDepth::Full);
    assert_eq!(
        pure.header, full.header,
        "header facts depend on how the bytes arrive"
    );
    if mode & 0x38 == 0x38 {
        let disk_path = scratch_path();
        if std::fs::write(&disk_path, &src).is_ok() {
            let disk = FileFacts::read_to(&disk_path, name, false, ReadDepth::Full);
            let _ = std::fs::remove_file(&disk_path);
            let again = FileFacts::from_bytes(&disk_path, name, &src, false, ReadDepth::Full);
            assert_eq!(disk.header, again.header, "the disk reader disagrees");
        }
    }
    if let HeaderOutcome::Read(h) = &header.header {
        if !h.embeds().is_empty() {
            assert!(
                h.imports.iter().any(|i| i.path == "embed"),
                "embeds without importing embed"
            );
        }
    }
    if matches!(full.header, HeaderOutcome::Read(_)) {
        assert!(full.body.is_some(), "a read file has no body facts");
    }
}

/// The Go scanners over arbitrary bytes: the token lexer (spans in bounds, in order), the
/// declaration scanner, the header parser, the embed variable finder and the check source scan.
pub fn go_scanner(data: &[u8]) {
    let src = cut(data);
    use gotags::go::scanner::{tokens, Mode};
    for mode in [Mode::PARSER, Mode::COMMENTS] {
        let mut last_end = 0;
        let mut last_line = 0;
        for t in &tokens(src, mode) {
            // Inserted semicolons and the end of input are empty tokens.
            assert!(t.start >= last_end, "tokens overlap or go backwards");
            // The embed variable lookup binary-searches tokens by start line.
            assert!(t.line >= last_line, "token lines go backwards");
            last_line = t.line;
            assert!(
                t.start <= t.end && t.end <= src.len(),
                "token out of bounds"
            );
            assert!(t.end_line >= t.line, "token ends before it starts");
            last_end = t.end;
        }
    }
    let _ = gotags::syntax::decls::scan_file(src);
    for d in gotags::syntax::decls::scan(src) {
        let _ = d.key();
        let _ = d.describe();
    }
    let _ = goparse::parse_header(src);
    let name = gotags::syntax::embed::embed_import_name(src);
    let lines = [1, 2, 3, 5, 8];
    let vars = gotags::syntax::embed::find_vars(src, &lines, &name);
    assert_eq!(vars.len(), lines.len(), "one answer per directive line");
    assert_eq!(
        vars.get(2),
        Some(&gotags::syntax::embed::find_var(src, 3, &name)),
        "find_vars and find_var disagree"
    );
    let _ = gotags::syntax::comments::SourceFacts::scan(src, true);
    let _ = gotags::syntax::comments::SourceFacts::scan(src, false);
    let _ = genscan::scan(src);
}

/// `//go:embed` argument lists and pattern validity. The first byte splits the input into a
/// directive argument text and a file name list.
pub fn embed_patterns(data: &[u8]) {
    let data = cut(data);
    if let Ok(args) = embed::scan::parse_args(data) {
        for (p, off) in &args {
            assert!(*off <= data.len(), "pattern offset past the end");
            let _ = embed::is_bad_embed_name(&String::from_utf8_lossy(p));
            let _ = embed::glob::has_meta(p);
            let cleaned = embed::glob::clean(p);
            assert_eq!(
                embed::glob::clean(&cleaned),
                cleaned,
                "clean is not idempotent"
            );
        }
    }
    let mut src = b"package p\n\nimport _ \"embed\"\n\n//go:embed ".to_vec();
    src.extend_from_slice(data);
    src.extend_from_slice(b"\nvar f string\n");
    let _ = embed::scan_directives(&src);
}

/// Go's `path.Match`: the byte matcher and the string matcher agree; a quoted literal matches
/// itself; `*` matches exactly the names without `/`.
pub fn path_match(data: &[u8]) {
    let data = cut(data);
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let pattern = &data[..split];
    let name = data.get(split + 1..).unwrap_or(&[]);
    let by_bytes = embed::pathmatch::match_bytes(pattern, name);
    if let (Ok(p), Ok(n)) = (std::str::from_utf8(pattern), std::str::from_utf8(name)) {
        assert_eq!(
            embed::path_match(p, n),
            by_bytes,
            "str and byte matchers disagree"
        );
    }
    for s in [pattern, name] {
        // cmd/go's QuoteGlob escapes `* ? [ ]` but not `\`, so only names without a
        // backslash quote to themselves.
        if !s.contains(&b'\\') {
            let quoted = embed::glob::quote_glob(s);
            assert_eq!(
                embed::pathmatch::match_bytes(&quoted, s),
                Ok(true),
                "a quoted literal does not match itself"
            );
        }
        assert_eq!(
            embed::pathmatch::match_bytes(b"*", s),
            Ok(!s.contains(&b'/')),
            "`*` against a name"
        );
        if !embed::glob::has_meta(s) {
            assert_eq!(
                embed::pathmatch::match_bytes(s, name),
                Ok(s == name),
                "a pattern without metacharacters is a plain comparison"
            );
        }
    }
}

/// `//go:generate` word splitting, `$` expansion and the whole per-file plan.
pub fn generate_words(data: &[u8]) {
    let data = cut(data);
    let _ = split::split_words(data);
    let _ = split::arguments(data);
    let mut none = |_: &[u8]| Vec::new();
    let out = expand::expand(data, &mut none);
    if !data.contains(&b'$') {
        assert_eq!(out, data, "expansion changed text without `$`");
    }
    let mut same = |name: &[u8]| name.to_vec();
    let _ = expand::expand(data, &mut same);

    let mut src = b"package p\n\n//go:generate ".to_vec();
    src.extend_from_slice(data);
    src.extend_from_slice(b"\n");
    src.extend_from_slice(data);
    let env = FileEnv {
        goroot: "/goroot".into(),
        goos: "linux".into(),
        goarch: "amd64".into(),
        gofile: "x.go".into(),
        gopackage: "p".into(),
        path: "/goroot/bin:/bin".into(),
        pwd: "/m".into(),
    };
    let process_env = |name: &str| (name == "HOME").then(|| "/home/u".to_string());
    for s in [&src[..], data] {
        let scan = genscan::scan(s);
        let plan = plan_file(&scan, &env, "x.go", &KeepAll, &process_env);
        for step in &plan.steps {
            assert!(!step.words.is_empty(), "a step with no words");
        }
    }
}

/// go.mod: the module path reader and the import path check over what it finds.
pub fn gomod(data: &[u8]) {
    let text = String::from_utf8_lossy(cut(data));
    if let Some(path) = gotags::walk::module_path(&text) {
        assert!(!path.is_empty(), "empty module path");
        assert!(!path.contains('\n'), "module path spans lines");
        let _ = gotags::modpath::check_import_path(&path);
    }
    // The go.mod and go.work parsers of the workspace resolver, under releases that know
    // different directives; any line they report lies inside the file.
    use gotags::packages::modfile::{parse_gomod, parse_gowork};
    let lines = text.split('\n').count();
    let minor = [21, 22, 23, 25, 27][data.first().map_or(0, |b| usize::from(*b) % 5)];
    let in_file = |line: usize| assert!(line >= 1 && line <= lines, "line {line} of {lines}");
    match parse_gomod(&text, minor) {
        Ok(m) => {
            if let Some(path) = &m.module {
                let _ = gotags::modpath::check_import_path(path);
            }
        }
        Err(e) => {
            in_file(e.line);
            let _ = e.render("go.mod", "go.mod");
        }
    }
    match parse_gowork(&text, minor) {
        Ok(w) => w.uses.iter().for_each(|(_, line)| in_file(*line)),
        Err(e) => {
            in_file(e.line);
            let _ = e.render("go.work", "go.work");
        }
    }
}

/// gotags.toml.
pub fn gotags_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(cut(data)) else {
        return;
    };
    if let Ok(c) = gotags::config::Config::parse(text, Path::new("gotags.toml")) {
        let _ = c.severities();
    }
}

/// `.goreleaser.yaml`: the YAML subset reader and the build list.
pub fn goreleaser(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(cut(data)) else {
        return;
    };
    let _ = gotags::matrix::goreleaser::parse_yaml(text);
    let _ = gotags::matrix::goreleaser::parse_builds(text);
}

/// An open buffer's invariants: every LSP position maps to a character boundary inside the
/// text, and a boundary offset survives the trip to a position and back.
fn check_document(doc: &gotags::lsp::text::Document, probes: &[lsp_types::Position]) {
    let text = &doc.text;
    for &p in probes {
        let off = doc.offset(p);
        assert!(off <= text.len(), "offset {off} past the end for {p:?}");
        assert!(
            text.is_char_boundary(off),
            "offset {off} inside a character"
        );
        let _ = doc.line_column(p);
        let _ = doc.position_of(p.line, p.character);
    }
    let step = (text.len() / 16).max(1);
    for off in (0..=text.len()).step_by(step) {
        if text.is_char_boundary(off) {
            let back = doc.offset(doc.position(off));
            assert_eq!(
                back, off,
                "offset {off} does not round-trip through a position"
            );
        }
    }
}

/// LSP message handling from the client's bytes: the stdio frame reader over arbitrary
/// input (or the whole input as one body when it holds no frame), each body as JSON-RPC,
/// `didOpen`/`didChange` parameters applied to a buffer (UTF-16 positions, ranges past the
/// end, reversed ranges), settings read from any parameters, and the positions a request
/// names converted against the buffer.
pub fn lsp_messages(data: &[u8]) {
    use gotags::lsp::{settings::Settings, text::Document, transport::read_frame};
    use lsp_types as lt;
    let data = cut(data);
    let mut bodies = Vec::new();
    let mut input = data;
    while let Ok(Some(body)) = read_frame(&mut input) {
        bodies.push(body);
        if bodies.len() >= 64 {
            break;
        }
    }
    if bodies.is_empty() {
        bodies.push(data.to_vec());
    }
    let mut doc = Document::new("package p\n\n// é𝄞\nfunc f() {}\n".to_string(), 0);
    for body in bodies {
        let Ok(msg) = serde_json::from_slice::<serde_json::Value>(&body) else {
            continue;
        };
        let params = msg
            .get("params")
            .cloned()
            .unwrap_or(serde_json::Value::Null);
        let _ = Settings::from_json(&params);
        if let Ok(p) = serde_json::from_value::<lt::DidOpenTextDocumentParams>(params.clone()) {
            doc = Document::new(p.text_document.text, p.text_document.version);
        }
        let mut probes = Vec::new();
        if let Ok(p) = serde_json::from_value::<lt::DidChangeTextDocumentParams>(params.clone()) {
            for c in p.content_changes {
                if let Some(r) = c.range {
                    probes.extend([r.start, r.end]);
                }
                doc.apply(c);
                doc.version = p.text_document.version;
            }
        }
        if let Ok(p) = serde_json::from_value::<lt::TextDocumentPositionParams>(params) {
            probes.push(p.position);
        }
        check_document(&doc, &probes);
    }
}
