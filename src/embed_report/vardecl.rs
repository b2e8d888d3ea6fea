//! Which variable a `//go:embed` directive applies to, and its type, from the source text
//! after the directive: a small lexer (identifiers, punctuation, strings, comments, newlines),
//! not a Go parser. It follows the compiler's placement rules (cmd/compile's syntax parser
//! and `noder.checkEmbed`):
//!
//! * blank lines and comments (including further `//go:embed` lines) between the directive
//!   and the declaration are skipped;
//! * `var x T` and a spec inside `var ( … )` (the directive written inside the group, just
//!   before the spec) are recognised;
//! * a directive before `var (` is misplaced (the parser drops pragmas before a group), as is
//!   one followed by anything but a var spec; `var a, b T` and `var x T = v` are errors.
//!
//! The type is classified syntactically: `string`, `[]byte`/`[]uint8`, `<embed>.FS` (with the
//! file's import name for "embed"), else the type as written ([`VarType::Named`]: a defined
//! type whose underlying type gotags does not resolve).

use serde::Serialize;

/// The declared type of an embedding variable.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "lowercase")]
pub enum VarType {
    String,
    /// `[]byte` or `[]uint8`.
    Bytes,
    /// `embed.FS` (under whatever name the file imports "embed").
    Fs,
    /// Any other type, as written (e.g. `template.HTML`, `blob`).
    Named(String),
}

impl VarType {
    /// The type as people write it.
    pub fn label(&self) -> String {
        match self {
            VarType::String => "string".into(),
            VarType::Bytes => "[]byte".into(),
            VarType::Fs => "embed.FS".into(),
            VarType::Named(n) => n.clone(),
        }
    }
}

/// The declaration a directive applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarDecl {
    /// The first declared name.
    pub name: String,
    /// 1-based line and byte column of the name.
    pub line: u32,
    pub column: u32,
    /// `None` when no type is written.
    pub ty: Option<VarType>,
    /// What the compiler would reject (`go:embed cannot apply to multiple vars`, …).
    pub problem: Option<String>,
}

/// What follows a directive: a declaration, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VarLookup {
    Found(VarDecl),
    /// `no var follows (found ...)`, `misplaced: before a var ( ... ) group`, …
    Missing(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Punct(u8),
    Newline,
    Other,
    Eof,
}

struct Lexer<'a> {
    src: &'a [u8],
    i: usize,
    line: u32,
    line_start: usize,
}

impl<'a> Lexer<'a> {
    /// Positions the lexer at the start of 1-based `line`.
    fn at_line(src: &'a [u8], line: u32) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            i: 0,
            line: 1,
            line_start: 0,
        };
        while lx.line < line && lx.i < src.len() {
            if src[lx.i] == b'\n' {
                lx.line += 1;
                lx.line_start = lx.i + 1;
            }
            lx.i += 1;
        }
        lx
    }

    fn peek(&self, k: usize) -> Option<u8> {
        self.src.get(self.i + k).copied()
    }

    fn newline(&mut self) {
        self.line += 1;
        self.i += 1;
        self.line_start = self.i;
    }

    /// The next token and its (line, column). Comments are skipped; a `//` comment or a block
    /// comment spanning lines counts as a newline, as in Go.
    fn next(&mut self) -> (Tok, u32, u32) {
        loop {
            let Some(c) = self.peek(0) else {
                return (Tok::Eof, self.line, self.col());
            };
            let pos = (self.line, self.col());
            match c {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' => {
                    self.newline();
                    return (Tok::Newline, pos.0, pos.1);
                }
                b'/' if self.peek(1) == Some(b'/') => {
                    while let Some(d) = self.peek(0) {
                        if d == b'\n' {
                            break;
                        }
                        self.i += 1;
                    }
                }
                b'/' if self.peek(1) == Some(b'*') => {
                    self.i += 2;
                    let mut crossed = false;
                    loop {
                        match self.peek(0) {
                            None => break,
                            Some(b'*') if self.peek(1) == Some(b'/') => {
                                self.i += 2;
                                break;
                            }
                            Some(b'\n') => {
                                crossed = true;
                                self.newline();
                            }
                            Some(_) => self.i += 1,
                        }
                    }
                    if crossed {
                        return (Tok::Newline, pos.0, pos.1);
                    }
                }
                c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                    let start = self.i;
                    while let Some(d) = self.peek(0) {
                        if d == b'_' || d.is_ascii_alphanumeric() || d >= 0x80 {
                            self.i += 1;
                        } else {
                            break;
                        }
                    }
                    let s = String::from_utf8_lossy(&self.src[start..self.i]).into_owned();
                    return (Tok::Ident(s), pos.0, pos.1);
                }
                b'"' | b'\'' | b'`' => {
                    self.i += 1;
                    while let Some(d) = self.peek(0) {
                        self.i += 1;
                        if d == b'\\' && c != b'`' {
                            self.i += 1;
                        } else if d == c {
                            break;
                        } else if d == b'\n' {
                            self.line += 1;
                            self.line_start = self.i;
                        }
                    }
                    return (Tok::Other, pos.0, pos.1);
                }
                c if c.is_ascii_digit() => {
                    while self
                        .peek(0)
                        .is_some_and(|d| d.is_ascii_alphanumeric() || d == b'.')
                    {
                        self.i += 1;
                    }
                    return (Tok::Other, pos.0, pos.1);
                }
                _ => {
                    self.i += 1;
                    return (Tok::Punct(c), pos.0, pos.1);
                }
            }
        }
    }

    /// The next token that is not a newline.
    fn next_solid(&mut self) -> (Tok, u32, u32) {
        loop {
            let t = self.next();
            if t.0 != Tok::Newline {
                return t;
            }
        }
    }

    fn col(&self) -> u32 {
        (self.i - self.line_start + 1) as u32
    }
}

use crate::header::goparse::KEYWORDS;

/// The variable declared after the directive on 1-based `directive_line`.
/// `embed_name` is the file's import name for "embed" (see [`embed_import_name`]).
pub fn find_var(src: &[u8], directive_line: u32, embed_name: &str) -> VarLookup {
    let mut lx = Lexer::at_line(src, directive_line + 1);
    let (tok, line, column) = lx.next_solid();
    match tok {
        Tok::Ident(k) if k == "var" => {
            let (t2, l2, c2) = lx.next_solid();
            match t2 {
                Tok::Punct(b'(') => VarLookup::Missing(
                    "misplaced: the directive is before `var (`; put it inside the group, \
                     just before the variable"
                        .into(),
                ),
                Tok::Ident(name) if !KEYWORDS.contains(&name.as_str()) => {
                    spec(&mut lx, name, l2, c2, embed_name)
                }
                _ => VarLookup::Missing("no variable name after `var`".into()),
            }
        }
        // Inside `var ( … )` a spec starts with its name.
        Tok::Ident(name) if !KEYWORDS.contains(&name.as_str()) => {
            spec(&mut lx, name, line, column, embed_name)
        }
        Tok::Ident(k) => VarLookup::Missing(format!("no var follows (found `{k}`)")),
        Tok::Eof => VarLookup::Missing("no var follows (end of file)".into()),
        Tok::Punct(c) => VarLookup::Missing(format!("no var follows (found `{}`)", c as char)),
        _ => VarLookup::Missing("no var follows".into()),
    }
}

/// `IdentifierList [Type] [= ExpressionList]` after the first name.
fn spec(lx: &mut Lexer<'_>, name: String, line: u32, column: u32, embed_name: &str) -> VarLookup {
    let mut names = 1;
    let mut tok = lx.next();
    while tok.0 == Tok::Punct(b',') {
        let (n, _, _) = lx.next_solid();
        if !matches!(n, Tok::Ident(_)) {
            break;
        }
        names += 1;
        tok = lx.next();
    }
    // The type: tokens up to `=`, `;`, a newline or the group's `)` at depth 0.
    let mut text = String::new();
    let mut depth = 0i32;
    let mut initializer = false;
    loop {
        match &tok.0 {
            Tok::Eof => break,
            Tok::Newline | Tok::Punct(b';') if depth == 0 => break,
            Tok::Punct(b')') if depth == 0 => break,
            Tok::Punct(b'=') if depth == 0 => {
                initializer = true;
                break;
            }
            Tok::Punct(c) => {
                match c {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth -= 1,
                    _ => {}
                }
                text.push(*c as char);
            }
            Tok::Ident(s) => {
                if text.ends_with(|c: char| c == '_' || c.is_alphanumeric()) {
                    text.push(' ');
                }
                text.push_str(s);
            }
            Tok::Newline => {}
            Tok::Other => text.push('…'),
        }
        tok = lx.next();
    }
    let ty = (!text.is_empty()).then(|| classify_type(&text, embed_name));
    let problem = if names > 1 {
        Some("go:embed cannot apply to multiple vars".to_string())
    } else if initializer {
        Some("go:embed cannot apply to var with initializer".to_string())
    } else if ty.is_none() {
        Some("go:embed cannot apply to var without type".to_string())
    } else {
        None
    };
    VarLookup::Found(VarDecl {
        name,
        line,
        column,
        ty,
        problem,
    })
}

/// Syntactic type classification (see the module docs).
pub fn classify_type(text: &str, embed_name: &str) -> VarType {
    match text {
        "string" => VarType::String,
        "[]byte" | "[]uint8" => VarType::Bytes,
        t if t.strip_suffix(".FS") == Some(embed_name) => VarType::Fs,
        t => VarType::Named(t.to_string()),
    }
}

/// The name under which the file imports "embed": `embed`, or the alias of
/// `import e "embed"`. (`_ "embed"` or `. "embed"` give `_`/`.`, which no `X.FS` matches.)
pub fn embed_import_name(src: &[u8]) -> String {
    let mut lx = Lexer::at_line(src, 1);
    let mut prev: Option<String> = None;
    loop {
        let start = lx.i;
        let (tok, _, _) = lx.next();
        match tok {
            Tok::Eof => return "embed".into(),
            Tok::Ident(ref k) if k == "func" || k == "var" || k == "type" || k == "const" => {
                return "embed".into()
            }
            Tok::Other => {
                let lit = src.get(start..lx.i).unwrap_or_default();
                let lit = lit.trim_ascii_start();
                if lit == b"\"embed\"" || lit == b"`embed`" {
                    return match prev {
                        Some(p) if p != "import" => p,
                        _ => "embed".into(),
                    };
                }
                prev = None;
            }
            Tok::Ident(s) => prev = Some(s),
            Tok::Punct(b'.') => prev = Some(".".into()),
            _ => prev = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str, line: u32) -> VarDecl {
        match find_var(src.as_bytes(), line, &embed_import_name(src.as_bytes())) {
            VarLookup::Found(d) => d,
            VarLookup::Missing(m) => panic!("no var: {m}"),
        }
    }

    fn missing(src: &str, line: u32) -> String {
        match find_var(src.as_bytes(), line, "embed") {
            VarLookup::Missing(m) => m,
            VarLookup::Found(d) => panic!("unexpected var {d:?}"),
        }
    }

    #[test]
    fn basic_types() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed a.txt\nvar s string\n\n//go:embed b\nvar b []byte\n//go:embed c\nvar f embed.FS\n//go:embed d\nvar u []uint8\n";
        let d = found(src, 5);
        assert_eq!((d.name.as_str(), d.line, d.column), ("s", 6, 5));
        assert_eq!(d.ty, Some(VarType::String));
        assert_eq!(d.problem, None);
        assert_eq!(found(src, 8).ty, Some(VarType::Bytes));
        assert_eq!(found(src, 10).ty, Some(VarType::Fs));
        assert_eq!(found(src, 12).ty, Some(VarType::Bytes));
    }

    #[test]
    fn comments_blank_lines_and_more_directives_are_skipped() {
        let src = "package p\nimport _ \"embed\"\n//go:embed a\n\n// doc\n//go:embed b\n/* c */ var x string // trailing\n";
        let d = found(src, 3);
        assert_eq!(
            (d.name.as_str(), d.line, d.ty.clone()),
            ("x", 7, Some(VarType::String))
        );
        assert_eq!(found(src, 6).line, 7);
    }

    #[test]
    fn aliases() {
        let src = "package p\nimport (\n\t\"fmt\"\n\tstatic \"embed\"\n)\n//go:embed a\nvar f static.FS\n//go:embed b\nvar g embed.FS\n";
        assert_eq!(found(src, 6).ty, Some(VarType::Fs));
        // `embed` is not the package name here: a different type.
        assert_eq!(found(src, 8).ty, Some(VarType::Named("embed.FS".into())));
        let src = "package p\nimport \"embed\"\ntype blob []byte\n//go:embed a\nvar x blob\n//go:embed b\nvar h template.HTML\n";
        assert_eq!(found(src, 4).ty, Some(VarType::Named("blob".into())));
        assert_eq!(
            found(src, 6).ty,
            Some(VarType::Named("template.HTML".into()))
        );
        assert_eq!(embed_import_name(b"package p\nimport _ \"embed\"\n"), "_");
        assert_eq!(embed_import_name(b"package p\nimport \"embed\"\n"), "embed");
    }

    #[test]
    fn var_groups() {
        let src = "package p\nimport \"embed\"\nvar (\n\t//go:embed a\n\ta string\n\n\t//go:embed b\n\tb, c []byte\n\t//go:embed d\n\td embed.FS)\n";
        let a = found(src, 4);
        assert_eq!(
            (a.name.as_str(), a.ty.clone(), a.problem.clone()),
            ("a", Some(VarType::String), None)
        );
        let b = found(src, 7);
        assert_eq!(b.name, "b");
        assert_eq!(
            b.problem.as_deref(),
            Some("go:embed cannot apply to multiple vars")
        );
        assert_eq!(found(src, 9).ty, Some(VarType::Fs));
        let src = "package p\n//go:embed a\nvar (\n\tx string\n)\n";
        assert!(missing(src, 2).contains("misplaced"));
    }

    #[test]
    fn missing_and_invalid() {
        assert!(missing("package p\n//go:embed a\n", 2).contains("end of file"));
        assert!(missing("package p\n//go:embed a\nfunc f() {}\n", 2).contains("`func`"));
        assert!(missing("package p\n//go:embed a\nconst c = 1\n", 2).contains("`const`"));
        let d = found("package p\n//go:embed a\nvar s string = \"x\"\n", 2);
        assert_eq!(
            d.problem.as_deref(),
            Some("go:embed cannot apply to var with initializer")
        );
        let d = found("package p\n//go:embed a\nvar s\n", 2);
        assert_eq!(d.ty, None);
        assert!(d.problem.is_some());
    }
}
