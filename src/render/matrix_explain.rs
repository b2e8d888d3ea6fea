//! `gotags matrix --explain FILE --format json`: one file's verdict on every configuration,
//! grouped by reason, as one JSON document.

use crate::configs::Bits;
use crate::matrix::explain::Reason;
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

/// The groups [`Matrix::explain_file`] computed, as [`super::matrix::write_explain`] takes
/// them.
pub fn write_explain_json(
    out: &mut impl Write,
    m: &Matrix,
    shown: &str,
    groups: &[(Reason, Bits)],
) -> io::Result<()> {
    let configs = &m.eval.configs;
    let groups = groups
        .iter()
        .map(|(reason, bits)| Group {
            compiled: reason.is_compiled(),
            text: reason.text(),
            configurations: crate::configs::describe(configs, bits),
            labels: bits.iter().map(|i| configs[i].label()).collect(),
            reason: reason.clone(),
        })
        .collect();
    let doc = Explained {
        file: shown,
        configurations: configs.len(),
        groups,
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
