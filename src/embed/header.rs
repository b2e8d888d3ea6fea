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
    // One implementation of go/build's byte reader serves both the header and this check.
    let src = crate::go::reader::strip_bom(src);
    matches!(crate::go::reader::go_header_and_eof(src), Ok((_, false)))
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
