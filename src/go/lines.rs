//! A line index over a source: byte offsets to 1-based line, byte column and UTF-16 column
//! (what editors and the language server protocol count).

/// The start offset of every line of one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

/// A position: 1-based line, 1-based byte column and 1-based UTF-16 column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
    pub utf16_column: u32,
}

impl LineIndex {
    pub fn new(src: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            src.iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            len: src.len(),
        }
    }

    /// Number of lines (a final newline starts one more, empty line).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts, if there is such a line.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.starts.get((line as usize).checked_sub(1)?).copied()
    }

    /// The position of byte offset `off` (clamped to the end of the source). The UTF-16 column
    /// counts the characters before `off` on its line, an invalid byte as one unit.
    pub fn position(&self, src: &[u8], off: usize) -> Position {
        let off = off.min(self.len);
        let idx = self.starts.partition_point(|&s| s <= off) - 1;
        let start = self.starts[idx];
        let before = src.get(start..off).unwrap_or_default();
        let mut units = 0u32;
        let mut rest = before;
        while !rest.is_empty() {
            let (c, w) = super::unicode::decode_rune(rest);
            units += c.len_utf16() as u32;
            rest = &rest[w.max(1)..];
        }
        Position {
            line: idx as u32 + 1,
            column: (off - start) as u32 + 1,
            utf16_column: units + 1,
        }
    }

    /// 1-based line and byte column of byte offset `off` (clamped to the end).
    pub fn line_column(&self, off: usize) -> (u32, u32) {
        let off = off.min(self.len);
        let idx = self.starts.partition_point(|&s| s <= off) - 1;
        let col = off - self.starts[idx] + 1;
        (
            u32::try_from(idx + 1).unwrap_or(u32::MAX),
            u32::try_from(col).unwrap_or(u32::MAX),
        )
    }

    /// The byte offset of 1-based `line` and byte `column`, if inside the source.
    pub fn offset(&self, line: u32, column: u32) -> Option<usize> {
        let off = self.line_start(line)? + (column as usize).checked_sub(1)?;
        (off <= self.len).then_some(off)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_and_utf16_columns() {
        let src = "ab\né😀x\n".as_bytes();
        let ix = LineIndex::new(src);
        assert_eq!(ix.lines(), 3);
        let p = ix.position(src, 9);
        assert_eq!((p.line, p.column, p.utf16_column), (2, 7, 4));
        assert_eq!(ix.offset(2, 7), Some(9));
        assert_eq!(ix.position(src, 0).column, 1);
        assert_eq!(ix.position(src, 99).line, 3);
        assert_eq!(ix.offset(0, 1), None);
    }
}
