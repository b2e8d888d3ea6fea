//! The one analysis of what follows a `//go:embed` comment, over [`crate::go::scanner`]'s
//! tokens (comments kept, semicolons inserted), following the compiler's placement rules
//! (cmd/compile's syntax parser and `noder.checkEmbed`):
//!
//! * comments (further `//go:embed` lines included) between the directive and the
//!   declaration are skipped;
//! * `var x T` and a spec inside a top-level `var ( … )` (the directive inside the group, just
//!   before the spec) are variables; a `var` inside a function body is one too, but misplaced;
//! * a directive before `var (` is misplaced (the parser drops pragmas before a group), as is
//!   one followed by anything but a var spec; `var a, b T` and `var x T = v` are errors.
//!
//! The type is classified syntactically: `string`, `[]byte`/`[]uint8`, `<embed>.FS` (with the
//! file's import name for "embed"), else the type as written ([`VarType::Named`]: a defined
//! type whose underlying type gotags does not resolve).

use crate::go::scanner::{self, Kind, Mode, Token};
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

/// What follows one `//go:embed` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedTarget {
    /// A package-level variable (possibly one spec of a `var ( … )` group).
    Var {
        /// How many names the spec declares (0: `var` with no name after it).
        names: usize,
        /// The type as written, tokens joined without spaces; "" when omitted.
        type_text: String,
        has_init: bool,
        /// The first name and its 1-based line and byte column.
        name: String,
        line: u32,
        column: u32,
        /// The type as people read it: words spaced, literals shown as `…`.
        type_label: String,
    },
    /// A `var` inside a function body.
    VarInFunc,
    /// `var (`: the directive stands before the group instead of inside it.
    BeforeGroup,
    /// Something other than a variable declaration (the token text), or nothing ("").
    Other(String),
}

/// One `//go:embed` comment and what follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedSite {
    pub line: u32,
    pub column: u32,
    pub target: EmbedTarget,
}

/// The declaration a directive applies to, as the embed report shows it.
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

/// The tokens [`sites`] reads: comments kept, semicolons inserted.
pub const MODE: Mode = Mode {
    comments: true,
    insert_semis: true,
};

fn is_op(t: &Token, op: &str) -> bool {
    matches!(t.kind, Kind::Op(o) if o == op)
}

fn skippable(t: &Token) -> bool {
    matches!(t.kind, Kind::Comment | Kind::Semi { auto: true })
}

/// Whether `text` is a `//go:embed` directive comment.
fn is_directive(text: &[u8]) -> bool {
    text.strip_prefix(b"//go:embed")
        .is_some_and(|rest| rest.is_empty() || rest[0] == b' ' || rest[0] == b'\t')
}

/// Each `//go:embed` comment in `toks` (scanned from `src` in [`MODE`]) with what follows it.
pub fn sites(src: &[u8], toks: &[Token]) -> Vec<EmbedSite> {
    let mut out = Vec::new();
    let mut brace = 0i32;
    // Paren depth inside a top-level `var (` group, when in one.
    let mut var_group: Option<i32> = None;
    let mut paren = 0i32;
    let mut prev: Option<&Token> = None;
    for (k, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Op("{") => brace += 1,
            Kind::Op("}") => brace -= 1,
            Kind::Op("(") => {
                paren += 1;
                if brace == 0 && paren == 1 && prev.is_some_and(|p| p.kind == Kind::Keyword("var"))
                {
                    var_group = Some(1);
                }
            }
            Kind::Op(")") => {
                if var_group == Some(paren) {
                    var_group = None;
                }
                paren -= 1;
            }
            _ => {}
        }
        if !skippable(t) {
            prev = Some(t);
        }
        if t.kind != Kind::Comment || !is_directive(t.text(src)) {
            continue;
        }
        let in_group = var_group.is_some() && brace == 0;
        out.push(EmbedSite {
            line: t.line,
            column: t.column,
            target: follows(src, toks, k + 1, brace > 0, in_group),
        });
    }
    out
}

/// What the first token from `from` on (comments skipped) starts.
fn follows(src: &[u8], toks: &[Token], from: usize, in_func: bool, in_group: bool) -> EmbedTarget {
    let Some(n) = (from..toks.len()).find(|&i| !skippable(&toks[i])) else {
        return EmbedTarget::Other(String::new());
    };
    let t = &toks[n];
    if t.kind == Kind::Keyword("var") {
        if in_func {
            return EmbedTarget::VarInFunc;
        }
        if toks.get(n + 1).is_some_and(|x| is_op(x, "(")) {
            return EmbedTarget::BeforeGroup;
        }
        return var_spec(src, toks, n + 1);
    }
    if in_group && t.kind == Kind::Ident {
        return var_spec(src, toks, n);
    }
    EmbedTarget::Other(String::from_utf8_lossy(t.text(src)).into_owned())
}

/// `IdentifierList [Type] [= ExpressionList]` from the first name at `first`.
fn var_spec(src: &[u8], toks: &[Token], first: usize) -> EmbedTarget {
    let mut names = 0;
    let mut i = first;
    while toks.get(i).is_some_and(|t| t.kind == Kind::Ident) {
        names += 1;
        i += 1;
        if toks.get(i).is_some_and(|t| is_op(t, ",")) {
            i += 1;
        } else {
            break;
        }
    }
    let (name, line, column) = match toks.get(first) {
        Some(t) if names > 0 => (
            String::from_utf8_lossy(t.text(src)).into_owned(),
            t.line,
            t.column,
        ),
        Some(t) => (String::new(), t.line, t.column),
        None => (String::new(), 0, 0),
    };
    // The type: tokens up to `=`, a semicolon or the group's `)` at bracket depth 0.
    let mut type_text = String::new();
    let mut type_label = String::new();
    let mut has_init = false;
    let mut depth = 0i32;
    while let Some(t) = toks.get(i) {
        i += 1;
        match t.kind {
            Kind::Comment => continue,
            Kind::Semi { .. } | Kind::Op(")") if depth == 0 => break,
            Kind::Op("=") if depth == 0 => {
                has_init = true;
                break;
            }
            _ => {}
        }
        let text = String::from_utf8_lossy(t.text(src));
        type_text.push_str(&text);
        match t.kind {
            Kind::Op(op) => {
                match op {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth -= 1,
                    _ => {}
                }
                type_label.push_str(op);
            }
            Kind::Ident | Kind::Keyword(_) => {
                if type_label.ends_with(|c: char| c == '_' || c.is_alphanumeric()) {
                    type_label.push(' ');
                }
                type_label.push_str(&text);
            }
            Kind::Semi { .. } => {}
            _ => type_label.push('…'),
        }
    }
    EmbedTarget::Var {
        names,
        type_text,
        has_init,
        name,
        line,
        column,
        type_label,
    }
}

/// The variable declared after the directive on 1-based `directive_line`, for the embed
/// report. `embed_name` is the file's import name for "embed" (see [`embed_import_name`]).
pub fn find_var(src: &[u8], directive_line: u32, embed_name: &str) -> VarLookup {
    find_vars(src, &[directive_line], embed_name)
        .pop()
        .unwrap_or_else(|| VarLookup::Missing(String::new()))
}

/// [`find_var`] for several directive lines, over one token scan of the file (a file with
/// many directives costs one scan, not one per directive).
pub fn find_vars(src: &[u8], directive_lines: &[u32], embed_name: &str) -> Vec<VarLookup> {
    let toks = scanner::tokens(src, MODE);
    directive_lines
        .iter()
        .map(|&line| var_after(src, &toks, line, embed_name))
        .collect()
}

fn var_after(src: &[u8], toks: &[Token], directive_line: u32, embed_name: &str) -> VarLookup {
    // Tokens come in source order, so their start lines never decrease: the directive
    // comment is among those starting on its line, or (for a line the scanner sees inside a
    // literal) the search goes on with what starts on the following lines.
    let at = toks.partition_point(|t| t.line < directive_line);
    let on_line = toks[at..]
        .iter()
        .take_while(|t| t.line == directive_line)
        .count();
    let from = toks[at..at + on_line]
        .iter()
        .position(|t| t.kind == Kind::Comment && is_directive(t.text(src)))
        .map_or(at + on_line, |k| at + k + 1);
    // The report names the variable wherever it is written (a var inside a function, an
    // identifier starting a spec), as the old report did; `check` judges placement.
    lookup(follows(src, toks, from, false, true), embed_name)
}

fn lookup(target: EmbedTarget, embed_name: &str) -> VarLookup {
    match target {
        EmbedTarget::Var { names: 0, .. } => {
            VarLookup::Missing("no variable name after `var`".into())
        }
        EmbedTarget::Var {
            names,
            has_init,
            name,
            line,
            column,
            type_label,
            ..
        } => {
            let ty = (!type_label.is_empty()).then(|| classify_type(&type_label, embed_name));
            let problem = if names > 1 {
                Some("go:embed cannot apply to multiple vars".to_string())
            } else if has_init {
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
        EmbedTarget::BeforeGroup => VarLookup::Missing(
            "misplaced: the directive is before `var (`; put it inside the group, \
             just before the variable"
                .into(),
        ),
        EmbedTarget::VarInFunc => VarLookup::Missing("no var follows (found `var`)".into()),
        EmbedTarget::Other(w) if w.is_empty() => {
            VarLookup::Missing("no var follows (end of file)".into())
        }
        EmbedTarget::Other(w) => VarLookup::Missing(format!("no var follows (found `{w}`)")),
    }
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
    super::header::parse_header(src)
        .imports
        .into_iter()
        .find(|i| i.path == "embed")
        .and_then(|i| i.name)
        .unwrap_or_else(|| "embed".into())
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
