//! `gotags lsp`: a language server (LSP 3.17, JSON-RPC over stdio) that runs beside gopls and
//! reports every `gotags check` rule for every configured platform from the editor's buffers.
//!
//! * `transport`: stdio framing for `lsp-server`'s connection, tolerant of malformed frames;
//! * `server`: dispatch, document store, analysis scheduling and publication;
//! * `text`: one buffer, full and incremental sync, UTF-16 positions;
//! * `settings`: the client's settings (platforms, tags, rule selection);
//! * `workspace`: the module's facts with the buffers swapped in, and incremental re-checks;
//! * `explain`: hover and code-lens texts (configurations, embed matches, generate commands);
//! * `flags`: the smallest GOOS/GOARCH/-tags compiling a file, as gopls settings;
//! * `missing`: the lens on a declaration saying where it is missing;
//! * `convert`: URIs, findings and edits to LSP's types.

pub mod convert;
pub mod explain;
pub mod flags;
pub mod missing;
pub mod server;
pub mod settings;
pub mod text;
pub mod transport;
pub mod workspace;

pub use server::{serve, ServeError};

/// Serves on stdin/stdout until the client exits or closes stdin.
pub fn run_stdio() -> Result<(), ServeError> {
    let (conn, reader, writer) = transport::stdio();
    let result = serve(&conn);
    drop(conn);
    // The reader thread may be blocked on stdin after `exit`; it ends with the process.
    drop(reader);
    let _ = writer.join();
    result
}
