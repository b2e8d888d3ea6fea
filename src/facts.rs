//! `FileFacts`: everything gotags needs to know about one file, from ONE read. Any number of
//! build contexts are evaluated against these facts afterwards without touching the disk.
//! [`FileFacts::from_bytes`] builds them from contents in memory (no I/O);
//! [`FileFacts::read_in`] reads the file through a [`Source`], as little of it as the depth
//! needs.

use crate::constraint::{self, Expr, SyntaxError};
use crate::embed::{self, EmbedPatternAt};
use crate::filename::{self, NameConstraint};
use crate::go::reader;
use crate::go::release::Release;
use crate::source::{Disk, FileKind, Source};
use crate::syntax::comments::SourceFacts;
use crate::syntax::constraints::{self as header, ConstraintLine};
use crate::syntax::generate::GenerateScan;
use crate::syntax::header::{self as goparse, Import, ParseError};
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

pub use crate::source::go_errno_text;

/// A parsed `//go:build` or `// +build` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstraintFact {
    pub line: ConstraintLine,
    pub expr: Result<Expr, SyntaxError>,
    /// The line parsed without Go 1.22's size limits, kept only when `expr` failed on one
    /// of them (Go 1.21 parses such a line; see [`GoList::constraint_size_limits`]).
    ///
    /// [`GoList::constraint_size_limits`]: crate::go::release::GoList::constraint_size_limits
    pub unlimited: Option<Box<Result<Expr, SyntaxError>>>,
}

impl ConstraintFact {
    /// Parses one constraint line, keeping the unlimited parse when a size limit hit.
    pub fn parse(line: ConstraintLine) -> ConstraintFact {
        let expr = constraint::parse_line(&line.text);
        let unlimited = match &expr {
            Err(e) if constraint::is_size_limit(e) => {
                Some(Box::new(constraint::parse_line_unlimited(&line.text)))
            }
            _ => None,
        };
        ConstraintFact {
            line,
            expr,
            unlimited,
        }
    }

    /// The parse of a release without the size limits (Go 1.21).
    pub fn without_limits(&self) -> &Result<Expr, SyntaxError> {
        self.unlimited.as_deref().unwrap_or(&self.expr)
    }

    /// The parse `release` makes of the line.
    pub fn expr_for(&self, release: &Release) -> &Result<Expr, SyntaxError> {
        match &self.unlimited {
            Some(u) if !release.go_list.constraint_size_limits => u,
            _ => &self.expr,
        }
    }
}

/// What reading the file's header produced.
// Nearly every file ends up `Read`: boxing the facts would only add an allocation per file.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderOutcome {
    /// `.syso` files are never opened; files go/build never lists are not read either.
    NotRead,
    /// Opening failed (e.g. a broken symlink): Go's `open <path>: <errno text>`.
    OpenFailed(String),
    /// Reading failed: Go's `read <path>: <message>`.
    ReadFailed(String),
    /// A second `//go:build` line.
    MultipleGoBuild,
    Read(HeaderFacts),
}

/// Facts from a header that was read successfully.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderFacts {
    /// Boxed: most files have no `//go:build` line, and a parsed one is large.
    pub go_build: Option<Box<ConstraintFact>>,
    /// Only the `+build` lines in the honoured region; those that fail to parse are kept
    /// (for diagnostics) but never constrain.
    pub plus_build: Vec<ConstraintFact>,
    pub binary_only: bool,
    /// `.go` files only: the package clause name ("" when the clause failed to parse).
    pub package_name: String,
    pub imports: Vec<Import>,
    /// Index into `imports` of the first path go/build rejects ([`is_valid_import`]).
    ///
    /// [`is_valid_import`]: crate::go::import_path::is_valid_import
    pub invalid_import: Option<u32>,
    /// Boxed: nearly every header parses, and the error is large.
    pub parse_error: Option<Box<ParseError>>,
    /// The `//go:embed` facts, for `.go` files that import "embed" and parsed cleanly;
    /// `None` for the others (nearly all), which so cost a pointer.
    pub embed: Option<Box<EmbedFacts>>,
}

/// The `//go:embed` facts of one header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedFacts {
    /// `//go:embed` patterns.
    pub embeds: Vec<EmbedPatternAt>,
    /// The patterns Go 1.26 and later collect ([`GoList::embed_token_scan`]) when they
    /// differ from `embeds`; `None` when they are the same.
    ///
    /// [`GoList::embed_token_scan`]: crate::go::release::GoList::embed_token_scan
    pub embeds_scanned: Option<Vec<EmbedPatternAt>>,
    /// Per `//go:embed` line with patterns, in file order: where it is and the declaration
    /// it precedes, found in the same read (so the embed report never reads the file again).
    pub embed_decls: Box<[EmbedDecl]>,
}

/// One `//go:embed` line and the declaration that follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedDecl {
    pub line: u32,
    /// Column of the `//`.
    pub column: u32,
    pub decl: crate::syntax::embed::VarLookup,
}

impl HeaderFacts {
    pub fn imports_c(&self) -> bool {
        self.imports.iter().any(|i| i.path == "C")
    }

    /// The `//go:embed` patterns `release` collects from the file.
    pub fn embeds_for(&self, release: &Release) -> &[EmbedPatternAt] {
        match self.embed.as_deref() {
            Some(EmbedFacts {
                embeds_scanned: Some(e),
                ..
            }) if release.go_list.embed_token_scan => e,
            _ => self.embeds(),
        }
    }

    /// The `//go:embed` patterns go/build's header reader collects.
    pub fn embeds(&self) -> &[EmbedPatternAt] {
        self.embed.as_deref().map_or(&[], |e| &e.embeds)
    }

    /// Where each `//go:embed` line with patterns is, and the declaration it precedes.
    pub fn embed_decls(&self) -> &[EmbedDecl] {
        self.embed.as_deref().map_or(&[], |e| &e.embed_decls)
    }

    /// Whether Go 1.26 and later collect other patterns than [`HeaderFacts::embeds`].
    pub fn embeds_differ_by_release(&self) -> bool {
        self.embed
            .as_deref()
            .is_some_and(|e| e.embeds_scanned.is_some())
    }
}

/// One directory entry that go/build would consider (a source extension, not `_`/`.`-prefixed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    pub name: String,
    /// Extension from the last `.`, e.g. `.go`, `.S` (a source extension is not copied).
    pub ext: Cow<'static, str>,
    pub name_constraint: NameConstraint,
    /// The directory entry is a symbolic link (to a file, or broken).
    pub is_symlink: bool,
    pub header: HeaderOutcome,
    /// Whole-file facts, gathered only when the walk asks for [`ReadDepth::Full`]
    /// (`generate` and `check`) or [`ReadDepth::Decls`] (`matrix`: only `decls`, for
    /// non-test `.go` files); `None` otherwise or when the file could not be read.
    pub body: Option<Box<BodyFacts>>,
}

/// How much of each file a walk reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReadDepth {
    /// The header only, as go/build reads it (what `list` needs).
    #[default]
    Header,
    /// The whole file, in the same single read, for `generate` and `check`.
    Full,
    /// The header, and for non-test `.go` files the whole file with only the declaration
    /// scan kept (what `matrix` needs for its coverage gaps), in the same single read.
    Decls,
}

impl ReadDepth {
    /// Must a file with this name be read to its end?
    fn reads_whole(self, name: &str) -> bool {
        match self {
            ReadDepth::Header => false,
            ReadDepth::Full => true,
            ReadDepth::Decls => is_decl_file(name),
        }
    }
}

/// Files the declaration scan covers: non-test `.go` files, the only ones that can be in
/// GoFiles/CgoFiles.
fn is_decl_file(name: &str) -> bool {
    filename::extension(name) == ".go" && !name.ends_with("_test.go")
}

/// Facts from the whole file (one read shared with the header facts).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BodyFacts {
    /// `//go:generate` lines as `go generate` reads them, and lookalikes; `None` when there
    /// are none (most files), so an empty scan costs a pointer, not its lists.
    generate: Option<Box<GenerateScan>>,
    /// Comments, directives and declarations the `check` rules look at; `None` when empty.
    source: Option<Box<SourceFacts>>,
    /// The matrix's declaration scan, for non-test `.go` files (the only ones that can be in
    /// GoFiles/CgoFiles), so `check` feeds its coverage-gap rules from this same read.
    pub decls: Option<crate::syntax::decls::FileScan>,
}

static NO_GENERATE: GenerateScan = GenerateScan {
    events: Vec::new(),
    lookalikes: Vec::new(),
};
static NO_SOURCE: SourceFacts = SourceFacts {
    vet_lines: Vec::new(),
    embed_sites: Vec::new(),
    ignores: Vec::new(),
    generate_comments: Vec::new(),
};

impl BodyFacts {
    pub fn new(
        generate: GenerateScan,
        source: SourceFacts,
        decls: Option<crate::syntax::decls::FileScan>,
    ) -> BodyFacts {
        BodyFacts {
            generate: (generate != GenerateScan::default()).then(|| Box::new(generate)),
            source: (source != SourceFacts::default()).then(|| Box::new(source)),
            decls,
        }
    }

    /// The file's `//go:generate` scan.
    pub fn generate(&self) -> &GenerateScan {
        self.generate.as_deref().unwrap_or(&NO_GENERATE)
    }

    /// The file's comment and directive facts.
    pub fn source(&self) -> &SourceFacts {
        self.source.as_deref().unwrap_or(&NO_SOURCE)
    }
}

impl FileFacts {
    pub fn is_go(&self) -> bool {
        self.ext == ".go"
    }

    pub fn is_test(&self) -> bool {
        self.name.ends_with("_test.go")
    }

    /// Facts of a file whose whole contents are `bytes` (an editor buffer, a test input):
    /// no I/O. `path` is only used in Go's messages; `name` is the directory entry's name.
    pub fn from_bytes(
        path: &Path,
        name: &str,
        bytes: &[u8],
        is_symlink: bool,
        depth: ReadDepth,
    ) -> FileFacts {
        let ext = ext_of(name);
        let (header, body) = if ext == ".syso" {
            (HeaderOutcome::NotRead, None)
        } else {
            let header = match header_facts(path, bytes, true, ext == ".go") {
                Ok(h) => h,
                // Unreachable with a complete buffer; treated as unread, never a panic.
                Err(NeedMore) => HeaderOutcome::NotRead,
            };
            let body = body_facts(bytes, name, &ext, depth);
            (header, body)
        };
        FileFacts {
            name: name.to_string(),
            name_constraint: NameConstraint::from_name(name),
            ext,
            is_symlink,
            header,
            body,
        }
    }

    /// Reads one file from the disk to the given depth; the file is opened and read once
    /// either way. `path` is the absolute path used in Go's messages.
    pub fn read_to(path: &Path, name: &str, is_symlink: bool, depth: ReadDepth) -> FileFacts {
        FileFacts::read_in(&Disk, path, name, is_symlink, false, depth)
    }

    /// Reads one file through `source` to `depth`: opened once, and only as much of it is
    /// read as the header (or the depth) needs.
    pub fn read_in(
        source: &dyn Source,
        path: &Path,
        name: &str,
        is_symlink: bool,
        known_regular: bool,
        depth: ReadDepth,
    ) -> FileFacts {
        let ext = ext_of(name);
        let (header, body) = if ext == ".syso" {
            (HeaderOutcome::NotRead, None)
        } else {
            let whole = depth.reads_whole(name);
            let mut buf = take_buffer();
            let (header, read) =
                read_header(source, path, ext == ".go", whole, known_regular, &mut buf);
            let body = read.then(|| body_facts(&buf, name, &ext, depth)).flatten();
            give_back(buf);
            (header, body)
        };
        FileFacts {
            name: name.to_string(),
            name_constraint: NameConstraint::from_name(name),
            ext,
            is_symlink,
            header,
            body,
        }
    }
}

/// The extensions a walked file has: every one go/build sorts into a list.
const SOURCE_EXTS: [&str; 20] = [
    ".go", ".c", ".cc", ".cxx", ".cpp", ".m", ".h", ".hh", ".hpp", ".hxx", ".f", ".F", ".for",
    ".f90", ".s", ".S", ".sx", ".swig", ".swigcxx", ".syso",
];

/// A file's extension, borrowed from [`SOURCE_EXTS`] when it is one of them.
fn ext_of(name: &str) -> Cow<'static, str> {
    let ext = filename::extension(name);
    match SOURCE_EXTS.iter().find(|e| **e == ext) {
        Some(e) => Cow::Borrowed(e),
        None => Cow::Owned(ext.to_string()),
    }
}

/// At most this much of a file is read for its whole-file facts (`ReadDepth::Full`).
pub const BODY_LIMIT: usize = 32 * 1024 * 1024;

/// The source up to its first NUL byte. A file with a NUL does not compile; the token-based
/// scans stop there, so a mostly-NUL (e.g. sparse) file cannot become millions of tokens.
pub fn before_nul(src: &[u8]) -> &[u8] {
    match src.iter().position(|&b| b == 0) {
        Some(i) => &src[..i],
        None => src,
    }
}

/// The body facts `depth` asks for, from the whole file.
fn body_facts(src: &[u8], name: &str, ext: &str, depth: ReadDepth) -> Option<Box<BodyFacts>> {
    let text = before_nul(src);
    match depth {
        ReadDepth::Header => None,
        ReadDepth::Full => Some(Box::new(BodyFacts::new(
            crate::syntax::generate::scan(src),
            SourceFacts::scan(text, ext == ".go"),
            is_decl_file(name).then(|| decl_scan(text)),
        ))),
        ReadDepth::Decls => is_decl_file(name).then(|| {
            Box::new(BodyFacts {
                decls: Some(decl_scan(text)),
                ..BodyFacts::default()
            })
        }),
    }
}

/// The declaration scan of a file, without growth slack: it is kept for the whole run.
fn decl_scan(text: &[u8]) -> crate::syntax::decls::FileScan {
    let mut s = crate::syntax::decls::scan_file(text);
    s.decls.shrink_to_fit();
    s.use_positions.shrink_to_fit();
    s.selector_positions.shrink_to_fit();
    s
}

/// How much of a file is read first; most Go headers end well before this.
const FIRST_READ: usize = 16 * 1024;

/// A read buffer larger than this is not kept for the thread's next file.
const KEPT_BUFFER: usize = 1 << 20;

thread_local! {
    /// The thread's read buffer, reused file after file: a fresh one per file would be
    /// split by the facts kept from it, and the process would grow by one buffer per file
    /// until the walk ends.
    static BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

fn take_buffer() -> Vec<u8> {
    let mut buf = BUFFER.with(std::cell::Cell::take);
    buf.clear();
    buf.reserve(FIRST_READ);
    buf
}

fn give_back(buf: Vec<u8>) {
    if buf.capacity() <= KEPT_BUFFER {
        BUFFER.with(|b| b.set(buf));
    }
}

/// The header facts need bytes past the end of a partial read.
struct NeedMore;

/// Reads the header facts through `source` into `buf` (empty on entry); with `whole`, reads
/// the whole file up front and says so (`false` when it could not be read), leaving its
/// bytes in `buf` for the body facts.
fn read_header(
    source: &dyn Source,
    path: &Path,
    is_go: bool,
    whole: bool,
    known_regular: bool,
    buf: &mut Vec<u8>,
) -> (HeaderOutcome, bool) {
    let shown = path.display();
    // Opening a FIFO or device could block forever (Go would hang there); refuse anything
    // that is not a regular file once symlinks are followed.
    if !known_regular {
        match source.stat(path) {
            Ok(m) if m.kind != FileKind::Regular => {
                return (
                    HeaderOutcome::OpenFailed(format!("open {shown}: not a regular file")),
                    false,
                )
            }
            Ok(_) => {}
            Err(e) => {
                return (
                    HeaderOutcome::OpenFailed(format!("open {shown}: {}", e.text)),
                    false,
                )
            }
        }
    }
    let mut file = match source.open(path) {
        Ok(f) => f,
        Err(e) => {
            return (
                HeaderOutcome::OpenFailed(format!("open {shown}: {}", e.text)),
                false,
            )
        }
    };
    let read_failed = |e: std::io::Error| {
        HeaderOutcome::ReadFailed(format!("read {shown}: {}", go_errno_text(&e)))
    };
    let first = if whole {
        // Bounded, so one huge file cannot take the process past its memory budget; a body
        // longer than this is scanned over its first BODY_LIMIT bytes only.
        file.by_ref()
            .take(BODY_LIMIT as u64)
            .read_to_end(buf)
            .map(|_| true)
    } else {
        file.by_ref()
            .take(FIRST_READ as u64)
            .read_to_end(buf)
            .map(|n| n < FIRST_READ)
    };
    let complete = match first {
        Ok(done) => done,
        Err(e) => return (read_failed(e), false),
    };
    let header = match header_facts(path, buf, complete, is_go) {
        Ok(h) => h,
        Err(NeedMore) => {
            if let Err(e) = file.read_to_end(buf) {
                return (read_failed(e), false);
            }
            match header_facts(path, buf, true, is_go) {
                Ok(h) => h,
                Err(NeedMore) => HeaderOutcome::NotRead,
            }
        }
    };
    (header, whole)
}

/// The header facts of `buf`, the file's first bytes (all of them when `complete`); asks
/// for more when the header, or an embed scan, may run past the end of a partial read.
fn header_facts(
    path: &Path,
    buf: &[u8],
    complete: bool,
    is_go: bool,
) -> Result<HeaderOutcome, NeedMore> {
    let src = reader::strip_bom(buf);
    let (region, skim_hit_eof) = if is_go {
        match reader::go_header_and_eof(src) {
            Ok((h, eof)) => (Ok(h), eof),
            Err(e) => (Err(e), true),
        }
    } else {
        (reader::comment_header(src), true)
    };
    // A header that runs to the end of a partial read may continue: read the rest. A NUL
    // inside the partial read is final (go/build stops reading there), so a sparse 1 GiB
    // file is not read to its end for it.
    let needs_more = !complete
        && match &region {
            Ok(h) => h.len() + 1 >= src.len(),
            Err(reader::ReadProblem::Nul) => false,
            Err(_) => true,
        };
    if needs_more {
        return Err(NeedMore);
    }
    let header_bytes = match region {
        Ok(h) => h,
        Err(problem) => {
            return Ok(HeaderOutcome::ReadFailed(format!(
                "read {}: {}",
                path.display(),
                problem.message()
            )))
        }
    };
    let Ok(constraints) = header::scan_constraints(header_bytes) else {
        return Ok(HeaderOutcome::MultipleGoBuild);
    };
    let mut facts = HeaderFacts {
        go_build: constraints
            .go_build
            .map(|l| Box::new(ConstraintFact::parse(l))),
        plus_build: constraints
            .plus_build
            .into_iter()
            .map(ConstraintFact::parse)
            .collect(),
        binary_only: constraints.binary_only,
        ..HeaderFacts::default()
    };
    if is_go {
        let parsed = goparse::parse_header(header_bytes);
        facts.package_name = parsed.package_name;
        facts.parse_error = parsed.error.map(Box::new);
        // go/build records no imports for a file whose header failed to parse.
        if facts.parse_error.is_none() {
            facts.imports = parsed.imports;
            facts.invalid_import = facts
                .imports
                .iter()
                .position(|i| !crate::go::import_path::is_valid_import(&i.path))
                .and_then(|i| u32::try_from(i).ok());
        }
        let embed_import =
            facts.parse_error.is_none() && facts.imports.iter().any(|i| i.path == "embed");
        if embed_import {
            // Go 1.26 on scans the whole file, whatever the header reader met.
            if !complete {
                return Err(NeedMore);
            }
            let mut e = EmbedFacts::default();
            let scanned: Vec<EmbedPatternAt> = embed::token_scan::scan_directives(src)
                .into_iter()
                .flat_map(|d| d.patterns)
                .collect();
            // The partial-read check above guarantees `skim_hit_eof` speaks of the whole file.
            if !skim_hit_eof {
                let directives = embed::scan_directives(src).directives;
                if directives.iter().any(|d| !d.patterns.is_empty()) {
                    // Located in the unstripped bytes, as the embed report always did.
                    e.embed_decls = if src.len() == buf.len() {
                        embed_decls(buf, &directives)
                    } else {
                        embed_decls(buf, &embed::scan_directives(buf).directives)
                    };
                }
                e.embeds = directives.into_iter().flat_map(|d| d.patterns).collect();
                e.embeds.shrink_to_fit();
            }
            if scanned != e.embeds {
                e.embeds_scanned = Some(scanned);
            }
            facts.embed = (e != EmbedFacts::default()).then(|| Box::new(e));
        }
    }
    // Kept for the whole run: no growth slack.
    facts.imports.shrink_to_fit();
    facts.plus_build.shrink_to_fit();
    Ok(HeaderOutcome::Read(facts))
}

/// Where each `//go:embed` line with patterns is and which declaration it precedes.
pub fn embed_decls(src: &[u8], directives: &[embed::EmbedDirective]) -> Box<[EmbedDecl]> {
    use crate::syntax::embed::{embed_import_name, find_vars};
    let name = embed_import_name(src);
    let with_patterns: Vec<&embed::EmbedDirective> = directives
        .iter()
        .filter(|d| !d.patterns.is_empty())
        .collect();
    let lines: Vec<u32> = with_patterns.iter().map(|d| d.line).collect();
    with_patterns
        .iter()
        .zip(find_vars(src, &lines, &name))
        .map(|(d, decl)| EmbedDecl {
            line: d.line,
            column: d.column,
            decl,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// Every Go file of the corpus scans to the same comment facts with and without the
    /// byte search that lets files naming no directive skip the token scan.
    #[test]
    fn the_directive_prefilter_drops_no_fact() {
        use crate::syntax::comments::{mentions_a_directive, scan_go};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut seen = 0;
        let mut skipped = 0;
        for e in walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "go") || !e.file_type().is_file() {
                continue;
            }
            let Ok(src) = Disk.read(path) else { continue };
            let src = reader::strip_bom(&src);
            seen += 1;
            skipped += usize::from(!mentions_a_directive(src));
            assert_eq!(
                SourceFacts::scan(src, true),
                scan_go(src),
                "{}",
                path.display()
            );
        }
        assert!(
            seen > 100 && skipped > 0 && skipped < seen,
            "{seen} files, {skipped} skipped"
        );
    }

    use super::*;
    use crate::source::Overlay;

    fn both(name: &str, text: &[u8], depth: ReadDepth) -> (FileFacts, FileFacts) {
        let path = Path::new("/nonexistent-gotags-facts").join(name);
        let mut o = Overlay::new(Disk);
        o.set(path.clone(), text.to_vec());
        let read = FileFacts::read_in(&o, &path, name, false, false, depth);
        (FileFacts::from_bytes(&path, name, text, false, depth), read)
    }

    #[test]
    fn bytes_and_reads_give_the_same_facts() {
        let long_comment = format!("// {}\n", "x".repeat(FIRST_READ));
        let embed_late = format!(
            "package p\n\nimport _ \"embed\"\n\n{long_comment}//go:embed a.txt b.txt\nvar s string\n"
        );
        let header_late = format!("{long_comment}//go:build linux\n\npackage p\n");
        let cases: Vec<(&str, Vec<u8>)> = vec![
            (
                "a.go",
                b"//go:build linux\n\npackage p\n\nimport \"C\"\n".to_vec(),
            ),
            ("e.go", embed_late.into_bytes()),
            ("h.go", header_late.into_bytes()),
            ("x.s", b"// +build amd64\n\nTEXT x(SB)\n".to_vec()),
            (
                "bad.go",
                b"//go:build a\n//go:build b\npackage p\n".to_vec(),
            ),
            ("y.syso", b"\x7fELF".to_vec()),
            ("t_test.go", b"package p\nfunc TestX() {}\n".to_vec()),
        ];
        for depth in [ReadDepth::Header, ReadDepth::Full, ReadDepth::Decls] {
            for (name, text) in &cases {
                let (a, b) = both(name, text, depth);
                assert_eq!(a, b, "{name} at {depth:?}");
            }
        }
        let (e, _) = both("e.go", &cases[1].1, ReadDepth::Header);
        let HeaderOutcome::Read(h) = &e.header else {
            panic!("header not read: {:?}", e.header)
        };
        assert_eq!(h.embeds().len(), 2);
        assert_eq!(h.embed_decls().len(), 1);
        let (d, _) = both("a.go", &cases[0].1, ReadDepth::Decls);
        assert!(d.body.is_some_and(|b| b.decls.is_some()));
        let (t, _) = both("t_test.go", &cases[6].1, ReadDepth::Decls);
        assert!(t.body.is_none());
    }

    #[test]
    fn read_errors_keep_go_wording() {
        let f = FileFacts::read_in(
            &Disk,
            Path::new("/nonexistent-gotags-facts/a.go"),
            "a.go",
            false,
            false,
            ReadDepth::Full,
        );
        assert_eq!(
            f.header,
            HeaderOutcome::OpenFailed(
                "open /nonexistent-gotags-facts/a.go: no such file or directory".into()
            )
        );
        assert!(f.body.is_none());
    }
}
