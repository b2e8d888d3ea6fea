//! The language server under abuse, over the real `gotags lsp` binary and its stdio framing:
//! random incremental edits (including ranges past the end of the document and text with
//! newlines, tabs, non-ASCII and half-written constraints) interleaved with malformed
//! JSON-RPC bodies, unknown methods, requests with bad parameters, positions far out of
//! range, and requests about files that were deleted, never existed or are not `file:` URIs.
//!
//! What must hold: every request gets exactly one answer (matched by id), every malformed
//! frame one ParseError, the server never panics and exits cleanly after `shutdown`/`exit`,
//! and its resident memory stays flat (sampled from `/proc`, printed, and bounded loosely:
//! growth proportional to the number of edits would fail). Nothing is timed.
//!
//! `GOTAGS_LSP_ABUSE_OPS` sets the number of operations (default 20,000 for the normal test
//! run, about 60% of them edits; 200,000 and more for a long run), `GOTAGS_LSP_ABUSE_SEED`
//! the seed.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A small deterministic generator (xorshift64*), so a failure replays from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

/// What the reader thread saw on the server's stdout.
enum Seen {
    Response { id: Value, error_code: Option<i64> },
    Notification,
}

/// Reads `Content-Length` frames until end of output.
fn read_frames(out: impl Read, tx: mpsc::Sender<Seen>) {
    let mut r = BufReader::new(out);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match r.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length:") {
                length = v.trim().parse::<usize>().ok();
            }
        }
        let Some(n) = length else { return };
        let mut body = vec![0u8; n];
        if r.read_exact(&mut body).is_err() {
            return;
        }
        let v: Value = serde_json::from_slice(&body).expect("the server writes valid JSON");
        let seen = if v.get("method").is_some() {
            Seen::Notification
        } else {
            Seen::Response {
                id: v["id"].clone(),
                error_code: v["error"]["code"].as_i64(),
            }
        };
        if tx.send(seen).is_err() {
            return;
        }
    }
}

/// Resident and peak resident memory of a process, in KiB.
fn memory_kb(pid: u32) -> (u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    seen: mpsc::Receiver<Seen>,
    next_id: i64,
    /// Ids sent and not yet answered.
    pending: HashMap<i64, &'static str>,
    /// Malformed frames sent and ParseErrors received.
    malformed_sent: usize,
    parse_errors: usize,
    answered: usize,
    notifications: usize,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gotags"))
            .args(["lsp", "--stdio"])
            .current_dir(root)
            .env("GOFLAGS", "")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn gotags lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, seen) = mpsc::channel();
        std::thread::spawn(move || read_frames(stdout, tx));
        Server {
            child,
            stdin,
            seen,
            next_id: 1,
            pending: HashMap::new(),
            malformed_sent: 0,
            parse_errors: 0,
            answered: 0,
            notifications: 0,
        }
    }

    fn frame(&mut self, body: &[u8]) {
        let head = format!("Content-Length: {}\r\n\r\n", body.len());
        self.stdin.write_all(head.as_bytes()).expect("write header");
        self.stdin.write_all(body).expect("write body");
    }

    fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.frame(body.to_string().as_bytes());
    }

    fn request(&mut self, method: &'static str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.frame(body.to_string().as_bytes());
        self.pending.insert(id, method);
        id
    }

    fn malformed(&mut self, body: &[u8]) {
        self.frame(body);
        self.malformed_sent += 1;
    }

    /// Takes what the server has written so far; waits (up to a generous bound that only a
    /// hang exceeds) until at most `keep` requests are unanswered.
    fn drain(&mut self, keep: usize) {
        while self.pending.len() > keep {
            match self.seen.recv_timeout(Duration::from_secs(300)) {
                Ok(s) => self.take(s),
                Err(_) => panic!(
                    "no answer to {} requests, e.g. {:?}",
                    self.pending.len(),
                    self.pending.iter().next()
                ),
            }
        }
        while let Ok(s) = self.seen.try_recv() {
            self.take(s);
        }
    }

    fn take(&mut self, s: Seen) {
        match s {
            Seen::Notification => self.notifications += 1,
            Seen::Response { id, error_code } => {
                if id == json!(0) && error_code == Some(-32700) {
                    self.parse_errors += 1;
                    return;
                }
                let id = id.as_i64().expect("numeric id");
                assert!(
                    self.pending.remove(&id).is_some(),
                    "an answer to {id}, which was not asked or was answered twice"
                );
                self.answered += 1;
            }
        }
    }
}

/// The module the server opens: platform files, an embed, a generate line, a test.
fn module(root: &Path) -> Vec<PathBuf> {
    std::fs::write(root.join("go.mod"), "module example.com/abuse\n\ngo 1.23\n").expect("go.mod");
    std::fs::write(root.join("asset.txt"), "x").expect("asset");
    let files: &[(&str, &str)] = &[
        (
            "a.go",
            "//go:build linux\n\npackage p\n\nfunc A() int { return 1 }\n",
        ),
        ("a_windows.go", "package p\n\nfunc A() int { return 2 }\n"),
        (
            "e.go",
            "package p\n\nimport _ \"embed\"\n\n//go:embed asset.txt\nvar asset string\n",
        ),
        (
            "g.go",
            "package p\n\n//go:generate echo hello\nfunc G() {}\n",
        ),
        (
            "p_test.go",
            "package p\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n",
        ),
    ];
    files
        .iter()
        .map(|(name, text)| {
            let p = root.join(name);
            std::fs::write(&p, text).expect("write");
            p
        })
        .collect()
}

const SNIPPETS: &[&str] = &[
    "",
    "x",
    "\n",
    "\r\n",
    "\t",
    "//go:build ",
    "//go:build linux && !cgo\n",
    "//go:build (\n",
    "// +build !windows\n",
    "//go:embed *.txt\n",
    "//go:embed ../x\n",
    "//go:generate go run gen.go\n",
    "package q\n",
    "package\n",
    "import \"C\"\n",
    "func F() {}\n",
    "ü漢字😀",
    "\u{0}",
    "\"unterminated",
    "/* open comment",
    "}}}{{{",
];

#[test]
fn the_server_answers_every_request_under_random_abuse() {
    let ops: u64 = std::env::var("GOTAGS_LSP_ABUSE_OPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let seed: u64 = std::env::var("GOTAGS_LSP_ABUSE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_1e55);
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().canonicalize().expect("canonical");
    let files = module(&root);
    let gone = root.join("gone.go");
    std::fs::write(&gone, "package p\n\nfunc Gone() {}\n").expect("write");
    let never = root.join("sub/never.go");

    let mut s = Server::start(&root);
    let pid = s.child.id();
    s.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {}}),
    );
    s.drain(0);
    s.notify("initialized", json!({}));

    // Open everything, and the file that will be deleted.
    let mut versions: HashMap<PathBuf, i64> = HashMap::new();
    let mut lengths: HashMap<PathBuf, u32> = HashMap::new();
    for p in files.iter().chain(std::iter::once(&gone)) {
        let text = std::fs::read_to_string(p).expect("read");
        s.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(p), "languageId": "go", "version": 1, "text": text}}),
        );
        versions.insert(p.clone(), 1);
        lengths.insert(p.clone(), text.lines().count() as u32);
    }
    // Delete one file from disk and from the editor.
    std::fs::remove_file(&gone).expect("rm");
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&gone), "type": 3}]}),
    );
    s.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&gone)}}),
    );
    s.drain(0);

    let mut rng = Rng(seed | 1);
    let targets: Vec<String> = files
        .iter()
        .map(|p| uri(p))
        .chain([
            uri(&gone),
            uri(&never),
            uri(&root),
            "untitled:Untitled-1".to_string(),
            "http://example.com/x.go".to_string(),
            "file:///nonexistent/dir/x.go".to_string(),
        ])
        .collect();
    let mut rss_samples: Vec<(u64, u64)> = Vec::new();
    let mut edits = 0u64;
    for op in 0..ops {
        match rng.below(100) {
            // Incremental edits, some with ranges past the end of the document.
            0..=59 => {
                let p = rng.pick(&files).clone();
                let lines = lengths[&p].max(1);
                let wild = rng.below(10) == 0;
                let line = |rng: &mut Rng| {
                    if wild {
                        rng.below(u64::from(u32::MAX)) as u32
                    } else {
                        rng.below(u64::from(lines) + 2) as u32
                    }
                };
                let (l1, l2) = (line(&mut rng), line(&mut rng));
                let (start, end) = if l1 <= l2 { (l1, l2) } else { (l2, l1) };
                let end = end.min(start + 2);
                let c1 = rng.below(if wild { 1 << 31 } else { 40 }) as u32;
                let c2 = rng.below(if wild { 1 << 31 } else { 40 }) as u32;
                let text = (0..rng.below(3))
                    .map(|_| *rng.pick(SNIPPETS))
                    .collect::<String>();
                let v = versions.get_mut(&p).expect("version");
                *v += 1;
                let change = if rng.below(50) == 0 {
                    // A whole-document replacement keeps the documents from growing forever.
                    let base = std::fs::read_to_string(&p).unwrap_or_default();
                    lengths.insert(p.clone(), base.lines().count() as u32);
                    json!({"text": base})
                } else {
                    let grown = text.matches('\n').count() as u32;
                    let n = lengths.get_mut(&p).expect("length");
                    *n = n.saturating_add(grown);
                    json!({"range": {"start": {"line": start, "character": c1},
                                     "end": {"line": end, "character": c2}},
                           "text": text})
                };
                s.notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": uri(&p), "version": *v},
                           "contentChanges": [change]}),
                );
                edits += 1;
            }
            // Requests at random (often absurd) positions, on any target.
            60..=79 => {
                let target = rng.pick(&targets).clone();
                let pos = if rng.below(3) == 0 {
                    json!({"line": rng.below(u64::from(u32::MAX)), "character": rng.below(u64::from(u32::MAX))})
                } else {
                    json!({"line": rng.below(12), "character": rng.below(60)})
                };
                let doc = json!({"uri": target});
                let methods: &[&'static str] = &[
                    "textDocument/hover",
                    "textDocument/definition",
                    "textDocument/codeLens",
                    "textDocument/codeAction",
                    "textDocument/diagnostic",
                ];
                let method = *rng.pick(methods);
                let params = match method {
                    "textDocument/codeLens" | "textDocument/diagnostic" => {
                        json!({"textDocument": doc})
                    }
                    "textDocument/codeAction" => json!({
                        "textDocument": doc,
                        "range": {"start": pos, "end": pos},
                        "context": {"diagnostics": []}
                    }),
                    _ => json!({"textDocument": doc, "position": pos}),
                };
                s.request(method, params);
            }
            // Unknown methods and parameters of the wrong shape.
            80..=87 => {
                let bad: &[(&'static str, Value)] = &[
                    ("gotags/noSuchMethod", json!({})),
                    ("textDocument/rename", json!({"x": 1})),
                    ("$/cancelRequest", json!({"id": 1})),
                    ("textDocument/hover", json!({})),
                    ("textDocument/hover", json!([1, 2, 3])),
                    ("textDocument/definition", json!({"textDocument": 7})),
                    ("textDocument/codeAction", Value::Null),
                    ("workspace/diagnostic", json!({"previousResultIds": "nope"})),
                ];
                let (m, p) = rng.pick(bad).clone();
                s.request(m, p);
            }
            // Malformed JSON-RPC bodies (with a correct length, so the stream stays framed).
            88..=93 => {
                let bodies: &[&[u8]] = &[
                    b"{",
                    b"{\"jsonrpc\": \"2.0\", \"id\": ",
                    b"[1, 2, 3]",
                    b"null",
                    b"\"just a string\"",
                    b"{\"jsonrpc\": \"2.0\"}",
                    b"\xff\xfe\x00garbage",
                ];
                if rng.below(9) == 0 {
                    // An id that is no request id: lsp-server reads the message as a
                    // notification (no answer is due), which must not shut the server down.
                    s.frame(
                        b"{\"jsonrpc\": \"2.0\", \"id\": {\"x\": 1}, \"method\": \"shutdown\"}",
                    );
                } else {
                    let b = *rng.pick(bodies);
                    s.malformed(b);
                }
            }
            // Notifications about things that do not exist or make no sense.
            94..=97 => {
                let target = rng.pick(&targets).clone();
                let n: &[(&str, Value)] = &[
                    (
                        "textDocument/didChange",
                        json!({"textDocument": {"uri": target, "version": 1},
                               "contentChanges": [{"text": "package z\n"}]}),
                    ),
                    (
                        "textDocument/didClose",
                        json!({"textDocument": {"uri": uri(&never)}}),
                    ),
                    (
                        "workspace/didChangeWatchedFiles",
                        json!({"changes": [{"uri": target, "type": 2}]}),
                    ),
                    ("gotags/unknownNotification", json!({"a": [1]})),
                    ("textDocument/didOpen", json!({"textDocument": 3})),
                ];
                let (m, p) = rng.pick(n).clone();
                s.notify(m, p);
            }
            // Now and then, wait for the answers (a bounded window, as an editor has).
            _ => s.drain(8),
        }
        if s.pending.len() > 256 {
            s.drain(64);
        }
        if op % (ops / 20).max(1) == 0 {
            s.drain(0);
            rss_samples.push(memory_kb(pid));
        }
    }
    s.drain(0);
    rss_samples.push(memory_kb(pid));
    let shutdown = s.request("shutdown", Value::Null);
    s.drain(0);
    assert!(!s.pending.contains_key(&shutdown));
    s.notify("exit", Value::Null);
    drop(s.stdin);
    let status = s.child.wait().expect("wait");
    let mut stderr = String::new();
    if let Some(mut e) = s.child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    // The reader thread ends with the output; count what came last.
    while let Ok(x) = s.seen.recv_timeout(Duration::from_secs(5)) {
        match x {
            Seen::Notification => s.notifications += 1,
            Seen::Response { error_code, .. } => {
                if error_code == Some(-32700) {
                    s.parse_errors += 1;
                }
            }
        }
    }
    assert!(
        !stderr.contains("panicked"),
        "the server panicked:\n{stderr}"
    );
    assert!(status.success(), "exit status {status:?}\n{stderr}");
    assert_eq!(
        s.parse_errors, s.malformed_sent,
        "one ParseError per malformed frame"
    );
    eprintln!(
        "lsp abuse: seed {seed}, {ops} operations, {edits} edits, {} requests answered, {} malformed frames, {} notifications received",
        s.answered, s.malformed_sent, s.notifications
    );
    eprintln!("lsp abuse: (VmRSS, VmHWM) KiB at 5% steps: {rss_samples:?}");
    // Flat memory: the last sample is not much above the one taken a fifth of the way in
    // (once the documents, caches and allocator have settled). Growth per edit would show.
    if let (Some(early), Some(last)) = (rss_samples.get(rss_samples.len() / 5), rss_samples.last())
    {
        if early.0 > 0 {
            assert!(
                last.0 <= early.0 * 2 + 32 * 1024,
                "resident memory grew from {} KiB to {} KiB",
                early.0,
                last.0
            );
        }
    }
}
