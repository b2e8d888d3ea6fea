//! `gotags matrix --explain FILE --format json`: one file's verdict on every configuration,
//! grouped by reason, as one JSON document.

use crate::matrix::bitset::Bits;
use crate::matrix::explain::{self, Reason};
use crate::matrix::Matrix;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Group {
    compiled: bool,
    reason: Reason,
    text: String,
    /// The compact description (`windows/* (8 of 98)`).
    configurations: String,
    /// Every configuration's label.
    labels: Vec<String>,
}

#[derive(Serialize)]
struct Explained<'a> {
    file: &'a str,
    configurations: usize,
    groups: Vec<Group>,
}

/// `file` as [`super::matrix::write_explain`] takes it: `Ok((dir, file))` or a hidden name.
pub fn write_explain_json(
    out: &mut impl Write,
    m: &Matrix,
    shown: &str,
    file: Result<(usize, usize), String>,
) -> io::Result<()> {
    let configs = &m.eval.configs;
    let group = |reason: Reason, bits: Bits| Group {
        compiled: reason.is_compiled(),
        text: reason.text(),
        configurations: super::matrix::describe(configs, &bits),
        labels: bits.iter().map(|i| configs[i].label()).collect(),
        reason,
    };
    let groups = match file {
        Err(_) => vec![group(Reason::Hidden, Bits::full(configs.len()))],
        Ok((di, fi)) => {
            let d = &m.eval.dirs[di];
            let f = &m.dirs[d.dir_index].files[fi];
            let mut groups = explain::file_reasons(&m.eval, d, f);
            groups.sort_by_key(|(r, _)| !r.is_compiled());
            groups.into_iter().map(|(r, b)| group(r, b)).collect()
        }
    };
    let doc = Explained {
        file: shown,
        configurations: configs.len(),
        groups,
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
