//! How many bytes of a file go/build examines: the "header" of a `.go` file (through the
//! import block) and the leading comments of a non-Go source file. Reproduces
//! `go/build/read.go`'s byte reader, including which problems are read errors (a NUL byte)
//! and which make the whole file the header (a syntax error while skimming imports).

/// Why the header could not be read; go/build reports it as `read <path>: <message>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    /// A NUL byte inside the examined region.
    Nul,
    /// Only for non-Go files: an unterminated `/*` or a stray `/` among the leading comments.
    Syntax,
}

impl ReadProblem {
    pub fn message(&self) -> &'static str {
        match self {
            ReadProblem::Nul => "unexpected NUL in input",
            ReadProblem::Syntax => "syntax error",
        }
    }
}

/// The bytes of `src` after a leading UTF-8 byte-order mark, which Go discards.
pub fn strip_bom(src: &[u8]) -> &[u8] {
    src.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(src)
}

/// Byte-level skimmer with go/build's exact consumption rules. `pos` counts consumed bytes, so
/// the "buffer" go/build keeps is always `src[..pos]`.
struct Skimmer<'a> {
    src: &'a [u8],
    pos: usize,
    peek: Option<u8>,
    eof: bool,
    err: Option<ReadProblem>,
}

impl<'a> Skimmer<'a> {
    fn new(src: &'a [u8]) -> Self {
        Skimmer {
            src,
            pos: 0,
            peek: None,
            eof: false,
            err: None,
        }
    }

    fn fail_syntax(&mut self) {
        if self.err.is_none() {
            self.err = Some(ReadProblem::Syntax);
        }
    }

    /// Consumes one byte; 0 stands for end of input (and a NUL is an error).
    fn read_byte(&mut self) -> u8 {
        let Some(&c) = self.src.get(self.pos) else {
            self.eof = true;
            return 0;
        };
        self.pos += 1;
        if c == 0 && self.err.is_none() {
            self.err = Some(ReadProblem::Nul);
        }
        c
    }

    /// The next significant byte, skipping white space, `;` and comments when asked.
    fn peek_byte(&mut self, skip_space: bool) -> u8 {
        if self.err.is_some() {
            return 0;
        }
        let mut c = match self.peek {
            Some(c) => c,
            None => self.read_byte(),
        };
        while self.err.is_none() && !self.eof {
            if !skip_space {
                break;
            }
            match c {
                b' ' | b'\x0c' | b'\t' | b'\r' | b'\n' | b';' => {
                    c = self.read_byte();
                }
                b'/' => {
                    c = self.read_byte();
                    if c == b'/' {
                        while c != b'\n' && self.err.is_none() && !self.eof {
                            c = self.read_byte();
                        }
                    } else if c == b'*' {
                        // A two-byte window (older, newer) slides until it reads "*/".
                        let mut newer = 0u8;
                        while (c != b'*' || newer != b'/') && self.err.is_none() {
                            if self.eof {
                                self.fail_syntax();
                            }
                            c = newer;
                            newer = self.read_byte();
                        }
                    } else {
                        self.fail_syntax();
                    }
                    c = self.read_byte();
                }
                _ => break,
            }
        }
        self.peek = Some(c);
        c
    }

    fn next_byte(&mut self, skip_space: bool) -> u8 {
        let c = self.peek_byte(skip_space);
        self.peek = None;
        c
    }

    fn read_keyword(&mut self, kw: &[u8]) {
        self.peek_byte(true);
        for &k in kw {
            if self.next_byte(false) != k {
                self.fail_syntax();
                return;
            }
        }
        if is_ident_byte(self.peek_byte(false)) {
            self.fail_syntax();
        }
    }

    fn read_ident(&mut self) {
        let c = self.peek_byte(true);
        if !is_ident_byte(c) {
            self.fail_syntax();
            return;
        }
        while is_ident_byte(self.peek_byte(false)) {
            self.peek = None;
        }
    }

    fn read_string(&mut self) {
        match self.next_byte(true) {
            b'`' => {
                while self.err.is_none() {
                    if self.next_byte(false) == b'`' {
                        break;
                    }
                    if self.eof {
                        self.fail_syntax();
                    }
                }
            }
            b'"' => {
                while self.err.is_none() {
                    let c = self.next_byte(false);
                    if c == b'"' {
                        break;
                    }
                    if self.eof || c == b'\n' {
                        self.fail_syntax();
                    }
                    if c == b'\\' {
                        self.next_byte(false);
                    }
                }
            }
            _ => self.fail_syntax(),
        }
    }

    fn read_import(&mut self) {
        let c = self.peek_byte(true);
        if c == b'.' {
            self.peek = None;
        } else if is_ident_byte(c) {
            self.read_ident();
        }
        self.read_string();
    }

    /// The consumed bytes, minus a peeked byte that belongs to what follows.
    fn consumed_without_peek(&self) -> &'a [u8] {
        if self.err.is_none() && !self.eof && self.pos > 0 {
            &self.src[..self.pos - 1]
        } else {
            &self.src[..self.pos]
        }
    }
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The header of a `.go` file (BOM already stripped): through the end of the import block.
/// A syntax error while skimming makes the whole file the header (then a NUL anywhere is an
/// error); a NUL inside the skimmed region is a read error.
pub fn go_header(src: &[u8]) -> Result<&[u8], ReadProblem> {
    go_header_and_eof(src).map(|(h, _)| h)
}

/// Like `go_header`, also saying whether the skim reached the end of the file. go/build only
/// looks for `//go:embed` lines when it did not: a file that ends right after its imports
/// (give or take white space and comments) contributes no embed patterns at all.
pub fn go_header_and_eof(src: &[u8]) -> Result<(&[u8], bool), ReadProblem> {
    let mut r = Skimmer::new(src);
    r.read_keyword(b"package");
    r.read_ident();
    while r.peek_byte(true) == b'i' {
        r.read_keyword(b"import");
        if r.peek_byte(true) == b'(' {
            r.next_byte(false);
            while r.peek_byte(true) != b')' && r.err.is_none() {
                r.read_import();
            }
            r.next_byte(false);
        } else {
            r.read_import();
        }
    }
    let header = r.consumed_without_peek();
    match r.err {
        None => Ok((header, r.eof)),
        Some(ReadProblem::Nul) => Err(ReadProblem::Nul),
        Some(ReadProblem::Syntax) => {
            // go/build reads on to the end; only a NUL can still fail it.
            if src[r.pos..].contains(&0) {
                Err(ReadProblem::Nul)
            } else {
                Ok((src, true))
            }
        }
    }
}

/// The leading white space and comments of a non-Go source file (BOM already stripped).
pub fn comment_header(src: &[u8]) -> Result<&[u8], ReadProblem> {
    let mut r = Skimmer::new(src);
    r.peek_byte(true);
    let header = r.consumed_without_peek();
    match r.err {
        None => Ok(header),
        Some(p) => Err(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_stops_after_imports() {
        let src = b"// c\npackage p\n\nimport (\n\t\"fmt\"\n\tx \"os\"\n)\n\nfunc main() {}\n";
        let h = go_header(src).unwrap();
        assert_eq!(
            std::str::from_utf8(h).unwrap(),
            "// c\npackage p\n\nimport (\n\t\"fmt\"\n\tx \"os\"\n)\n\n"
        );
        let src = b"package p\nimport \"C\"\nvar x = 1\n";
        assert_eq!(go_header(src).unwrap(), b"package p\nimport \"C\"\n");
        let src = b"package p";
        assert_eq!(go_header(src).unwrap(), b"package p");
    }

    #[test]
    fn eof_after_imports_is_reported() {
        let hit_eof = |src: &[u8]| go_header_and_eof(src).map(|(_, eof)| eof);
        assert_eq!(hit_eof(b"package p\nimport _ \"embed\"\n// c\n"), Ok(true));
        assert_eq!(
            hit_eof(b"package p\nimport _ \"embed\"\nvar x int\n"),
            Ok(false)
        );
    }

    #[test]
    fn nul_in_header_is_error_but_not_after() {
        assert_eq!(go_header(b"package p\x00\n"), Err(ReadProblem::Nul));
        assert!(go_header(b"package p\nfunc f() { \x00 }\n").is_ok());
    }

    #[test]
    fn syntax_error_makes_whole_file_header() {
        let src = b"package p\nimport fmt\nfunc f() {}\n";
        assert_eq!(go_header(src).unwrap(), &src[..]);
        let src = b"package p\nimport fmt\nfunc f() {\x00}\n";
        assert_eq!(go_header(src), Err(ReadProblem::Nul));
    }

    #[test]
    fn comment_header_rules() {
        assert_eq!(
            comment_header(b"// +build x\n\n#include <a.h>\n").unwrap(),
            b"// +build x\n\n"
        );
        assert_eq!(comment_header(b"/* open"), Err(ReadProblem::Syntax));
        assert_eq!(comment_header(b"/ x"), Err(ReadProblem::Syntax));
        assert_eq!(comment_header(b"\x00"), Err(ReadProblem::Nul));
    }
}
