//! `go list -json` style output: one tab-indented JSON object per package.

use serde::Serialize;
use std::io::{self, Write};

/// Writes each value as Go's `json.MarshalIndent(v, "", "\t")` followed by a newline.
pub fn write_packages<T: Serialize>(out: &mut impl Write, items: &[T]) -> io::Result<()> {
    for item in items {
        let mut ser = serde_json::Serializer::with_formatter(
            &mut *out,
            serde_json::ser::PrettyFormatter::with_indent(b"\t"),
        );
        item.serialize(&mut ser).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
