//! JSON-RPC framing over stdio for `lsp-server`'s [`Connection`]: one reader thread parses
//! `Content-Length` frames (a malformed frame is answered with a ParseError and skipped,
//! never fatal), one writer thread writes replies; end of input ends the connection.

use lsp_server::{Connection, ErrorCode, Message, RequestId, Response};
use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

/// The largest frame accepted (a bigger one is read and dropped).
const MAX_FRAME: usize = 256 << 20;

/// A connection over the process's stdin/stdout, and the threads to join at the end.
pub fn stdio() -> (Connection, JoinHandle<()>, JoinHandle<()>) {
    let (to_server, server_rx) = crossbeam_channel::unbounded::<Message>();
    let (server_tx, to_client) = crossbeam_channel::unbounded::<Message>();
    // Parse errors go to the writer on their own channel: the reader outlives the server
    // (it may sit in a read of stdin after `exit`), and must not keep the writer open.
    let (errors, error_rx) = crossbeam_channel::unbounded::<Message>();
    let reader = std::thread::spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        loop {
            match read_frame(&mut input) {
                Ok(None) | Err(_) => break,
                Ok(Some(body)) => match serde_json::from_slice::<Message>(&body) {
                    Ok(m) => {
                        if to_server.send(m).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        let r = Response::new_err(
                            RequestId::from(0),
                            ErrorCode::ParseError as i32,
                            format!("malformed message: {e}"),
                        );
                        let _ = errors.send(Message::Response(r));
                    }
                },
            }
        }
    });
    let writer = std::thread::spawn(move || {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        let mut parse_errors = Some(error_rx);
        loop {
            let m = match parse_errors.clone() {
                Some(errs) => crossbeam_channel::select! {
                    recv(to_client) -> m => match m {
                        Ok(m) => m,
                        Err(_) => break,
                    },
                    recv(errs) -> m => match m {
                        Ok(m) => m,
                        Err(_) => {
                            parse_errors = None;
                            continue;
                        }
                    },
                },
                None => match to_client.recv() {
                    Ok(m) => m,
                    Err(_) => break,
                },
            };
            if m.write(&mut out).and_then(|()| out.flush()).is_err() {
                break;
            }
        }
    });
    (
        Connection {
            sender: server_tx,
            receiver: server_rx,
        },
        reader,
        writer,
    )
}

/// Reads one frame's body; `None` at end of input. Headers other than Content-Length are
/// ignored; a frame without one is skipped.
pub fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    loop {
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                return Ok(None);
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((k, v)) = line.split_once(':') {
                if k.trim().eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().ok();
                }
            }
        }
        let Some(n) = length else { continue };
        if n > MAX_FRAME {
            io::copy(&mut input.by_ref().take(n as u64), &mut io::sink())?;
            continue;
        }
        let mut body = vec![0; n];
        input.read_exact(&mut body)?;
        return Ok(Some(body));
    }
}

#[cfg(test)]
mod tests {
    use super::read_frame;

    #[test]
    fn frames_and_garbage() {
        let raw =
            b"Content-Length: 2\r\n\r\n{}garbage\r\nX-Other: 1\r\n\r\nContent-Length: 3\r\n\r\nabc";
        let mut r = &raw[..];
        assert_eq!(read_frame(&mut r).ok().flatten(), Some(b"{}".to_vec()));
        assert_eq!(read_frame(&mut r).ok().flatten(), Some(b"abc".to_vec()));
        assert_eq!(read_frame(&mut r).ok().flatten(), None);
    }
}
