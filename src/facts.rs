//! `FileFacts`: everything gotags needs to know about one file, from ONE read. Any number of
//! build contexts are evaluated against these facts afterwards without touching the disk.

use crate::constraint::{self, Expr, SyntaxError};
use crate::embed::{self, EmbedPatternAt};
use crate::filename::{self, NameConstraint};
use crate::go::reader;
use crate::syntax::constraints::{self as header, ConstraintLine};
use crate::syntax::header::{self as goparse, Import, ParseError};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// A parsed `//go:build` or `// +build` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstraintFact {
    pub line: ConstraintLine,
    pub expr: Result<Expr, SyntaxError>,
}

/// What reading the file's header produced.
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
    pub go_build: Option<ConstraintFact>,
    /// Only the `+build` lines in the honoured region; those that fail to parse are kept
    /// (for diagnostics) but never constrain.
    pub plus_build: Vec<ConstraintFact>,
    pub binary_only: bool,
    /// `.go` files only: the package clause name ("" when the clause failed to parse).
    pub package_name: String,
    pub imports: Vec<Import>,
    pub parse_error: Option<ParseError>,
    /// `//go:embed` patterns (only for `.go` files that import "embed" and parsed cleanly).
    pub embeds: Vec<EmbedPatternAt>,
}

impl HeaderFacts {
    pub fn imports_c(&self) -> bool {
        self.imports.iter().any(|i| i.path == "C")
    }
}

/// One directory entry that go/build would consider (a source extension, not `_`/`.`-prefixed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    pub name: String,
    /// Extension from the last `.`, e.g. `.go`, `.S`.
    pub ext: String,
    pub name_constraint: NameConstraint,
    /// The directory entry is a symbolic link (to a file, or broken).
    pub is_symlink: bool,
    pub header: HeaderOutcome,
    /// Whole-file facts, gathered only when the walk asks for [`ReadDepth::Full`]
    /// (`generate` and `check`); `None` otherwise or when the file could not be read.
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
}

/// Facts from the whole file (one read shared with the header facts).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BodyFacts {
    /// `//go:generate` lines as `go generate` reads them, and lookalikes.
    pub generate: crate::syntax::generate::GenerateScan,
    /// Comments, directives and declarations the `check` rules look at.
    pub source: crate::syntax::comments::SourceFacts,
    /// The matrix's declaration scan, for non-test `.go` files (the only ones that can be in
    /// GoFiles/CgoFiles), so `check` feeds its coverage-gap rules from this same read.
    pub decls: Option<crate::syntax::decls::FileScan>,
}

impl FileFacts {
    pub fn is_go(&self) -> bool {
        self.ext == ".go"
    }

    pub fn is_test(&self) -> bool {
        self.name.ends_with("_test.go")
    }

    /// Reads and parses one file. `path` is the absolute path used in Go's messages.
    pub fn read(path: &Path, name: &str, is_symlink: bool) -> FileFacts {
        FileFacts::read_to(path, name, is_symlink, ReadDepth::Header)
    }

    /// Reads one file to the given depth; the file is opened and read once either way.
    pub fn read_to(path: &Path, name: &str, is_symlink: bool, depth: ReadDepth) -> FileFacts {
        FileFacts::read_entry(path, name, is_symlink, false, depth)
    }

    /// The facts of an in-memory buffer (an editor's unsaved file) as if `path` held
    /// `bytes`: nothing is read from the disk.
    pub fn from_bytes(
        path: &Path,
        name: &str,
        bytes: &[u8],
        is_symlink: bool,
        depth: ReadDepth,
    ) -> FileFacts {
        let ext = filename::extension(name).to_string();
        let (header, whole) = if ext == ".syso" {
            (HeaderOutcome::NotRead, None)
        } else {
            let mut whole = None;
            let header = header_from_reader(
                bytes,
                path,
                ext == ".go",
                depth == ReadDepth::Full,
                &mut whole,
            );
            (header, whole)
        };
        FileFacts::assemble(name, ext, is_symlink, header, whole)
    }

    /// Like `read_to`, for a directory entry whose type the listing already gave: a known
    /// regular file needs no extra `stat` before it is opened.
    pub fn read_entry(
        path: &Path,
        name: &str,
        is_symlink: bool,
        known_regular: bool,
        depth: ReadDepth,
    ) -> FileFacts {
        let ext = filename::extension(name).to_string();
        let (header, whole) = if ext == ".syso" {
            (HeaderOutcome::NotRead, None)
        } else {
            read_header(path, ext == ".go", depth == ReadDepth::Full, known_regular)
        };
        FileFacts::assemble(name, ext, is_symlink, header, whole)
    }

    fn assemble(
        name: &str,
        ext: String,
        is_symlink: bool,
        header: HeaderOutcome,
        whole: Option<Vec<u8>>,
    ) -> FileFacts {
        let body = whole.map(|src| {
            Box::new(BodyFacts {
                generate: crate::syntax::generate::scan(&src),
                source: crate::syntax::comments::SourceFacts::scan(&src, ext == ".go"),
                decls: (ext == ".go" && !name.ends_with("_test.go"))
                    .then(|| crate::syntax::decls::scan_file(&src)),
            })
        });
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

/// How much of a file is read first; most Go headers end well before this.
const FIRST_READ: usize = 16 * 1024;

/// Reads the header facts; with `full`, reads the whole file up front and hands its bytes
/// back for the body facts.
fn read_header(
    path: &Path,
    is_go: bool,
    full: bool,
    known_regular: bool,
) -> (HeaderOutcome, Option<Vec<u8>>) {
    let mut whole = None;
    let header = read_header_into(path, is_go, full, known_regular, &mut whole);
    (header, whole)
}

fn read_header_into(
    path: &Path,
    is_go: bool,
    full: bool,
    known_regular: bool,
    whole: &mut Option<Vec<u8>>,
) -> HeaderOutcome {
    let shown = path.display();
    // Opening a FIFO or device could block forever (Go would hang there); refuse anything
    // that is not a regular file once symlinks are followed.
    if !known_regular {
        match std::fs::metadata(path) {
            Ok(m) if !m.is_file() => {
                return HeaderOutcome::OpenFailed(format!("open {shown}: not a regular file"))
            }
            Ok(_) => {}
            Err(e) => {
                return HeaderOutcome::OpenFailed(format!("open {shown}: {}", go_errno_text(&e)))
            }
        }
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return HeaderOutcome::OpenFailed(format!("open {shown}: {}", go_errno_text(&e))),
    };
    header_from_reader(file, path, is_go, full, whole)
}

/// The header facts of an opened file or an in-memory buffer (any reader).
fn header_from_reader<R: Read>(
    mut file: R,
    path: &Path,
    is_go: bool,
    full: bool,
    whole: &mut Option<Vec<u8>>,
) -> HeaderOutcome {
    let shown = path.display();
    let mut buf = Vec::with_capacity(FIRST_READ);
    let first = if full {
        file.read_to_end(&mut buf).map(|_| true)
    } else {
        read_up_to(&mut file, &mut buf, FIRST_READ)
    };
    let mut complete = match first {
        Ok(done) => done,
        Err(e) => return HeaderOutcome::ReadFailed(format!("read {shown}: {}", go_errno_text(&e))),
    };
    loop {
        let src = reader::strip_bom(&buf);
        let (region, skim_hit_eof) = if is_go {
            match reader::go_header_and_eof(src) {
                Ok((h, eof)) => (Ok(h), eof),
                Err(e) => (Err(e), true),
            }
        } else {
            (reader::comment_header(src), true)
        };
        // A header that runs to the end of a partial read may continue: read the rest.
        let needs_more = !complete && region.as_ref().map_or(true, |h| h.len() + 1 >= src.len());
        if needs_more {
            if let Err(e) = file.read_to_end(&mut buf) {
                return HeaderOutcome::ReadFailed(format!("read {shown}: {}", go_errno_text(&e)));
            }
            complete = true;
            continue;
        }
        let header_bytes = match region {
            Ok(h) => h,
            Err(problem) => {
                if full {
                    *whole = Some(buf.clone());
                }
                return HeaderOutcome::ReadFailed(format!("read {shown}: {}", problem.message()));
            }
        };
        let constraints = match header::scan_constraints(header_bytes) {
            Ok(c) => c,
            Err(_) => {
                if full {
                    *whole = Some(buf.clone());
                }
                return HeaderOutcome::MultipleGoBuild;
            }
        };
        let mut facts = HeaderFacts {
            go_build: constraints.go_build.map(|line| ConstraintFact {
                expr: constraint::parse_line(&line.text),
                line,
            }),
            plus_build: constraints
                .plus_build
                .into_iter()
                .map(|line| ConstraintFact {
                    expr: constraint::parse_line(&line.text),
                    line,
                })
                .collect(),
            binary_only: constraints.binary_only,
            ..HeaderFacts::default()
        };
        if is_go {
            let parsed = goparse::parse_header(header_bytes);
            facts.package_name = parsed.package_name;
            facts.parse_error = parsed.error;
            // go/build records no imports for a file whose header failed to parse.
            if facts.parse_error.is_none() {
                facts.imports = parsed.imports;
            }
            // The partial-read check above guarantees `skim_hit_eof` speaks of the whole file.
            if facts.parse_error.is_none()
                && !skim_hit_eof
                && facts.imports.iter().any(|i| i.path == "embed")
            {
                if !complete {
                    if let Err(e) = file.read_to_end(&mut buf) {
                        return HeaderOutcome::ReadFailed(format!(
                            "read {shown}: {}",
                            go_errno_text(&e)
                        ));
                    }
                }
                let src = reader::strip_bom(&buf);
                facts.embeds = embed::scan_directives(src)
                    .directives
                    .into_iter()
                    .flat_map(|d| d.patterns)
                    .collect();
            }
        }
        if full {
            *whole = Some(buf);
        }
        return HeaderOutcome::Read(facts);
    }
}

/// Reads until `limit` bytes or end of file; reports whether the end was reached.
fn read_up_to<R: Read>(file: &mut R, buf: &mut Vec<u8>, limit: usize) -> io::Result<bool> {
    let n = file.by_ref().take(limit as u64).read_to_end(buf)?;
    Ok(n < limit)
}

/// The text Go prints for an OS error (`syscall.Errno.Error()`), which is lower-case and
/// without Rust's "(os error N)" suffix.
pub fn go_errno_text(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(2) => "no such file or directory".into(),
        Some(13) => "permission denied".into(),
        Some(20) => "not a directory".into(),
        Some(21) => "is a directory".into(),
        Some(40) => "too many levels of symbolic links".into(),
        Some(5) => "input/output error".into(),
        Some(24) => "too many open files".into(),
        _ => {
            let s = e.to_string();
            let s = match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            };
            let mut chars = s.chars();
            match chars.next() {
                Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
                None => s,
            }
        }
    }
}
