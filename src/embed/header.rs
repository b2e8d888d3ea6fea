//! Whether go/build's import reader leaves anything for the `//go:embed` scan.
//!
//! go/build reads the package clause and imports with a small byte reader, then continues
//! with the *same* reader to look for `//go:embed` lines (re-reading the buffered header bytes
//! first). If that header read already hit the end of the file — a file that is only a
//! package clause, imports and comments — or stopped on a syntax error (after which it
//! swallows the rest of the file), the embed scan sees nothing at all: such a file contributes
//! no patterns even if it imports "embed" and has directives (verified with go1.23).
//! A NUL byte in the header is an error too (the file is then invalid).

/// True if go/build's embed scan runs over this file (given that it imports "embed" and its
/// header parses), i.e. the header reader stopped cleanly before the end of the input.
/// `src` may or may not start with a UTF-8 BOM.
pub fn embed_scan_reachable(src: &[u8]) -> bool {
    let src = src.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(src);
    let mut r = HeaderReader {
        src,
        i: 0,
        peek: 0,
        err: false,
        eof: false,
    };
    r.read_keyword(b"package");
    r.read_ident();
    while r.peek_byte(true) == b'i' {
        r.read_keyword(b"import");
        if r.peek_byte(true) == b'(' {
            r.next_byte(false);
            while r.peek_byte(true) != b')' && !r.err {
                r.read_import();
            }
            r.next_byte(false);
        } else {
            r.read_import();
        }
    }
    !r.err && !r.eof
}

struct HeaderReader<'a> {
    src: &'a [u8],
    i: usize,
    /// Go keeps a peeked byte here; 0 means none.
    peek: u8,
    /// A syntax error or a NUL byte was met.
    err: bool,
    eof: bool,
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl HeaderReader<'_> {
    fn read_byte(&mut self) -> u8 {
        match self.src.get(self.i) {
            None => {
                self.eof = true;
                0
            }
            Some(&c) => {
                self.i += 1;
                if c == 0 {
                    self.err = true;
                }
                c
            }
        }
    }

    fn peek_byte(&mut self, skip_space: bool) -> u8 {
        if self.err {
            return 0;
        }
        let mut c = self.peek;
        if c == 0 {
            c = self.read_byte();
        }
        while !self.err && !self.eof {
            if skip_space {
                match c {
                    b' ' | b'\x0c' | b'\t' | b'\r' | b'\n' | b';' => {
                        c = self.read_byte();
                        continue;
                    }
                    b'/' => {
                        c = self.read_byte();
                        if c == b'/' {
                            while c != b'\n' && !self.err && !self.eof {
                                c = self.read_byte();
                            }
                        } else if c == b'*' {
                            let mut c1 = 0u8;
                            while (c != b'*' || c1 != b'/') && !self.err {
                                if self.eof {
                                    self.err = true;
                                }
                                c = c1;
                                c1 = self.read_byte();
                            }
                        } else {
                            self.err = true;
                        }
                        c = self.read_byte();
                        continue;
                    }
                    _ => {}
                }
            }
            break;
        }
        self.peek = c;
        c
    }

    fn next_byte(&mut self, skip_space: bool) -> u8 {
        let c = self.peek_byte(skip_space);
        self.peek = 0;
        c
    }

    fn read_keyword(&mut self, kw: &[u8]) {
        self.peek_byte(true);
        for &k in kw {
            if self.next_byte(false) != k {
                self.err = true;
                return;
            }
        }
        if is_ident(self.peek_byte(false)) {
            self.err = true;
        }
    }

    fn read_ident(&mut self) {
        let c = self.peek_byte(true);
        if !is_ident(c) {
            self.err = true;
            return;
        }
        while is_ident(self.peek_byte(false)) {
            self.peek = 0;
        }
    }

    fn read_string(&mut self) {
        match self.next_byte(true) {
            b'`' => {
                while !self.err {
                    if self.next_byte(false) == b'`' {
                        break;
                    }
                    if self.eof {
                        self.err = true;
                    }
                }
            }
            b'"' => {
                while !self.err {
                    let c = self.next_byte(false);
                    if c == b'"' {
                        break;
                    }
                    if self.eof || c == b'\n' {
                        self.err = true;
                    }
                    if c == b'\\' {
                        self.next_byte(false);
                    }
                }
            }
            _ => self.err = true,
        }
    }

    fn read_import(&mut self) {
        let c = self.peek_byte(true);
        if c == b'.' {
            self.peek = 0;
        } else if is_ident(c) {
            self.read_ident();
        }
        self.read_string();
    }
}

#[cfg(test)]
mod tests {
    use super::embed_scan_reachable as ok;

    #[test]
    fn reachability() {
        assert!(ok(b"package p\n\nimport \"embed\"\n\nvar f embed.FS\n"));
        assert!(!ok(b"package p\n\nimport \"embed\"\n//go:embed a\n"));
        assert!(!ok(b"package p\n\nimport \"embed\"\n"));
        assert!(!ok(b"package p"));
        assert!(ok(
            b"package p; import (\"embed\"; _ \"x\"); var x embed.FS"
        ));
        assert!(!ok(b"package p\nimport \"embed\"\nimportx\n"));
        assert!(!ok(b"package p\nimport \"embed\"\n/x\n"));
        assert!(!ok(b"package p\nimport \"embed\"\n/* unterminated\n"));
        assert!(!ok(b"package p\nimport \"embed\"\n\0var x\n"));
    }
}
