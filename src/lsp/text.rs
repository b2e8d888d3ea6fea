//! The document store's text: one editor buffer with its version, full and incremental
//! `didChange` application, and conversion between LSP positions (0-based line, UTF-16
//! code units) and byte offsets.

use crate::go::lines::LineIndex;
use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// One open buffer.
#[derive(Clone, Debug)]
pub struct Document {
    pub text: String,
    pub version: i32,
    index: LineIndex,
}

impl Document {
    pub fn new(text: String, version: i32) -> Document {
        let index = LineIndex::new(text.as_bytes());
        Document {
            text,
            version,
            index,
        }
    }

    /// Applies one change (a replacement of `range`, or the whole text without one).
    pub fn apply(&mut self, change: TextDocumentContentChangeEvent) {
        match change.range {
            None => self.text = change.text,
            Some(range) => {
                let start = self.offset(range.start);
                let end = self.offset(range.end).max(start);
                self.text.replace_range(start..end, &change.text);
            }
        }
        self.index = LineIndex::new(self.text.as_bytes());
    }

    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// The byte offset of an LSP position, clamped to the line's end and the text's end, and
    /// moved back to a character boundary.
    pub fn offset(&self, p: Position) -> usize {
        offset_in(&self.text, &self.index, p)
    }

    /// The LSP position of a byte offset.
    pub fn position(&self, off: usize) -> Position {
        position_in(self.text.as_bytes(), &self.index, off)
    }

    /// The LSP position of a 1-based line and byte column.
    pub fn position_of(&self, line: u32, column: u32) -> Position {
        line_column_position(self.text.as_bytes(), &self.index, line, column)
    }

    /// The 1-based line and byte column of an LSP position.
    pub fn line_column(&self, p: Position) -> (u32, u32) {
        self.index.line_column(self.offset(p))
    }
}

/// [`Document::offset`] over any text with its index.
pub fn offset_in(text: &str, index: &LineIndex, p: Position) -> usize {
    let Some(start) = index.line_start(p.line.saturating_add(1)) else {
        return text.len();
    };
    let line = &text[start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let mut units = 0u32;
    for (i, c) in line.char_indices() {
        if units >= p.character {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    start + line.len()
}

/// The LSP position of byte offset `off` in `src`.
pub fn position_in(src: &[u8], index: &LineIndex, off: usize) -> Position {
    let p = index.position(src, off);
    Position::new(p.line.saturating_sub(1), p.utf16_column.saturating_sub(1))
}

/// The LSP position of 1-based `line` and byte `column` in `src` (clamped).
pub fn line_column_position(src: &[u8], index: &LineIndex, line: u32, column: u32) -> Position {
    let off = match index.line_start(line.max(1)) {
        Some(s) => s + column.saturating_sub(1) as usize,
        None => src.len(),
    };
    position_in(src, index, off)
}

/// The LSP range of a 1-based, byte-column span.
pub fn range_in(src: &[u8], index: &LineIndex, l: u32, c: u32, el: u32, ec: u32) -> Range {
    Range::new(
        line_column_position(src, index, l, c),
        line_column_position(src, index, el, ec),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(r: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: r.map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_edits_count_utf16() {
        let mut d = Document::new("// é😀x\npackage p\n".into(), 1);
        // "x" sits after 3 + 1 + 2 UTF-16 units.
        d.apply(change(Some(((0, 6), (0, 7))), "y"));
        assert_eq!(d.text, "// é😀y\npackage p\n");
        assert_eq!(
            d.position(d.text.find('y').unwrap_or(0)),
            Position::new(0, 6)
        );
        d.apply(change(Some(((1, 8), (1, 9))), "q"));
        assert_eq!(d.text, "// é😀y\npackage q\n");
        d.apply(change(None, "package z\n"));
        assert_eq!(d.text, "package z\n");
        // Past the end and inside a surrogate pair clamp rather than panic.
        d.apply(change(Some(((9, 0), (12, 4))), "//"));
        assert_eq!(d.text, "package z\n//");
        let mut e = Document::new("a😀b".into(), 1);
        e.apply(change(Some(((0, 2), (0, 3))), ""));
        assert!(e.text.starts_with('a'));
    }

    #[test]
    fn spans_map_to_utf16() {
        let src = "//go:build é || linx\n".as_bytes();
        let ix = LineIndex::new(src);
        let r = range_in(src, &ix, 1, 18, 1, 22);
        assert_eq!((r.start.character, r.end.character), (16, 20));
    }
}
