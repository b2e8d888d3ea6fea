//! Top-level declarations and uses of a Go source file, over [`crate::go::scanner`]'s tokens
//! (semicolons inserted): the top-level declarations (funcs, methods with their receiver
//! type, types, vars and consts, with their lines) and the names a file *uses*: identifiers in
//! expression or type position that are not bound locally in the file, and unexported
//! selector names (`.m`). Declarations are found at brace depth zero and as the specs of
//! `var (…)`/`const (…)`/`type (…)` groups. It is not a parser:
//! malformed input yields whatever names it can see, never a panic. Identifiers are borrowed
//! from the source while scanning; only the names kept in the result are allocated.
//!
//! Uses are collected conservatively, for the "undefined: X" finding: an identifier that
//! *might* be bound locally anywhere in the file (`x :=`, `var x` in a body, a parameter,
//! receiver, named result or type parameter) is not a use anywhere in that file; struct
//! field names, interface method names, composite-literal keys and labels (an identifier
//! before `:`), branch labels, keywords, predeclared identifiers and import names are never
//! uses; a file with a dot import reports no uses at all.

use super::names::Names;
use crate::go::scanner::{Kind, Mode, Scanner};
use crate::go::token::{is_keyword, is_predeclared};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

type NameSet<'a> = HashSet<&'a [u8], crate::hashing::FastBuild>;

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
    /// 1-based byte column of the name (not part of the matrix's JSON).
    #[serde(skip)]
    pub column: u32,
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

/// Everything the scanner finds in one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileScan {
    /// Top-level declarations in source order (blank names and `init` funcs left out).
    pub decls: Vec<Decl>,
    /// Identifiers used in expression or type position and not bound locally (sorted, unique).
    pub uses: Names,
    /// Per entry of `uses`: the 1-based line and byte column of its first use.
    pub use_positions: Vec<(u32, u32)>,
    /// Unexported names used as selectors (`x.m`), sorted, unique.
    pub selectors: Names,
    /// Per entry of `selectors`: the 1-based line and byte column of its first use.
    pub selector_positions: Vec<(u32, u32)>,
    /// Unexported struct field and interface method names declared anywhere in the file.
    pub members: Names,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok<'a> {
    Ident(&'a [u8]),
    Open(u8),
    Close(u8),
    /// An interpreted or raw string (its content, escapes left as written).
    Str(&'a [u8]),
    /// A rune or number literal.
    Lit,
    Comma,
    Semi,
    Star,
    Dot,
    Colon,
    /// `:=`
    Define,
    Other,
}

type Token<'a> = (Tok<'a>, u32);

/// The scanner's tokens (comments skipped, semicolons inserted) in this module's terms.
fn tokenize(src: &[u8]) -> Vec<Token<'_>> {
    let mut sc = Scanner::new(src, Mode::PARSER);
    let mut out = Vec::with_capacity(src.len() / 6);
    loop {
        let t = sc.next();
        let tok = match t.kind {
            Kind::Eof => return out,
            Kind::Ident | Kind::Keyword(_) => Tok::Ident(t.text(src)),
            Kind::Op(op) => match (op.len(), op.as_bytes()[0]) {
                (1, b @ (b'(' | b'[' | b'{')) => Tok::Open(b),
                (1, b @ (b')' | b']' | b'}')) => Tok::Close(b),
                (1, b',') => Tok::Comma,
                (1, b'*') => Tok::Star,
                (1, b'.') => Tok::Dot,
                (1, b':') => Tok::Colon,
                (2, b':') => Tok::Define,
                _ => Tok::Other,
            },
            Kind::Semi { .. } => Tok::Semi,
            Kind::String => {
                // The content between the quotes, escapes as written.
                let text = t.text(src);
                let inner = text.get(1..).unwrap_or_default();
                let closed = text.len() >= 2 && text.last() == text.first();
                Tok::Str(if closed {
                    &inner[..inner.len() - 1]
                } else {
                    inner
                })
            }
            Kind::Int | Kind::Float | Kind::Imag | Kind::Char => Tok::Lit,
            Kind::Comment | Kind::Illegal => Tok::Other,
        };
        out.push((tok, t.line));
    }
}

/// Index just past the bracket matching the one opening at `i`.
fn skip_group(toks: &[Token], mut i: usize) -> usize {
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

fn ident<'a>(toks: &[Token<'a>], i: usize) -> Option<&'a [u8]> {
    match toks.get(i) {
        Some((Tok::Ident(s), _)) => Some(s),
        _ => None,
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Lower-case ASCII or `_` first byte: a name other packages cannot select.
pub fn is_unexported(w: &[u8]) -> bool {
    w.first()
        .is_some_and(|b| b.is_ascii_lowercase() || *b == b'_')
}

/// Scans a Go source file's top-level declarations (blank `_` names and `init` funcs left out).
pub fn scan(src: &[u8]) -> Vec<Decl> {
    scan_file(src).decls
}

/// Scans declarations and uses of one Go source file.
pub fn scan_file(src: &[u8]) -> FileScan {
    let toks = tokenize(src);
    let mut st = State {
        skip: vec![false; toks.len()],
        top: vec![false; toks.len()],
        decl_func: vec![false; toks.len()],
        locals: NameSet::default(),
        imports: NameSet::default(),
        dot_import: false,
        members: NameSet::default(),
        src,
    };
    let decls = top_level(&toks, &mut st);
    local_bindings(&toks, &mut st);
    let mut uses: NamePos = NamePos::default();
    let mut selectors: NamePos = NamePos::default();
    for (i, &(t, line)) in toks.iter().enumerate() {
        let Tok::Ident(w) = t else { continue };
        if st.skip[i] || is_keyword(w) || is_predeclared(w) {
            continue;
        }
        let after_dot =
            i >= 1 && toks[i - 1].0 == Tok::Dot && !(i >= 2 && toks[i - 2].0 == Tok::Dot);
        if after_dot {
            if is_unexported(w) {
                selectors
                    .entry(w)
                    .or_insert_with(|| (line, column_of(src, w)));
            }
            continue;
        }
        if matches!(toks.get(i + 1), Some((Tok::Colon, _))) {
            continue;
        }
        uses.entry(w).or_insert_with(|| (line, column_of(src, w)));
    }
    if st.dot_import {
        uses.clear();
    }
    uses.retain(|w, _| !st.locals.contains(w) && !st.imports.contains(w));
    let (uses, use_positions) = sorted_with_positions(uses);
    let (selectors, selector_positions) = sorted_with_positions(selectors);
    FileScan {
        decls,
        uses,
        use_positions,
        selectors,
        selector_positions,
        members: sorted(st.members),
    }
}

/// Names with the position of their first occurrence.
type NamePos<'a> = HashMap<&'a [u8], (u32, u32), crate::hashing::FastBuild>;

/// Sorted owned names and, in the same order, their positions.
fn sorted_with_positions(map: NamePos) -> (Names, Vec<(u32, u32)>) {
    let mut v: Vec<(&[u8], (u32, u32))> = map.into_iter().collect();
    v.sort_unstable();
    let names: Vec<std::borrow::Cow<str>> =
        v.iter().map(|(w, _)| String::from_utf8_lossy(w)).collect();
    let positions = v.into_iter().map(|(_, p)| p).collect();
    (Names::from_sorted(names.iter().map(|n| &**n)), positions)
}

/// The 1-based byte column of `w`, a slice borrowed from `src`.
fn column_of(src: &[u8], w: &[u8]) -> u32 {
    let off = (w.as_ptr() as usize).saturating_sub(src.as_ptr() as usize);
    let off = off.min(src.len());
    let start = src[..off]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    u32::try_from(off - start + 1).unwrap_or(u32::MAX)
}

/// Sorted owned names.
fn sorted(set: NameSet) -> Names {
    let mut v: Vec<&[u8]> = set.into_iter().collect();
    v.sort_unstable();
    let names: Vec<std::borrow::Cow<str>> = v.iter().map(|w| String::from_utf8_lossy(w)).collect();
    Names::from_sorted(names.iter().map(|n| &**n))
}

/// Per-token marks and per-file name sets gathered while scanning.
struct State<'a> {
    /// Not a use: a declared name, a field name, a local binding's own occurrence.
    skip: Vec<bool>,
    /// A top-level `var`/`const`/`type`/`import` keyword.
    top: Vec<bool>,
    /// A top-level `func` keyword.
    decl_func: Vec<bool>,
    /// Names that may be bound locally somewhere in the file.
    locals: NameSet<'a>,
    /// Names the file's imports may bind.
    imports: NameSet<'a>,
    dot_import: bool,
    /// Unexported field and interface method names.
    members: NameSet<'a>,
    /// The scanned text (for columns).
    src: &'a [u8],
}

/// The top-level declarations, marking their names and the top-level keywords.
fn top_level<'a>(toks: &[Token<'a>], st: &mut State<'a>) -> Vec<Decl> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    let mut names = Vec::new();
    // Declarations start statements: `func` inside `var f func() error` is a type.
    let mut at_start = true;
    while i < toks.len() {
        let starts = at_start;
        at_start = false;
        match toks[i].0 {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth = depth.saturating_sub(1),
            Tok::Semi if depth == 0 => at_start = true,
            Tok::Ident(w) if depth == 0 && starts => match w {
                b"func" => {
                    st.decl_func[i] = true;
                    i = scan_func(toks, i + 1, &mut out, st);
                    continue;
                }
                b"import" => {
                    st.top[i] = true;
                    i = scan_imports(toks, i + 1, st);
                    continue;
                }
                b"var" | b"const" | b"type" => {
                    st.top[i] = true;
                    let kind = match w {
                        b"var" => DeclKind::Var,
                        b"const" => DeclKind::Const,
                        _ => DeclKind::Type,
                    };
                    names.clear();
                    i = spec_or_group(toks, i + 1, kind, &mut names);
                    for &k in &names {
                        st.skip[k] = true;
                        if let Some(name) = ident(toks, k) {
                            out.push(Decl {
                                kind,
                                name: text(name),
                                receiver: None,
                                line: toks[k].1,
                                column: column_of(st.src, name),
                            });
                        }
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

/// Import specs after `import`: explicit names, dot imports and the path's likely names.
fn scan_imports<'a>(toks: &[Token<'a>], i: usize, st: &mut State<'a>) -> usize {
    // A group `( … )`, or one spec ending at its path.
    let (start, end, next) = if matches!(toks.get(i), Some((Tok::Open(b'('), _))) {
        let after = skip_group(toks, i);
        (i + 1, after.saturating_sub(1).max(i + 1), after)
    } else {
        let mut k = i;
        while k < toks.len() && matches!(toks[k].0, Tok::Ident(_) | Tok::Dot) {
            k += 1;
        }
        let end = (k + 1).min(toks.len());
        (i, end, end)
    };
    let mut k = start;
    while k < end {
        match toks[k].0 {
            Tok::Ident(name) => {
                st.skip[k] = true;
                st.imports.insert(name);
            }
            Tok::Dot => st.dot_import = true,
            Tok::Str(path) => {
                let last = path.rsplit(|&b| b == b'/').next().unwrap_or(path);
                st.imports.insert(last);
                // `math/rand/v2` is package rand, `gopkg.in/yaml.v3` package yaml,
                // `go-foo`/`foo-go` usually package foo.
                let is_major =
                    last.len() > 1 && last[0] == b'v' && last[1..].iter().all(u8::is_ascii_digit);
                if is_major {
                    if let Some(prev) = path.rsplit(|&b| b == b'/').nth(1) {
                        st.imports.insert(prev);
                    }
                }
                if let Some(p) = last.iter().position(|&b| b == b'.') {
                    st.imports.insert(&last[..p]);
                }
                if let Some(rest) = last.strip_prefix(b"go-") {
                    st.imports.insert(rest);
                }
                if let Some(rest) = last.strip_suffix(b"-go") {
                    st.imports.insert(rest);
                }
            }
            _ => {}
        }
        k += 1;
    }
    next
}

/// After `func` at the top level: the receiver, the name and the signature's bindings.
fn scan_func<'a>(
    toks: &[Token<'a>],
    mut i: usize,
    out: &mut Vec<Decl>,
    st: &mut State<'a>,
) -> usize {
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
                Tok::Ident(s) if d == 0 => names.push(*s),
                _ => {}
            }
        }
        receiver = names.last().map(|s| text(s));
        i = end;
    }
    if let Some(name) = ident(toks, i) {
        st.skip[i] = true;
        out.push(Decl {
            kind: if receiver.is_some() {
                DeclKind::Method
            } else {
                DeclKind::Func
            },
            name: text(name),
            receiver,
            line: toks[i].1,
            column: column_of(st.src, name),
        });
        i += 1;
    }
    i
}

/// A `( … )` group of specs, or one spec: the token indices of the declared names.
fn spec_or_group(toks: &[Token], i: usize, kind: DeclKind, names: &mut Vec<usize>) -> usize {
    if matches!(toks.get(i), Some((Tok::Open(b'('), _))) {
        let end = skip_group(toks, i);
        scan_group(toks, i + 1, end.saturating_sub(1).max(i + 1), kind, names);
        end
    } else {
        scan_spec(toks, i, kind, names)
    }
}

/// One spec: an identifier list (`a, b`) for var/const, the first identifier for types.
fn scan_spec(toks: &[Token], mut i: usize, kind: DeclKind, names: &mut Vec<usize>) -> usize {
    while ident(toks, i).is_some() {
        names.push(i);
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

/// The specs in `toks[start..end]`: each starts at the start or after a separator at the
/// group's own level.
fn scan_group(toks: &[Token], start: usize, end: usize, kind: DeclKind, names: &mut Vec<usize>) {
    let mut i = start;
    let mut at_start = true;
    let mut depth = 0usize;
    while i < end {
        match toks[i].0 {
            Tok::Open(_) => {
                depth += 1;
                at_start = false;
            }
            Tok::Close(_) => depth = depth.saturating_sub(1),
            Tok::Semi if depth == 0 => at_start = true,
            Tok::Ident(_) if depth == 0 && at_start => {
                i = scan_spec(toks, i, kind, names).min(end);
                at_start = false;
                continue;
            }
            _ => at_start = false,
        }
        i += 1;
    }
}

/// Marks every name that may be bound locally (and the binding occurrences), struct field
/// and interface method names, and branch labels.
fn local_bindings<'a>(toks: &[Token<'a>], st: &mut State<'a>) {
    let mut names = Vec::new();
    for i in 0..toks.len() {
        match toks[i].0 {
            Tok::Ident(w) => match w {
                b"func" => signature(toks, i, st),
                b"var" | b"const" | b"type" if !st.top[i] => {
                    let kind = match w {
                        b"var" => DeclKind::Var,
                        b"const" => DeclKind::Const,
                        _ => DeclKind::Type,
                    };
                    names.clear();
                    spec_or_group(toks, i + 1, kind, &mut names);
                    for &k in &names {
                        bind(toks, k, st);
                    }
                }
                b"struct" | b"interface" => {
                    if matches!(toks.get(i + 1), Some((Tok::Open(b'{'), _))) {
                        body(toks, i + 1, w == b"struct", st);
                    }
                }
                b"goto" | b"break" | b"continue" | b"package" if ident(toks, i + 1).is_some() => {
                    st.skip[i + 1] = true;
                }
                _ => {}
            },
            Tok::Define => {
                // `a, b :=`
                let mut j = i;
                while j >= 1 {
                    match ident(toks, j - 1) {
                        Some(w) if !is_keyword(w) => bind(toks, j - 1, st),
                        _ => break,
                    }
                    if j >= 2 && toks[j - 2].0 == Tok::Comma {
                        j -= 2;
                    } else {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
}

fn bind<'a>(toks: &[Token<'a>], k: usize, st: &mut State<'a>) {
    if let Some(w) = ident(toks, k) {
        st.skip[k] = true;
        st.locals.insert(w);
    }
}

/// The bindings of a `func` signature at `i`: receiver, type parameters, parameters and
/// named results.
fn signature<'a>(toks: &[Token<'a>], i: usize, st: &mut State<'a>) {
    let mut j = i + 1;
    if st.decl_func[i] {
        if matches!(toks.get(j), Some((Tok::Open(b'('), _))) {
            // Receiver: every identifier but the base type binds (`r`, type parameters).
            let end = skip_group(toks, j);
            let inner = j + 1..end.saturating_sub(1).max(j + 1);
            let mut d = 0usize;
            let mut base = None;
            for k in inner.clone() {
                match toks[k].0 {
                    Tok::Open(_) => d += 1,
                    Tok::Close(_) => d = d.saturating_sub(1),
                    Tok::Ident(_) if d == 0 => base = Some(k),
                    _ => {}
                }
            }
            for k in inner {
                if Some(k) != base {
                    bind(toks, k, st);
                }
            }
            j = end;
        }
        if ident(toks, j).is_some() {
            j += 1;
        }
        if matches!(toks.get(j), Some((Tok::Open(b'['), _))) {
            let end = skip_group(toks, j);
            params(toks, j, end, st);
            j = end;
        }
    }
    if matches!(toks.get(j), Some((Tok::Open(b'('), _))) {
        let end = skip_group(toks, j);
        params(toks, j, end, st);
        j = end;
        if matches!(toks.get(j), Some((Tok::Open(b'('), _))) {
            let end = skip_group(toks, j);
            params(toks, j, end, st);
        }
    }
}

/// A parameter list `toks[open..end]` (brackets included): when any element is `name Type`,
/// every element's leading identifier is a binding.
fn params<'a>(toks: &[Token<'a>], open: usize, end: usize, st: &mut State<'a>) {
    let close = end.saturating_sub(1).max(open + 1);
    let mut elems: Vec<(usize, usize)> = Vec::new();
    let mut d = 0usize;
    let mut s = open + 1;
    for (k, (t, _)) in toks.iter().enumerate().take(close).skip(open + 1) {
        match t {
            Tok::Open(_) => d += 1,
            Tok::Close(_) => d = d.saturating_sub(1),
            Tok::Comma if d == 0 => {
                elems.push((s, k));
                s = k + 1;
            }
            _ => {}
        }
    }
    elems.push((s, close));
    let leading = |&(s, e): &(usize, usize)| -> bool {
        ident(toks, s).is_some_and(|w| !is_keyword(w)) && e > s
    };
    let named = elems.iter().any(|&(s, e)| {
        leading(&(s, e))
            && e - s >= 2
            && !(toks[s + 1].0 == Tok::Dot && ident(toks, s + 2).is_some())
    });
    if named {
        for el in &elems {
            if leading(el) {
                bind(toks, el.0, st);
            }
        }
    }
}

/// A struct or interface body at `open`: field names and method names are members, not uses.
fn body<'a>(toks: &[Token<'a>], open: usize, is_struct: bool, st: &mut State<'a>) {
    let end = skip_group(toks, open);
    let close = end.saturating_sub(1).max(open + 1);
    let mut d = 0usize;
    let mut s = open + 1;
    for k in open + 1..close {
        match toks[k].0 {
            Tok::Open(_) => d += 1,
            Tok::Close(_) => d = d.saturating_sub(1),
            Tok::Semi if d == 0 => {
                element(toks, s, k, is_struct, st);
                s = k + 1;
            }
            _ => {}
        }
    }
    element(toks, s, close, is_struct, st);
}

/// One field or method element `toks[s..e]` of a struct or interface body.
fn element<'a>(toks: &[Token<'a>], s: usize, e: usize, is_struct: bool, st: &mut State<'a>) {
    if s >= e {
        return;
    }
    if !is_struct {
        if ident(toks, s).is_some() && matches!(toks.get(s + 1), Some((Tok::Open(b'('), _))) {
            member(toks, s, st);
        }
        return;
    }
    // Leading identifier list `a, b`.
    let mut list = Vec::new();
    let mut k = s;
    while k < e && ident(toks, k).is_some() {
        list.push(k);
        k += 1;
        if k < e && toks[k].0 == Tok::Comma {
            k += 1;
        } else {
            break;
        }
    }
    let field_names =
        !list.is_empty() && k < e && !matches!(toks[k].0, Tok::Dot | Tok::Str(_) | Tok::Semi);
    if field_names {
        for k in list {
            member(toks, k, st);
        }
    } else if let Some(last) = (s..e).rev().find(|&k| ident(toks, k).is_some()) {
        // An embedded field is named after its type; the type is still a use.
        if let Some(w) = ident(toks, last) {
            if is_unexported(w) {
                st.members.insert(w);
            }
        }
    }
}

fn member<'a>(toks: &[Token<'a>], k: usize, st: &mut State<'a>) {
    if let Some(w) = ident(toks, k) {
        st.skip[k] = true;
        if is_unexported(w) {
            st.members.insert(w);
        }
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
    fn uses_leave_out_local_bindings_fields_keys_and_imports() {
        let src = r#"package p

import (
	"fmt"
	str "strings"
	"math/rand/v2"
)

type T[K comparable] struct {
	name, kind string
	Embedded
	*other
	inner struct{ deep int }
}

type I interface {
	method() error
	Embedded
}

func (t *T[K]) M(a, b int, opts ...Opt) (n int, err error) {
	x := Missing(a) + Shared
	for i, v := range list {
		_ = i + v
	}
	var local = Gone
	_ = local
	_ = T[K]{name: "k"}
	t.name = fmt.Sprint(str.ToUpper(""), rand.IntN(3))
	t.secret()
	t.Exported()
loop:
	for {
		break loop
	}
	f := func(y int) int { return y + x }
	_ = f
	return len(t.name), nil
}
"#;
        let got = scan_file(src.as_bytes());
        assert_eq!(
            got.uses,
            ["Embedded", "Gone", "Missing", "Opt", "Shared", "T", "list", "other"]
        );
        assert_eq!(got.selectors, ["name", "secret"]);
        assert_eq!(
            got.members,
            ["deep", "inner", "kind", "method", "name", "other"]
        );
    }

    #[test]
    fn single_imports_do_not_hide_the_next_declaration() {
        let got = scan_file(b"package p\n\nimport \"io\"\n\nfunc F() { _ = io.EOF }\n");
        assert_eq!(got.decls.len(), 1);
        assert!(got.uses.is_empty(), "{:?}", got.uses);
    }

    #[test]
    fn dot_imports_report_no_uses() {
        let got = scan_file(
            b"package p

import . \"fmt\"

var x = Sprint(Y)
",
        );
        assert!(got.uses.is_empty(), "{:?}", got.uses);
        assert_eq!(got.decls.len(), 1);
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
