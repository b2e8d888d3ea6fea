//! Standard output for every command, in one place: buffered, flushed once, and a closed
//! pipe (`gotags list --json | head -1`) ends the run quietly with success.

use super::error::CliError;
use std::io::{self, BufWriter, StdoutLock, Write};

/// The writer a command renders into.
pub type Stdout = BufWriter<StdoutLock<'static>>;

/// Runs `render` against buffered stdout and flushes. A broken pipe is not an error: the
/// reader has what it wanted.
pub fn to_stdout(render: impl FnOnce(&mut Stdout) -> io::Result<()>) -> Result<(), CliError> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = render(&mut out).and_then(|()| out.flush());
    quiet_on_closed_pipe(written)
}

/// Opens one module's entry of a several-module JSON document, `{"module", "root", "go"`
/// and then `"KEY":`; the caller writes the value and the closing `}`.
pub fn module_entry(
    out: &mut Stdout,
    module: &gotags::walk::Module,
    go: &Option<String>,
    key: &str,
) -> io::Result<()> {
    let head = serde_json::json!({"module": module.path, "root": module.root, "go": go});
    out.write_all(head.to_string().trim_end_matches('}').as_bytes())?;
    write!(out, ",\"{key}\":")
}

/// Writes bytes already rendered in memory (for libraries that panic on write errors).
pub fn bytes_to_stdout(bytes: &[u8]) -> Result<(), CliError> {
    to_stdout(|out| out.write_all(bytes))
}

/// The one broken-pipe rule: a closed reader ends the output, anything else is reported.
pub fn quiet_on_closed_pipe(written: io::Result<()>) -> Result<(), CliError> {
    match written {
        Err(e) if !closed_pipe(&e) => Err(CliError::Stdout(e)),
        _ => Ok(()),
    }
}

/// Is this a broken pipe, possibly wrapped (serializers wrap the writer's error)?
fn closed_pipe(e: &io::Error) -> bool {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return true;
    }
    let Some(inner) = e.get_ref() else {
        return false;
    };
    if let Some(json) = inner.downcast_ref::<serde_json::Error>() {
        return json.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
    }
    inner.downcast_ref::<io::Error>().is_some_and(closed_pipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipe_is_quiet_other_errors_are_not() {
        let pipe = io::Error::new(io::ErrorKind::BrokenPipe, "closed");
        assert!(quiet_on_closed_pipe(Err(pipe)).is_ok());
        let wrapped = io::Error::other(serde_json::Error::io(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "closed",
        )));
        assert!(quiet_on_closed_pipe(Err(wrapped)).is_ok());
        let full = io::Error::other("disk full");
        assert!(matches!(
            quiet_on_closed_pipe(Err(full)),
            Err(CliError::Stdout(_))
        ));
    }
}
