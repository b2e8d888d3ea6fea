//! A small scanner for Go top-level declarations: funcs, methods (with receiver type), types,
//! vars and consts, with their lines. It tokenizes just enough of Go (comments, interpreted
//! and raw strings, runes, brackets and newlines) to find declarations at brace depth zero
//! and the specs of `var (…)`/`const (…)`/`type (…)` groups. It is not a parser: malformed
//! input yields whatever names it can see, never a panic.

use serde::Serialize;

/// What kind of name a declaration introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DeclKind {
    Func,
    Method,
    Type,
    Var,
    Const,
}

/// One top-level name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Decl {
    pub kind: DeclKind,
    pub name: String,
    /// The receiver's base type for methods (`T` for `func (t *T[K]) M()`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receiver: Option<String>,
    pub line: u32,
}

impl Decl {
    /// The scope key: package-level names share one scope whatever their kind; methods are
    /// scoped by receiver type.
    pub fn key(&self) -> String {
        match &self.receiver {
            Some(r) => format!("{r}.{}", self.name),
            None => self.name.clone(),
        }
    }

    /// `func F`, `method (T) M`, `type T` …
    pub fn describe(&self) -> String {
        match (&self.kind, &self.receiver) {
            (DeclKind::Method, Some(r)) => format!("method ({r}) {}", self.name),
            (DeclKind::Func, _) => format!("func {}", self.name),
            (DeclKind::Type, _) => format!("type {}", self.name),
            (DeclKind::Var, _) => format!("var {}", self.name),
            (DeclKind::Const, _) => format!("const {}", self.name),
            (DeclKind::Method, None) => format!("method {}", self.name),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Open(u8),
    Close(u8),
    /// A string, raw string, rune or number literal.
    Lit,
    Comma,
    Semi,
    Star,
    Other,
}

/// Go's automatic semicolon rule, for the tokens this scanner distinguishes: a newline ends
/// a statement after an identifier (keywords included), a literal or a closing bracket.
fn newline(out: &mut Vec<(Tok, u32)>, line: u32) {
    if matches!(
        out.last(),
        Some((Tok::Ident(_), _)) | Some((Tok::Lit, _)) | Some((Tok::Close(_), _))
    ) {
        out.push((Tok::Semi, line));
    }
}

/// Tokens with their lines; newlines become `Semi` where Go would insert one.
fn tokenize(src: &[u8]) -> Vec<(Tok, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1u32;
    let n = src.len();
    while i < n {
        let c = src[i];
        match c {
            b'\n' => {
                newline(&mut out, line);
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'/' if src.get(i + 1) == Some(&b'/') => {
                while i < n && src[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if src.get(i + 1) == Some(&b'*') => {
                i += 2;
                let mut had_newline = false;
                while i < n && !(src[i] == b'*' && src.get(i + 1) == Some(&b'/')) {
                    if src[i] == b'\n' {
                        line += 1;
                        had_newline = true;
                    }
                    i += 1;
                }
                i = (i + 2).min(n);
                if had_newline {
                    newline(&mut out, line);
                }
            }
            b'"' | b'\'' => {
                let start_line = line;
                i += 1;
                while i < n && src[i] != c && src[i] != b'\n' {
                    if src[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i = (i + 1).min(n);
                out.push((Tok::Lit, start_line));
            }
            b'`' => {
                let start_line = line;
                i += 1;
                while i < n && src[i] != b'`' {
                    if src[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i = (i + 1).min(n);
                out.push((Tok::Lit, start_line));
            }
            b'(' | b'[' | b'{' => {
                out.push((Tok::Open(c), line));
                i += 1;
            }
            b')' | b']' | b'}' => {
                out.push((Tok::Close(c), line));
                i += 1;
            }
            b',' => {
                out.push((Tok::Comma, line));
                i += 1;
            }
            b';' => {
                out.push((Tok::Semi, line));
                i += 1;
            }
            b'*' => {
                out.push((Tok::Star, line));
                i += 1;
            }
            _ if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                let start = i;
                while i < n && (src[i] == b'_' || src[i].is_ascii_alphanumeric() || src[i] >= 0x80)
                {
                    i += 1;
                }
                let word = String::from_utf8_lossy(&src[start..i]).into_owned();
                out.push((Tok::Ident(word), line));
            }
            _ if c.is_ascii_digit() => {
                while i < n && (src[i].is_ascii_alphanumeric() || src[i] == b'.' || src[i] == b'_')
                {
                    i += 1;
                }
                out.push((Tok::Lit, line));
            }
            _ => {
                out.push((Tok::Other, line));
                i += 1;
            }
        }
    }
    out
}

/// Index just past the bracket matching the one opening at `i`.
fn skip_group(toks: &[(Tok, u32)], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < toks.len() {
        match toks[i].0 {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

fn ident(toks: &[(Tok, u32)], i: usize) -> Option<(&str, u32)> {
    match toks.get(i) {
        Some((Tok::Ident(s), l)) => Some((s.as_str(), *l)),
        _ => None,
    }
}

/// Scans a Go source file's top-level declarations (blank `_` names and `init` funcs left out).
pub fn scan(src: &[u8]) -> Vec<Decl> {
    let toks = tokenize(src);
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    // Declarations start statements: `func` inside `var f func() error` is a type.
    let mut at_start = true;
    while i < toks.len() {
        let starts = at_start;
        at_start = false;
        match &toks[i].0 {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth = depth.saturating_sub(1),
            Tok::Semi if depth == 0 => at_start = true,
            Tok::Ident(w) if depth == 0 && starts => match w.as_str() {
                "func" => {
                    i = scan_func(&toks, i + 1, &mut out);
                    continue;
                }
                "var" | "const" | "type" => {
                    let kind = match w.as_str() {
                        "var" => DeclKind::Var,
                        "const" => DeclKind::Const,
                        _ => DeclKind::Type,
                    };
                    if matches!(toks.get(i + 1), Some((Tok::Open(b'('), _))) {
                        let end = skip_group(&toks, i + 1);
                        scan_group(
                            &toks[i + 2..end.saturating_sub(1).max(i + 2)],
                            kind,
                            &mut out,
                        );
                        i = end;
                    } else {
                        i = scan_spec(&toks, i + 1, kind, &mut out);
                    }
                    continue;
                }
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    out.retain(|d| d.name != "_" && !(d.kind == DeclKind::Func && d.name == "init"));
    out
}

fn scan_func(toks: &[(Tok, u32)], mut i: usize, out: &mut Vec<Decl>) -> usize {
    let mut receiver = None;
    if matches!(toks.get(i), Some((Tok::Open(b'('), _))) {
        let end = skip_group(toks, i);
        // Identifiers at the receiver's own level: `r *T` → [r, T]; `T` → [T].
        let mut names = Vec::new();
        let mut d = 0usize;
        for (t, _) in &toks[i + 1..end.saturating_sub(1).max(i + 1)] {
            match t {
                Tok::Open(_) => d += 1,
                Tok::Close(_) => d = d.saturating_sub(1),
                Tok::Ident(s) if d == 0 => names.push(s.clone()),
                _ => {}
            }
        }
        receiver = names.last().cloned();
        i = end;
    }
    if let Some((name, line)) = ident(toks, i) {
        out.push(Decl {
            kind: if receiver.is_some() {
                DeclKind::Method
            } else {
                DeclKind::Func
            },
            name: name.to_string(),
            receiver,
            line,
        });
        i += 1;
    }
    i
}

/// One spec: an identifier list (`a, b`) for var/const, the first identifier for types.
fn scan_spec(toks: &[(Tok, u32)], mut i: usize, kind: DeclKind, out: &mut Vec<Decl>) -> usize {
    while let Some((name, line)) = ident(toks, i) {
        out.push(Decl {
            kind,
            name: name.to_string(),
            receiver: None,
            line,
        });
        i += 1;
        if kind == DeclKind::Type || !matches!(toks.get(i), Some((Tok::Comma, _))) {
            break;
        }
        i += 1;
        // An identifier list may continue on the next line after a comma.
        while matches!(toks.get(i), Some((Tok::Semi, _))) {
            i += 1;
        }
    }
    i
}

/// The specs inside `( … )`: each starts after `(` or a separator at the group's own level.
fn scan_group(toks: &[(Tok, u32)], kind: DeclKind, out: &mut Vec<Decl>) {
    let mut i = 0;
    let mut at_start = true;
    let mut depth = 0usize;
    while i < toks.len() {
        match &toks[i].0 {
            Tok::Open(_) => {
                depth += 1;
                at_start = false;
            }
            Tok::Close(_) => depth = depth.saturating_sub(1),
            Tok::Semi if depth == 0 => at_start = true,
            Tok::Ident(_) if depth == 0 && at_start => {
                i = scan_spec(toks, i, kind, out);
                at_start = false;
                continue;
            }
            _ => at_start = false,
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(src: &str) -> Vec<String> {
        scan(src.as_bytes()).iter().map(Decl::describe).collect()
    }

    #[test]
    fn funcs_methods_and_specs() {
        let src = r#"package p

import (
	"fmt"
)

// func commented() {}
/* type InBlock int
*/
func F(a, b int) (int, error) { var local = 1; _ = local; return 0, nil }
func (t *T[K]) M() {}
func (T) N() {}
func init() {}
func G[T any](x T) {}
type T[K comparable] struct { f func() }
type (
	A int
	B = string
)
var x, y = 1, 2
var (
	s = "}{"
	r = '}'
	raw = `
func Hidden() {}
`
	p, q int
	fn = func() {
		var inner int
	}
)
const (
	c0 = iota
	c1
	_
)
var _ = fmt.Sprint
"#;
        assert_eq!(
            names(src),
            [
                "func F",
                "method (T) M",
                "method (T) N",
                "func G",
                "type T",
                "type A",
                "type B",
                "var x",
                "var y",
                "var s",
                "var r",
                "var raw",
                "var p",
                "var q",
                "var fn",
                "const c0",
                "const c1"
            ]
        );
    }

    #[test]
    fn func_types_and_continuation_lines_are_not_declarations() {
        let src = "package p\n\nvar hook func([]byte) error\nvar Exp Flags = func() Flags {\n\treturn Flags{}\n}()\nconst (\n\tflags = a | /* x */\n\t\tb |\n\t\tc\n\tok = x &&\n\t\truntime.GOOS == \"linux\"\n)\nfunc after() {}\n";
        assert_eq!(
            names(src),
            [
                "var hook",
                "var Exp",
                "const flags",
                "const ok",
                "func after"
            ]
        );
    }

    #[test]
    fn lines_and_keys() {
        let d = scan(b"package p\n\nfunc (r *Reader) Read() {}\nvar V int\n");
        assert_eq!(d[0].line, 3);
        assert_eq!(d[0].key(), "Reader.Read");
        assert_eq!(d[1].key(), "V");
        assert_eq!(d[1].line, 4);
    }

    #[test]
    fn malformed_input_never_panics() {
        for src in [
            "func",
            "func (",
            "var (",
            "type",
            "\"unterminated",
            "`raw",
            "/* x",
            "var a,",
            ")))",
            "func (a",
        ] {
            let _ = scan(src.as_bytes());
        }
    }
}
