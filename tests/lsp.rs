//! The language server end to end over `lsp_server::Connection::memory()`: diagnostics for
//! unsaved buffers (UTF-16 ranges), their disappearance after the fixing edit, hovers, a
//! quick fix, definitions across platform variants, pull diagnostics, and robustness.

mod common;

use common::mistakes_copy;
use lsp_server::{Connection, Message, Notification, Request, RequestId, ResponseError};

use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

/// A response split into its result and error.
#[derive(Debug)]
struct Reply {
    result: Option<Value>,
    error: Option<ResponseError>,
}

struct Client {
    conn: Connection,
    next: i32,
    server: Option<std::thread::JoinHandle<()>>,
}

fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

impl Client {
    fn start(root: &Path, pull: bool, options: Value) -> Client {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || {
            gotags::lsp::serve(&server).unwrap();
        });
        let mut c = Client {
            conn: client,
            next: 1,
            server: Some(handle),
        };
        let caps = if pull {
            json!({"textDocument": {"diagnostic": {}}})
        } else {
            json!({})
        };
        let r = c.request(
            "initialize",
            json!({"processId": null, "rootUri": uri(root), "capabilities": caps,
                   "initializationOptions": options}),
        );
        assert!(r.result.is_some(), "{r:?}");
        c.notify("initialized", json!({}));
        c
    }

    /// Opens `file` as an unsaved buffer holding `text` (version 1).
    fn open(&self, file: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(file), "languageId": "go", "version": 1, "text": text}}),
        );
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Message::Notification(Notification::new(
                method.into(),
                params,
            )))
            .unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Reply {
        let id = RequestId::from(self.next);
        self.next += 1;
        self.conn
            .sender
            .send(Message::Request(Request::new(
                id.clone(),
                method.into(),
                params,
            )))
            .unwrap();
        loop {
            match self.conn.receiver.recv_timeout(Duration::from_secs(60)) {
                Ok(Message::Response(r)) if r.id == id => {
                    return match r.response_result {
                        Ok(v) => Reply {
                            result: Some(v),
                            error: None,
                        },
                        Err(e) => Reply {
                            result: None,
                            error: Some(e),
                        },
                    }
                }
                Ok(_) => {}
                Err(e) => panic!("no response to {method}: {e}"),
            }
        }
    }

    /// The next diagnostics published for `file`.
    fn diagnostics_for(&self, file: &Path) -> Vec<Value> {
        let want = uri(file);
        loop {
            match self.conn.receiver.recv_timeout(Duration::from_secs(60)) {
                Ok(Message::Notification(n)) if n.method == "textDocument/publishDiagnostics" => {
                    if n.params["uri"] == want {
                        return n.params["diagnostics"]
                            .as_array()
                            .cloned()
                            .unwrap_or_default();
                    }
                }
                Ok(_) => {}
                Err(e) => panic!("no diagnostics for {}: {e}", file.display()),
            }
        }
    }

    fn stop(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.error.is_none());
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap();
    }
}

fn codes(d: &[Value]) -> Vec<String> {
    d.iter()
        .map(|x| x["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn unsaved_buffers_hovers_fixes_and_robustness() {
    let (_tmp, root) = mistakes_copy();
    let options = json!({"platforms": "linux/amd64,windows/amd64,darwin/arm64"});
    let mut c = Client::start(&root, false, options);
    let file = root.join("constraints/new.go");
    // An unsaved buffer (no such file on disk) with a misspelt tag after non-ASCII text.
    let text = "//go:build é || linx\n\npackage constraints\n";
    c.open(&file, text);
    let d = c.diagnostics_for(&file);
    let gt201: Vec<&Value> = d.iter().filter(|x| x["code"] == "GT201").collect();
    assert_eq!(gt201.len(), 1, "{d:?}");
    // `linx` starts at byte 17 but UTF-16 unit 16.
    assert_eq!(
        gt201[0]["range"]["start"],
        json!({"line": 0, "character": 16})
    );
    assert_eq!(
        gt201[0]["range"]["end"],
        json!({"line": 0, "character": 20})
    );

    // The quick fix replaces exactly the tag.
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    let actions = r.result.unwrap();
    let edit = &actions[0]["edit"]["changes"][uri(&file)][0];
    assert_eq!(edit["newText"], "linux", "{actions}");
    assert_eq!(edit["range"]["start"]["character"], 16);

    // Hover on the constraint line: the configurations that compile it.
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&file)}, "position": {"line": 0, "character": 3}}),
    );
    let hover = r.result.unwrap()["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        hover.contains("compiles on 0 of 6 configurations"),
        "{hover}"
    );
    assert!(hover.contains("is false"), "{hover}");

    // The fixing edit (incremental) clears the finding.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&file), "version": 2},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 16}, "end": {"line": 0, "character": 20}}, "text": "linux"}]}),
    );
    let d = c.diagnostics_for(&file);
    assert!(!codes(&d).contains(&"GT201".to_string()), "{d:?}");
    let r = c.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri(&file)}}),
    );
    assert_eq!(
        r.result.unwrap()[0]["command"]["title"],
        "compiles on 2 of 6 configurations"
    );

    // Hover on a //go:embed pattern of a file never opened: matches and dropped files.
    let emb = root.join("emb/emb.go");
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&emb)}, "position": {"line": 10, "character": 13}}),
    );
    let hover = r.result.unwrap()["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(hover.contains("static/_hidden.css"), "{hover}");
    assert!(hover.contains("all:static"), "{hover}");

    // Hover on //go:generate: the command as go generate runs it.
    let gen = root.join("gen/gen.go");
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&gen)}, "position": {"line": 3, "character": 3}}),
    );
    let hover = r.result.unwrap()["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(hover.contains("go generate runs"), "{hover}");
    assert!(
        hover.contains("go run golang.org/x/tools/cmd/stringer@latest -type=K"),
        "{hover}"
    );

    // Definition across platform variants.
    let undef = root.join("matrixgaps/undef/undef.go");
    let src = std::fs::read_to_string(&undef).unwrap();
    let (line, col) = src
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("helper").map(|c| (i, c)))
        .unwrap();
    let r = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&undef)}, "position": {"line": line, "character": col + 1}}),
    );
    let locs = r.result.unwrap();
    assert!(locs.as_array().map_or(0, |a| a.len()) >= 2, "{locs}");

    // Unknown methods, bad params, never-opened and missing files.
    let r = c.request("gotags/nonsense", json!({}));
    assert_eq!(r.error.map(|e| e.code), Some(-32601));
    let r = c.request("textDocument/hover", json!({"bogus": 1}));
    assert_eq!(r.error.map(|e| e.code), Some(-32602));
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&root.join("nope/gone.go"))}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r.result, Some(Value::Null));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&root.join("never.go")), "version": 2}, "contentChanges": [{"text": "x"}]}),
    );

    // Rapid edits and a huge buffer: the last state wins.
    for v in 3..50 {
        let t = if v % 2 == 0 {
            "//go:build linx\n\npackage constraints\n"
        } else {
            "package constraints\n"
        };
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(&file), "version": v}, "contentChanges": [{"text": t}]}),
        );
    }
    let huge = format!(
        "//go:build darwn\n\npackage constraints\n{}",
        "// é filler line\n".repeat(200_000)
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&file), "version": 50}, "contentChanges": [{"text": huge}]}),
    );
    let d = loop {
        let d = c.diagnostics_for(&file);
        if codes(&d).contains(&"GT201".to_string())
            && d.iter()
                .any(|x| x["message"].as_str().unwrap_or_default().contains("darwn"))
        {
            break d;
        }
    };
    assert!(!d.is_empty());
    c.stop();
}

#[test]
fn pull_diagnostics_and_configuration() {
    let (_tmp, root) = mistakes_copy();
    let mut c = Client::start(&root, true, json!({"platforms": "linux/amd64"}));
    let r = c.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let items = r.result.unwrap()["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(items.len() > 10, "{items:?}");
    let gt201 = root.join("constraints/gt201.go");
    let r = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri(&gt201)}}),
    );
    assert_eq!(
        codes(r.result.unwrap()["items"].as_array().unwrap()),
        vec!["GT201"]
    );
    // Selecting only GT1 through the configuration drops GT201.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"gotags": {"platforms": "linux/amd64", "select": ["GT1"]}}}),
    );
    let r = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri(&gt201)}}),
    );
    assert!(r.result.unwrap()["items"].as_array().unwrap().is_empty());
    c.stop();
}

#[test]
fn end_of_input_ends_the_server() {
    let (_tmp, root) = mistakes_copy();
    let c = Client::start(&root, true, json!({"platforms": "linux/amd64"}));
    let Client { conn, server, .. } = c;
    drop(conn);
    server.unwrap().join().unwrap();
}

/// The "flags that compile this file" action: the smallest tag set and a platform, as the
/// gopls settings, shown by the command it carries.
#[test]
fn flags_that_compile_this_file() {
    let (_tmp, root) = mistakes_copy();
    let options = json!({"platforms": "linux/amd64,windows/amd64,darwin/arm64"});
    let mut c = Client::start(&root, false, options);
    let file = root.join("constraints/needs_tags.go");
    let text = "//go:build windows && (integration || (a && b))\n\npackage constraints\n";
    c.open(&file, text);
    let _ = c.diagnostics_for(&file);
    let at = json!({"line": 2, "character": 0});
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": {"start": at, "end": at},
               "context": {"diagnostics": []}}),
    );
    let actions = r.result.unwrap();
    let flags = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "source")
        .cloned()
        .unwrap_or_else(|| panic!("no flags action: {actions}"));
    assert_eq!(
        flags["title"],
        "Flags that compile this file: GOOS=windows GOARCH=amd64 -tags=integration"
    );
    let settings = &flags["command"]["arguments"][0]["settings"];
    assert_eq!(
        *settings,
        json!({"build.env": {"GOOS": "windows", "GOARCH": "amd64"},
               "build.buildFlags": ["-tags=integration"]})
    );
    // Running the command shows the settings and returns them.
    let r = c.request(
        "workspace/executeCommand",
        json!({"command": flags["command"]["command"], "arguments": flags["command"]["arguments"]}),
    );
    assert_eq!(r.result.as_ref(), Some(settings));
    // Asking for quick fixes only leaves it out.
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": {"start": at, "end": at},
               "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    let kinds: Vec<Value> = r
        .result
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].clone())
        .collect();
    assert!(!kinds.contains(&json!("source")), "{kinds:?}");
    // A file no tag set compiles gets no such action.
    let never = "//go:build linux && windows\n\npackage constraints\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&file), "version": 2}, "contentChanges": [{"text": never}]}),
    );
    let _ = c.diagnostics_for(&file);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": {"start": at, "end": at},
               "context": {"diagnostics": []}}),
    );
    let actions = r.result.unwrap();
    assert!(
        !actions
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "source"),
        "{actions}"
    );
    c.stop();
}

/// The lens on a top-level declaration names the configurations where the package builds
/// but no compiled file declares it.
#[test]
fn lens_on_a_declaration_missing_somewhere() {
    let (_tmp, root) = mistakes_copy();
    let options = json!({"platforms": "linux/amd64,windows/amd64,darwin/arm64"});
    let mut c = Client::start(&root, false, options);
    let lenses = |c: &mut Client, p: &Path| -> Vec<String> {
        let r = c.request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri(p)}}),
        );
        r.result
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                l["command"]["title"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    };
    let linux = root.join("matrixgaps/undef/helper_linux.go");
    assert_eq!(
        lenses(&mut c, &linux),
        vec!["helper missing on 2 of 6 configurations: windows/* (2 of 6)"]
    );
    // Declared on every configuration where the package builds: no lens.
    assert!(lenses(&mut c, &root.join("matrixgaps/undef/undef.go")).is_empty());
    // A windows variant in an unsaved buffer closes the gap.
    let win = root.join("matrixgaps/undef/helper_windows.go");
    c.open(&win, "package undef\n\nfunc helper() int { return 3 }\n");
    let _ = c.diagnostics_for(&root.join("matrixgaps/undef/undef.go"));
    assert!(lenses(&mut c, &linux).is_empty());
    c.stop();
}

/// Edits that queue up while the server is busy are analysed once, for the last text:
/// no diagnostics are published for a superseded version.
#[test]
fn queued_edits_are_analysed_once_for_the_last_text() {
    let (_tmp, root) = mistakes_copy();
    let (server, client) = Connection::memory();
    let file = root.join("constraints/burst.go");
    let send = |m: Message| client.sender.send(m).unwrap();
    // Everything is queued before the server starts: it drains all of it before analysing.
    send(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".into(),
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {},
               "initializationOptions": {"platforms": "linux/amd64"}}),
    )));
    send(Message::Notification(Notification::new(
        "initialized".into(),
        json!({}),
    )));
    send(Message::Notification(Notification::new(
        "textDocument/didOpen".into(),
        json!({"textDocument": {"uri": uri(&file), "languageId": "go", "version": 1,
               "text": "package constraints\n"}}),
    )));
    for v in 2..=40 {
        // Every version has a misspelt GOOS; only the last one's is `linx`.
        let tag = if v == 40 { "linx" } else { "windos" };
        let text = format!("//go:build {tag}\n\npackage constraints\n");
        send(Message::Notification(Notification::new(
            "textDocument/didChange".into(),
            json!({"textDocument": {"uri": uri(&file), "version": v}, "contentChanges": [{"text": text}]}),
        )));
    }
    let handle = std::thread::spawn(move || gotags::lsp::serve(&server).unwrap());
    // The first diagnostics for the file are those of the last version.
    let published = loop {
        match client.receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(Message::Notification(n))
                if n.method == "textDocument/publishDiagnostics"
                    && n.params["uri"] == uri(&file) =>
            {
                break n.params;
            }
            Ok(_) => {}
            Err(e) => panic!("no diagnostics: {e}"),
        }
    };
    assert_eq!(published["version"], 40, "{published}");
    let text = published["diagnostics"].to_string();
    assert!(
        text.contains("linx") && !text.contains("windos"),
        "{published}"
    );
    send(Message::Request(Request::new(
        RequestId::from(2),
        "shutdown".into(),
        Value::Null,
    )));
    send(Message::Notification(Notification::new(
        "exit".into(),
        Value::Null,
    )));
    handle.join().unwrap();
}
