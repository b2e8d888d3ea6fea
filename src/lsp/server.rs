//! The server loop: dispatches requests and notifications, keeps the open documents, and
//! schedules analysis. Messages are drained before any analysis runs, so a burst of edits
//! is analysed once, for its last state (older work is dropped, never done); then only the
//! directories the edits touched are re-checked and only changed diagnostics are published.

use super::convert::{self, Text};
use super::explain;
use super::settings::Settings;
use super::text::Document;
use super::workspace::Workspace;
use crate::check::fix::{self, FixSite};
use crate::go::lines::LineIndex;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::{self as lt, notification::Notification as _, request::Request as _};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Why the server stopped abnormally.
#[derive(Debug)]
pub enum ServeError {
    /// The handshake failed (the client hung up or sent something else first).
    Initialize(lsp_server::ProtocolError),
    /// The client's `initialize` parameters are not LSP's.
    BadInitialize(serde_json::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Initialize(e) => write!(f, "initialize: {e}"),
            ServeError::BadInitialize(e) => write!(f, "initialize parameters: {e}"),
        }
    }
}

/// The command behind "flags that compile this file": shows the gopls settings to paste.
const BUILD_FLAGS: &str = "gotags.buildFlags";

/// The server's capabilities.
fn capabilities() -> Value {
    json!({
        "textDocumentSync": {"openClose": true, "change": 2, "save": false},
        "hoverProvider": true,
        "codeLensProvider": {"resolveProvider": false},
        "codeActionProvider": {"codeActionKinds": ["quickfix", "source"]},
        "executeCommandProvider": {"commands": [BUILD_FLAGS]},
        "definitionProvider": true,
        "diagnosticProvider": {"identifier": "gotags", "interFileDependencies": true, "workspaceDiagnostics": true}
    })
}

/// Runs the server on a connection until `exit` or the end of input.
pub fn serve(conn: &Connection) -> Result<(), ServeError> {
    let (id, params) = conn.initialize_start().map_err(ServeError::Initialize)?;
    let init: lt::InitializeParams =
        serde_json::from_value(params).map_err(ServeError::BadInitialize)?;
    let result = json!({
        "capabilities": capabilities(),
        "serverInfo": {"name": "gotags", "version": env!("CARGO_PKG_VERSION")}
    });
    conn.initialize_finish(id, result)
        .map_err(ServeError::Initialize)?;
    let mut s = Server::new(conn, &init);
    s.load();
    // Each wake-up drains what is waiting before the analysis runs.
    for first in conn.receiver.iter() {
        for m in std::iter::once(first).chain(conn.receiver.try_iter()) {
            if !s.handle(m) {
                return Ok(());
            }
        }
        s.flush();
    }
    Ok(())
}

struct Server<'c> {
    conn: &'c Connection,
    root: Option<PathBuf>,
    settings: Settings,
    goroot: String,
    ws: Option<Workspace>,
    docs: HashMap<PathBuf, Document>,
    /// Text and line index of files that are not open (read once, for positions).
    disk: HashMap<PathBuf, (Vec<u8>, LineIndex)>,
    /// Directories whose files changed, with their presence per platform before.
    dirty: BTreeMap<usize, Vec<bool>>,
    /// Directories to re-check because a package they import changed its presence.
    importers: std::collections::BTreeSet<usize>,
    published: HashMap<PathBuf, Vec<lt::Diagnostic>>,
    /// The client pulls diagnostics (`textDocument/diagnostic`): nothing is pushed.
    pull: bool,
    shutting_down: bool,
}

impl<'c> Server<'c> {
    fn new(conn: &'c Connection, init: &lt::InitializeParams) -> Server<'c> {
        #[allow(deprecated)]
        let root = init
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .and_then(|f| convert::path_of(&f.uri))
            .or_else(|| init.root_uri.as_ref().and_then(convert::path_of));
        let pull = init
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        let process_env = |name: &str| std::env::var(name).ok();
        Server {
            conn,
            root,
            settings: init
                .initialization_options
                .as_ref()
                .map(Settings::from_json)
                .unwrap_or_default(),
            goroot: crate::generate::plan::goroot_guess(&process_env, &crate::source::Disk),
            ws: None,
            docs: HashMap::new(),
            disk: HashMap::new(),
            dirty: BTreeMap::new(),
            importers: Default::default(),
            published: HashMap::new(),
            pull,
            shutting_down: false,
        }
    }

    fn send(&self, m: Message) {
        // A closed channel means the client is gone; the loop ends on its own.
        let _ = self.conn.sender.send(m);
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    fn log(&self, text: String) {
        self.notify(
            lt::notification::LogMessage::METHOD,
            json!({"type": 3, "message": text}),
        );
    }

    /// Walks the workspace, swaps in the open buffers and checks everything.
    fn load(&mut self) {
        let Some(root) = self.root.clone() else {
            return;
        };
        match Workspace::load(&root, &self.settings, self.goroot.clone()) {
            Ok(mut ws) => {
                for (p, d) in &self.docs {
                    ws.set_buffer(p, d.text.as_bytes());
                }
                ws.analyse_all();
                self.ws = Some(ws);
                self.dirty.clear();
                self.importers.clear();
                self.disk.clear();
                let n = self.ws.as_ref().map_or(0, |w| w.dirs.len());
                self.publish((0..n).collect());
            }
            Err(e) => self.log(format!("gotags: {e}")),
        }
    }

    /// Returns false when the server must stop.
    fn handle(&mut self, m: Message) -> bool {
        match m {
            Message::Request(r) => {
                if self.shutting_down {
                    if r.method == "exit" {
                        return false;
                    }
                    self.send(Message::Response(Response::new_err(
                        r.id,
                        ErrorCode::InvalidRequest as i32,
                        "shutting down".into(),
                    )));
                    return true;
                }
                self.request(r);
                true
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    return false;
                }
                self.notification(n);
                true
            }
            Message::Response(_) => true,
        }
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        let result: Result<Value, (ErrorCode, String)> = match r.method.as_str() {
            lt::request::Shutdown::METHOD => {
                self.shutting_down = true;
                Ok(Value::Null)
            }
            lt::request::HoverRequest::METHOD => {
                params(r).map(|p| self.hover(p).unwrap_or(Value::Null))
            }
            lt::request::CodeLensRequest::METHOD => {
                params(r).map(|p| self.lens(p).unwrap_or_else(|| json!([])))
            }
            lt::request::CodeActionRequest::METHOD => {
                params(r).map(|p| self.actions(p).unwrap_or_else(|| json!([])))
            }
            lt::request::GotoDefinition::METHOD => {
                params(r).map(|p| self.definition(p).unwrap_or(Value::Null))
            }
            lt::request::ExecuteCommand::METHOD => params(r).and_then(|p| self.execute(p)),
            lt::request::DocumentDiagnosticRequest::METHOD => params(r).map(|p| {
                self.flush_with(false);
                self.document_diagnostics(p)
            }),
            lt::request::WorkspaceDiagnosticRequest::METHOD => {
                params::<lt::WorkspaceDiagnosticParams>(r).map(|_| {
                    self.flush_with(false);
                    self.workspace_diagnostics()
                })
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("gotags does not handle {other}"),
            )),
        };
        let resp = match result {
            Ok(v) => Response::new_ok(id, v),
            Err((code, msg)) => Response::new_err(id, code as i32, msg),
        };
        self.send(Message::Response(resp));
    }

    /// Handles a notification; one whose parameters are not LSP's is ignored (`None`).
    fn notification(&mut self, n: Notification) -> Option<()> {
        use lt::notification as ln;
        match n.method.as_str() {
            ln::DidOpenTextDocument::METHOD => {
                let p: lt::DidOpenTextDocumentParams = serde_json::from_value(n.params).ok()?;
                let path = convert::path_of(&p.text_document.uri)?;
                let d = Document::new(p.text_document.text, p.text_document.version);
                self.buffer_changed(&path, d);
            }
            ln::DidChangeTextDocument::METHOD => {
                let p: lt::DidChangeTextDocumentParams = serde_json::from_value(n.params).ok()?;
                let path = convert::path_of(&p.text_document.uri)?;
                let mut d = self.docs.remove(&path)?;
                for c in p.content_changes {
                    d.apply(c);
                }
                d.version = p.text_document.version;
                self.buffer_changed(&path, d);
            }
            ln::DidCloseTextDocument::METHOD => {
                let p: lt::DidCloseTextDocumentParams = serde_json::from_value(n.params).ok()?;
                let path = convert::path_of(&p.text_document.uri)?;
                self.docs.remove(&path);
                self.disk.remove(&path);
                self.mark(&path, |ws, p| ws.reread(p));
            }
            ln::DidChangeConfiguration::METHOD => {
                let p: lt::DidChangeConfigurationParams = serde_json::from_value(n.params).ok()?;
                let s = Settings::from_json(&p.settings);
                if s != Settings::default() || self.settings != s {
                    self.settings = s;
                    self.load();
                }
            }
            ln::DidChangeWatchedFiles::METHOD => {
                let p: lt::DidChangeWatchedFilesParams = serde_json::from_value(n.params).ok()?;
                for path in p.changes.iter().filter_map(|c| convert::path_of(&c.uri)) {
                    if !self.docs.contains_key(&path) {
                        self.disk.remove(&path);
                        self.mark(&path, |ws, p| ws.reread(p));
                    }
                }
            }
            _ => {}
        }
        Some(())
    }

    /// Records a buffer's new text and swaps its facts in (analysis waits for `flush`).
    fn buffer_changed(&mut self, path: &Path, d: Document) {
        let bytes = d.text.clone().into_bytes();
        self.docs.insert(path.to_path_buf(), d);
        self.mark(path, |ws, p| ws.set_buffer(p, &bytes));
    }

    fn mark(&mut self, path: &Path, change: impl FnOnce(&mut Workspace, &Path) -> Option<usize>) {
        let Some(ws) = self.ws.as_mut() else { return };
        let before = ws.locate(path).map(|(di, _)| ws.presence_of(di));
        if let (Some(di), Some(before)) = (change(ws, path), before) {
            self.dirty.entry(di).or_insert(before);
        }
    }

    /// Re-checks the directories changed since the last flush, one at a time, publishing
    /// each. With `cancel`, it stops as soon as a newer message is waiting: the rest stays
    /// queued and is re-checked after that message (an edit re-marks its directory, so
    /// work for a superseded text is never finished).
    fn flush_with(&mut self, cancel: bool) {
        loop {
            if cancel && !self.conn.receiver.is_empty() {
                return;
            }
            let Some(ws) = self.ws.as_mut() else { return };
            let done = if let Some((di, before)) = self.dirty.pop_first() {
                self.importers.extend(ws.analyse_changed(di, &before));
                self.importers.remove(&di);
                di
            } else if let Some(j) = self.importers.pop_first() {
                ws.analyse_one(j);
                j
            } else {
                return;
            };
            self.publish(vec![done]);
        }
    }

    /// Re-checks what changed, giving way to newer messages.
    fn flush(&mut self) {
        self.flush_with(true);
    }

    /// Runs `f` over the current text of `path` (the buffer, else the saved file).
    fn with_text<R>(&mut self, path: &Path, f: impl FnOnce(&Text) -> R) -> Option<R> {
        if let Some(d) = self.docs.get(path) {
            return Some(f(&Text {
                src: d.text.as_bytes(),
                index: d.index(),
            }));
        }
        if !self.disk.contains_key(path) {
            let src = std::fs::read(path).ok()?;
            let index = LineIndex::new(&src);
            self.disk.insert(path.to_path_buf(), (src, index));
        }
        let (src, index) = self.disk.get(path)?;
        Some(f(&Text { src, index }))
    }

    /// LSP diagnostics of one file from the current findings.
    fn lsp_diags(&mut self, path: &Path) -> Vec<lt::Diagnostic> {
        let found: Vec<crate::check::Diagnostic> = match &self.ws {
            Some(ws) => ws.diags_of(path).into_iter().cloned().collect(),
            None => return Vec::new(),
        };
        if found.is_empty() {
            return Vec::new();
        }
        self.with_text(path, |t| {
            found.iter().map(|d| convert::diagnostic(d, t)).collect()
        })
        .unwrap_or_default()
    }

    /// Publishes the changed diagnostics of the files of `dirs` (push clients only).
    fn publish(&mut self, dirs: Vec<usize>) {
        if self.pull {
            return;
        }
        let Some(ws) = &self.ws else { return };
        let mut paths: Vec<PathBuf> = Vec::new();
        for &di in &dirs {
            let Some(d) = ws.dirs.get(di) else { continue };
            for x in &ws.diags[di] {
                paths.push(ws.module.root.join(&x.file));
            }
            // Files shown before (their diagnostics may be gone) and open buffers (each
            // change gets an answer for its version, empty or not).
            paths.extend(
                self.published
                    .keys()
                    .chain(self.docs.keys())
                    .filter(|p| p.parent() == Some(d.dir.as_path()))
                    .cloned(),
            );
        }
        paths.sort();
        paths.dedup();
        for p in paths {
            let diags = self.lsp_diags(&p);
            if self.published.get(&p) == Some(&diags) {
                continue;
            }
            let Some(uri) = convert::uri_of(&p) else {
                continue;
            };
            let version = self.docs.get(&p).map(|d| d.version);
            self.notify(
                lt::notification::PublishDiagnostics::METHOD,
                json!({"uri": uri, "diagnostics": diags, "version": version}),
            );
            if diags.is_empty() {
                self.published.remove(&p);
            } else {
                self.published.insert(p, diags);
            }
        }
    }

    fn document_diagnostics(&mut self, p: lt::DocumentDiagnosticParams) -> Value {
        let items = convert::path_of(&p.text_document.uri)
            .map(|path| self.lsp_diags(&path))
            .unwrap_or_default();
        json!({"kind": "full", "items": items})
    }

    fn workspace_diagnostics(&mut self) -> Value {
        let Some(ws) = &self.ws else {
            return json!({"items": []});
        };
        let mut paths: Vec<PathBuf> = ws
            .diags
            .iter()
            .flatten()
            .map(|d| ws.module.root.join(&d.file))
            .collect();
        paths.sort();
        paths.dedup();
        let mut items = Vec::new();
        for p in paths {
            let diags = self.lsp_diags(&p);
            if let Some(uri) = convert::uri_of(&p) {
                let version = self.docs.get(&p).map(|d| d.version);
                items.push(json!({"kind": "full", "uri": uri, "version": version, "items": diags}));
            }
        }
        json!({ "items": items })
    }

    /// The 1-based line at an LSP position and its text.
    fn line_at(&mut self, path: &Path, pos: lt::Position) -> Option<(u32, String, u32)> {
        self.with_text(path, |t| {
            let start = t.index.line_start(pos.line + 1)?;
            let rest = &t.src[start..];
            let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            let line = String::from_utf8_lossy(&rest[..end]).into_owned();
            let off = super::text::offset_in(
                std::str::from_utf8(t.src).unwrap_or_default(),
                t.index,
                pos,
            );
            Some((pos.line + 1, line, (off.saturating_sub(start)) as u32))
        })
        .flatten()
    }

    fn hover(&mut self, p: lt::HoverParams) -> Option<Value> {
        let tdp = p.text_document_position_params;
        let path = convert::path_of(&tdp.text_document.uri)?;
        let (line, text, _) = self.line_at(&path, tdp.position)?;
        let ws = self.ws.as_ref()?;
        let (d, f) = ws.file(&path)?;
        let t = text.trim_start();
        let md = if t.starts_with("//go:build") || t.starts_with("// +build") {
            Some(explain::constraint_hover(f, &ws.plan.set))
        } else if t.starts_with("//go:embed") {
            explain::embed_hover(&d.dir, f, line)
        } else if t.starts_with("//go:generate") {
            explain::generate_hover(d, f, line, &ws.plan.set, &ws.goroot)
        } else {
            None
        }?;
        Some(json!({"contents": {"kind": "markdown", "value": md}}))
    }

    fn lens(&mut self, p: lt::CodeLensParams) -> Option<Value> {
        let path = convert::path_of(&p.text_document.uri)?;
        let ws = self.ws.as_ref()?;
        let (d, f) = ws.file(&path)?;
        let lens = |line: u32, title: String| {
            let at = json!({"line": line.saturating_sub(1), "character": 0});
            json!({"range": {"start": at, "end": at}, "command": {"title": title, "command": ""}})
        };
        let mut out = Vec::new();
        if let crate::facts::HeaderOutcome::Read(h) = &f.header {
            let first = h
                .go_build
                .as_deref()
                .into_iter()
                .chain(&h.plus_build)
                .map(|c| c.line.line);
            if let Some(line) = first.min() {
                out.push(lens(line, explain::lens_title(f, &ws.plan.set)));
            }
        }
        for l in super::missing::lenses(d, f, &ws.plan.set) {
            out.push(lens(l.line, l.title));
        }
        Some(Value::Array(out))
    }

    /// "Flags that compile this file", as a command carrying the gopls settings.
    fn flags_action(&self, path: &Path) -> Option<Value> {
        let ws = self.ws.as_ref()?;
        let (_, f) = ws.file(path)?;
        let flags = super::flags::smallest(f, &ws.plan.set)?;
        let title = format!("Flags that compile this file: {}", flags.summary());
        let file = path.display().to_string();
        Some(json!({
            "title": title,
            "kind": "source",
            "command": {"title": title, "command": BUILD_FLAGS,
                        "arguments": [{"file": file, "settings": flags.gopls_settings()}]}
        }))
    }

    /// `workspace/executeCommand`: shows the gopls settings (and returns them).
    fn execute(&mut self, p: lt::ExecuteCommandParams) -> Result<Value, (ErrorCode, String)> {
        if p.command != BUILD_FLAGS {
            return Err((
                ErrorCode::InvalidParams,
                format!("unknown command {}", p.command),
            ));
        }
        let Some(arg) = p.arguments.first() else {
            return Err((ErrorCode::InvalidParams, "no arguments".into()));
        };
        let settings = &arg["settings"];
        let text = serde_json::to_string_pretty(settings).unwrap_or_default();
        self.notify(
            lt::notification::ShowMessage::METHOD,
            json!({"type": 3, "message": format!(
                "gopls settings that build {}:\n{text}",
                arg["file"].as_str().unwrap_or("this file")
            )}),
        );
        Ok(settings.clone())
    }

    fn actions(&mut self, p: lt::CodeActionParams) -> Option<Value> {
        let path = convert::path_of(&p.text_document.uri)?;
        let ws = self.ws.as_ref()?;
        let first = p.range.start.line + 1;
        let last = p.range.end.line + 1;
        // Only kinds the client asked for ("source" is wanted by "source" or no filter).
        let wants_source = p.context.only.as_ref().map_or(true, |only| {
            only.iter()
                .any(|k| k.as_str() == "source" || k.as_str().is_empty())
        });
        let found: Vec<crate::check::Diagnostic> = ws
            .diags_of(&path)
            .into_iter()
            .filter(|d| d.line <= last && d.end_line >= first)
            .cloned()
            .collect();
        let uri = p.text_document.uri;
        let mut out = self
            .with_text(&path, |t| {
                let mut out = Vec::new();
                for d in &found {
                    let Some(rule) = crate::check::registry::find(&d.code) else {
                        continue;
                    };
                    let Some(fx) = &rule.fix else { continue };
                    let Some(edits) = (fx.edits)(&FixSite::of(t.src, d)) else {
                        continue;
                    };
                    if fix::apply(t.src, &edits).is_none() {
                        continue;
                    }
                    let title = if fx.safe {
                        format!("{} ({})", fx.title, d.code)
                    } else {
                        format!("{} ({}, unsafe)", fx.title, d.code)
                    };
                    out.push(json!({
                        "title": title,
                        "kind": "quickfix",
                        "isPreferred": fx.safe,
                        "diagnostics": [convert::diagnostic(d, t)],
                        "edit": {"changes": {uri.as_str(): convert::text_edits(&edits, t)}}
                    }));
                }
                Value::Array(out)
            })
            .unwrap_or_else(|| json!([]));
        if wants_source {
            if let (Some(more), Value::Array(all)) = (self.flags_action(&path), &mut out) {
                all.push(more);
            }
        }
        Some(out)
    }

    fn definition(&mut self, p: lt::GotoDefinitionParams) -> Option<Value> {
        let tdp = p.text_document_position_params;
        let path = convert::path_of(&tdp.text_document.uri)?;
        let (_, text, col) = self.line_at(&path, tdp.position)?;
        let name = word_at(&text, col as usize)?;
        let ws = self.ws.as_ref()?;
        let (d, _) = ws.file(&path)?;
        let mut sites: Vec<(PathBuf, u32, u32, usize)> = Vec::new();
        for f in &d.files {
            let Some(scan) = f.body.as_ref().and_then(|b| b.decls.as_ref()) else {
                continue;
            };
            for decl in scan
                .decls
                .iter()
                .filter(|x| x.receiver.is_none() && x.name == name)
            {
                sites.push((d.dir.join(&f.name), decl.line, decl.column, decl.name.len()));
            }
        }
        let mut out = Vec::new();
        for (file, line, col, len) in sites {
            let Some(uri) = convert::uri_of(&file) else {
                continue;
            };
            if let Some(range) = self.with_text(&file, |t| {
                super::text::range_in(t.src, t.index, line, col, line, col + len as u32)
            }) {
                out.push(json!({"uri": uri, "range": range}));
            }
        }
        Some(Value::Array(out))
    }
}

/// The Go identifier around byte `col` of `line`.
fn word_at(line: &str, col: usize) -> Option<String> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut col = col.min(line.len());
    while !line.is_char_boundary(col) {
        col -= 1;
    }
    let start = line[..col]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(col, |(i, _)| i);
    let end = col
        + line[col..]
            .char_indices()
            .find(|(_, c)| !is_word(*c))
            .map_or(line.len() - col, |(i, _)| i);
    (start < end).then(|| line[start..end].to_string())
}

/// A request's parameters, or InvalidParams.
fn params<P: serde::de::DeserializeOwned>(r: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(r.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}
