//! Printing a planned `go generate` run: `go` = exactly what `go generate -n` writes to
//! stderr (commands, then `file:line: message` for errors); `text` = each command prefixed
//! with `file:line:`; `json` = one array of objects.

use super::plan::Event;
use serde::Serialize;
use std::io::{self, Write};

fn joined(words: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(w);
    }
    out
}

/// `go generate -n`'s stderr, byte for byte.
pub fn write_go(out: &mut dyn Write, events: &[Event]) -> io::Result<()> {
    for e in events {
        match e {
            Event::Step(s) => {
                out.write_all(&joined(&s.words))?;
                out.write_all(b"\n")?;
            }
            Event::Error(e) => writeln!(out, "{}:{}: {}", e.shown, e.line, e.message)?,
        }
    }
    Ok(())
}

/// `file:line: command` lines; errors are written to `err`.
pub fn write_text(out: &mut dyn Write, err: &mut dyn Write, events: &[Event]) -> io::Result<()> {
    for e in events {
        match e {
            Event::Step(s) => {
                write!(out, "{}:{}: ", s.shown, s.line)?;
                out.write_all(&joined(&s.words))?;
                out.write_all(b"\n")?;
            }
            Event::Error(e) => writeln!(err, "{}:{}: {}", e.shown, e.line, e.message)?,
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    file: &'a str,
    line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    package: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    args: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// A JSON array: `{"file","line","package","args"}` per step, `{"file","line","error"}`
/// per error. Invalid UTF-8 in arguments is shown as U+FFFD.
pub fn write_json(out: &mut dyn Write, events: &[Event]) -> io::Result<()> {
    let items: Vec<JsonEvent> = events
        .iter()
        .map(|e| match e {
            Event::Step(s) => JsonEvent {
                file: &s.shown,
                line: s.line,
                package: Some(&s.package),
                args: Some(
                    s.words
                        .iter()
                        .map(|w| String::from_utf8_lossy(w).into_owned())
                        .collect(),
                ),
                error: None,
            },
            Event::Error(e) => JsonEvent {
                file: &e.shown,
                line: e.line,
                package: None,
                args: None,
                error: Some(&e.message),
            },
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    out.write_all(b"\n")
}
