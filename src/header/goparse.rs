//! A small Go scanner and parser for what go/build parses of a header: the package clause
//! and import declarations (go/parser in `ImportsOnly` mode). It yields the package name,
//! the imports with positions, and the first syntax error with go/parser's message, which
//! `go list` reports as the package error.

/// One import spec of the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    /// The unquoted import path.
    pub path: String,
    pub line: u32,
    pub column: u32,
}

/// A syntax error at a 1-based line and byte column, with go/parser's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// What the header parse yields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderParse {
    /// Empty when the package clause itself failed (go/parser then returns no file).
    pub package_name: String,
    pub imports: Vec<Import>,
    /// The first error by position, as go list reports it.
    pub error: Option<ParseError>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Keyword(&'static str),
    Str(String),
    /// INT, FLOAT, IMAG or CHAR: printed by its literal text.
    OtherLit(String),
    /// `;` written out, or inserted at a newline/EOF (`auto`).
    Semi {
        auto: bool,
    },
    Op(&'static str),
    Eof,
}

/// Go's 25 keywords.
pub const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Longest first, so that a greedy prefix match finds Go's token.
const OPERATORS: &[&str] = &[
    "&^=", "<<=", ">>=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "~", "+", "-", "*", "/", "%", "&",
    "|", "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ".", ":",
];

struct Scanner<'a> {
    src: &'a [u8],
    off: usize,
    line: u32,
    line_start: usize,
    prev_line_start: usize,
    insert_semi: bool,
    errors: Vec<ParseError>,
}

impl<'a> Scanner<'a> {
    fn pos_at(&self, off: usize) -> (u32, u32) {
        // go/token never records a line that would start at the end of the file, so the
        // end-of-file position after a final newline stays on the last line.
        if off == self.src.len() && off == self.line_start && self.line > 1 {
            return (self.line - 1, (off - self.prev_line_start + 1) as u32);
        }
        // Offsets handed here are never before the current line start.
        (self.line, (off - self.line_start + 1) as u32)
    }

    fn error_at(&mut self, off: usize, msg: impl Into<String>) {
        let (line, column) = self.pos_at(off);
        self.errors.push(ParseError {
            line,
            column,
            message: msg.into(),
        });
    }

    /// Decodes the character at `off`, reporting Go's scanner errors for NUL, invalid UTF-8
    /// and a misplaced byte-order mark. Returns (char, width); `None` at end.
    fn char_at(&mut self, off: usize) -> Option<(char, usize)> {
        let b = *self.src.get(off)?;
        if b == 0 {
            self.error_at(off, "illegal character NUL");
            return Some(('\0', 1));
        }
        if b < 0x80 {
            return Some((b as char, 1));
        }
        let end = (off + 4).min(self.src.len());
        let chunk = &self.src[off..end];
        let valid = match std::str::from_utf8(chunk) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&chunk[..e.valid_up_to()]).unwrap_or(""),
        };
        match valid.chars().next() {
            Some(c) => {
                if c == '\u{feff}' && off > 0 {
                    self.error_at(off, "illegal byte order mark");
                }
                Some((c, c.len_utf8()))
            }
            None => {
                self.error_at(off, "illegal UTF-8 encoding");
                Some(('\u{fffd}', 1))
            }
        }
    }

    fn newline_at(&mut self, off: usize) {
        self.prev_line_start = self.line_start;
        self.line += 1;
        self.line_start = off + 1;
    }

    /// Skips a comment starting at `self.off` (`//` or `/*`); reports whether it contained
    /// a newline (which ends a line for semicolon insertion).
    fn skip_comment(&mut self) -> bool {
        let start = self.off;
        if self.src.get(start + 1) == Some(&b'/') {
            let mut off = start + 2;
            while let Some((c, w)) = self.char_at(off) {
                if c == '\n' {
                    break;
                }
                off += w;
            }
            self.off = off;
            return false;
        }
        let (start_line, start_col) = self.pos_at(start);
        let mut off = start + 2;
        let mut saw_newline = false;
        loop {
            match self.char_at(off) {
                None => {
                    self.errors.push(ParseError {
                        line: start_line,
                        column: start_col,
                        message: "comment not terminated".into(),
                    });
                    self.off = off;
                    return saw_newline;
                }
                Some(('*', _)) if self.src.get(off + 1) == Some(&b'/') => {
                    self.off = off + 2;
                    return saw_newline;
                }
                Some(('\n', _)) => {
                    saw_newline = true;
                    self.newline_at(off);
                    off += 1;
                }
                Some((_, w)) => off += w,
            }
        }
    }

    fn next(&mut self) -> (Tok, u32, u32) {
        loop {
            let Some(c) = self.char_at_quiet(self.off) else {
                let (l, col) = self.pos_at(self.off);
                if self.insert_semi {
                    self.insert_semi = false;
                    return (Tok::Semi { auto: true }, l, col);
                }
                return (Tok::Eof, l, col);
            };
            match c {
                ' ' | '\t' | '\r' => self.off += 1,
                '\n' => {
                    if self.insert_semi {
                        self.insert_semi = false;
                        let (l, col) = self.pos_at(self.off);
                        self.newline_at(self.off);
                        self.off += 1;
                        return (Tok::Semi { auto: true }, l, col);
                    }
                    self.newline_at(self.off);
                    self.off += 1;
                }
                '/' if matches!(self.src.get(self.off + 1), Some(b'/') | Some(b'*')) => {
                    let (l, col) = self.pos_at(self.off);
                    let is_line = self.src.get(self.off + 1) == Some(&b'/');
                    let had_newline = self.skip_comment();
                    if self.insert_semi && (is_line || had_newline || self.off >= self.src.len()) {
                        self.insert_semi = false;
                        return (Tok::Semi { auto: true }, l, col);
                    }
                }
                _ => return self.scan_token(),
            }
        }
    }

    /// Like `char_at` for dispatching: errors are reported when the token is scanned.
    fn char_at_quiet(&self, off: usize) -> Option<char> {
        let b = *self.src.get(off)?;
        Some(if b < 0x80 { b as char } else { '\u{80}' })
    }

    fn scan_token(&mut self) -> (Tok, u32, u32) {
        let start = self.off;
        let (line, col) = self.pos_at(start);
        let Some((c, w)) = self.char_at(start) else {
            return (Tok::Eof, line, col);
        };
        let insert_semi_before = std::mem::replace(&mut self.insert_semi, false);
        if c.is_alphabetic() || c == '_' {
            let mut off = start + w;
            while let Some((c, w)) = self.char_at(off) {
                if c.is_alphanumeric() || c == '_' {
                    off += w;
                } else {
                    break;
                }
            }
            self.off = off;
            let text = String::from_utf8_lossy(&self.src[start..off]).into_owned();
            if let Some(kw) = KEYWORDS.iter().find(|k| **k == text) {
                self.insert_semi = matches!(*kw, "break" | "continue" | "fallthrough" | "return");
                return (Tok::Keyword(kw), line, col);
            }
            self.insert_semi = true;
            return (Tok::Ident(text), line, col);
        }
        if c.is_ascii_digit()
            || (c == '.' && self.src.get(start + 1).is_some_and(u8::is_ascii_digit))
        {
            let mut off = start + 1;
            while let Some(&b) = self.src.get(off) {
                if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' {
                    off += 1;
                } else {
                    break;
                }
            }
            self.off = off;
            self.insert_semi = true;
            return (
                Tok::OtherLit(String::from_utf8_lossy(&self.src[start..off]).into_owned()),
                line,
                col,
            );
        }
        match c {
            '"' => {
                let mut off = start + 1;
                loop {
                    match self.char_at(off) {
                        None | Some(('\n', _)) => {
                            self.error_at(start, "string literal not terminated");
                            break;
                        }
                        Some(('"', _)) => {
                            off += 1;
                            break;
                        }
                        Some(('\\', _)) => {
                            off += 1;
                            if let Some((_, w)) = self.char_at(off) {
                                if self.src[off] != b'\n' {
                                    off += w;
                                }
                            }
                        }
                        Some((_, w)) => off += w,
                    }
                }
                self.off = off;
                self.insert_semi = true;
                (
                    Tok::Str(String::from_utf8_lossy(&self.src[start..off]).into_owned()),
                    line,
                    col,
                )
            }
            '`' => {
                let mut off = start + 1;
                loop {
                    match self.char_at(off) {
                        None => {
                            self.error_at(start, "raw string literal not terminated");
                            break;
                        }
                        Some(('`', _)) => {
                            off += 1;
                            break;
                        }
                        Some(('\n', _)) => {
                            self.newline_at(off);
                            off += 1;
                        }
                        Some((_, w)) => off += w,
                    }
                }
                self.off = off;
                self.insert_semi = true;
                (
                    Tok::Str(String::from_utf8_lossy(&self.src[start..off]).into_owned()),
                    line,
                    col,
                )
            }
            '\'' => {
                let mut off = start + 1;
                let mut n = 0;
                let mut terminated = false;
                while let Some((c, w)) = self.char_at(off) {
                    if c == '\n' {
                        break;
                    }
                    off += w;
                    if c == '\'' {
                        terminated = true;
                        break;
                    }
                    n += 1;
                    if c == '\\' {
                        if let Some((_, w)) = self.char_at(off) {
                            off += w;
                        }
                    }
                }
                if !terminated {
                    self.error_at(start, "rune literal not terminated");
                } else if n != 1 {
                    self.error_at(start, "illegal rune literal");
                }
                self.off = off;
                self.insert_semi = true;
                (
                    Tok::OtherLit(String::from_utf8_lossy(&self.src[start..off]).into_owned()),
                    line,
                    col,
                )
            }
            ';' => {
                self.off = start + 1;
                (Tok::Semi { auto: false }, line, col)
            }
            _ => {
                let rest = &self.src[start..];
                if let Some(op) = OPERATORS.iter().find(|op| rest.starts_with(op.as_bytes())) {
                    self.off = start + op.len();
                    self.insert_semi = matches!(*op, ")" | "]" | "}" | "++" | "--");
                    return (Tok::Op(op), line, col);
                }
                self.off = start + w;
                // A misplaced byte-order mark was already reported by `char_at`.
                if c != '\u{feff}' {
                    let msg = if c == '\u{201c}' || c == '\u{201d}' {
                        format!("curly quotation mark '{c}' (use neutral '\"')")
                    } else {
                        format!("illegal character {}", go_unicode_format(c))
                    };
                    self.error_at(start, msg);
                }
                // An illegal character does not change semicolon insertion.
                self.insert_semi = insert_semi_before;
                (Tok::Op("ILLEGAL"), line, col)
            }
        }
    }
}

/// Go's `%#U`: `U+0040 '@'`.
fn go_unicode_format(c: char) -> String {
    // The character itself is shown only when Go's unicode.IsPrint holds: no controls, no
    // spaces other than U+0020, no format characters.
    let printable = !c.is_control()
        && (c == ' ' || !c.is_whitespace())
        && !matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}');
    if !printable {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{c}'", c as u32)
    }
}

struct Parser<'a> {
    scanner: Scanner<'a>,
    tok: Tok,
    line: u32,
    col: u32,
    errors: Vec<ParseError>,
    /// go/parser's `syncPos`/`syncCnt`: where error recovery last stopped, and how often it
    /// stopped there without progress (after ten times it consumes the token, so a `}` in
    /// an import list cannot stall the parse forever).
    sync_pos: (u32, u32),
    sync_cnt: u32,
}

impl<'a> Parser<'a> {
    fn next(&mut self) {
        let (tok, line, col) = self.scanner.next();
        self.tok = tok;
        self.line = line;
        self.col = col;
    }

    fn error(&mut self, line: u32, column: u32, message: String) {
        // go/parser keeps only the first error of a line.
        if let Some(last) = self.errors.last() {
            if last.line == line {
                return;
            }
        }
        self.errors.push(ParseError {
            line,
            column,
            message,
        });
    }

    fn found(&self) -> String {
        match &self.tok {
            Tok::Semi { auto: true } => "newline".to_string(),
            Tok::Ident(s) | Tok::Str(s) | Tok::OtherLit(s) => s.clone(),
            Tok::Keyword(k) => format!("'{k}'"),
            Tok::Semi { auto: false } => "';'".to_string(),
            Tok::Op(op) => format!("'{op}'"),
            Tok::Eof => "'EOF'".to_string(),
        }
    }

    fn error_expected(&mut self, what: &str) {
        let msg = format!("expected {what}, found {}", self.found());
        self.error(self.line, self.col, msg);
    }

    fn expect_semi(&mut self) {
        match self.tok {
            Tok::Op(")") | Tok::Op("}") => {}
            Tok::Semi { .. } => self.next(),
            Tok::Op(",") => {
                self.error_expected("';'");
                self.next();
            }
            _ => {
                self.error_expected("';'");
                // go/parser advances to a statement start; the header ends soon after, so
                // skipping to the next semicolon or EOF is equivalent for what we report.
                while !matches!(self.tok, Tok::Semi { .. } | Tok::Eof | Tok::Keyword(_)) {
                    self.next();
                }
            }
        }
    }

    fn import_spec(&mut self, imports: &mut Vec<Import>) {
        match self.tok {
            Tok::Ident(_) | Tok::Op(".") => self.next(),
            _ => {}
        }
        let (line, column) = (self.line, self.col);
        match &self.tok {
            Tok::Str(lit) => {
                if let Some(path) = unquote(lit) {
                    imports.push(Import { path, line, column });
                }
                self.next();
            }
            Tok::Ident(_) | Tok::OtherLit(_) => {
                self.error(line, column, "import path must be a string".into());
                self.next();
            }
            _ => {
                self.error(line, column, "missing import path".into());
                // go/parser's `advance(exprEnd)`, with its guard against making no progress.
                while self.tok != Tok::Eof {
                    if matches!(
                        self.tok,
                        Tok::Semi { .. }
                            | Tok::Op(")")
                            | Tok::Op("}")
                            | Tok::Op("]")
                            | Tok::Op(",")
                            | Tok::Op(":")
                    ) {
                        let pos = (self.line, self.col);
                        if pos == self.sync_pos && self.sync_cnt < 10 {
                            self.sync_cnt += 1;
                            break;
                        }
                        if pos > self.sync_pos {
                            self.sync_pos = pos;
                            self.sync_cnt = 0;
                            break;
                        }
                    }
                    self.next();
                }
            }
        }
        self.expect_semi();
    }
}

/// Parses the package clause and imports of a header (BOM already stripped).
pub fn parse_header(src: &[u8]) -> HeaderParse {
    let scanner = Scanner {
        src,
        off: 0,
        line: 1,
        line_start: 0,
        prev_line_start: 0,
        insert_semi: false,
        errors: Vec::new(),
    };
    let mut p = Parser {
        scanner,
        tok: Tok::Eof,
        line: 1,
        col: 1,
        errors: Vec::new(),
        sync_pos: (0, 0),
        sync_cnt: 0,
    };
    p.next();
    let mut out = HeaderParse::default();
    let mut clause_ok = p.scanner.errors.is_empty();
    if clause_ok {
        if p.tok != Tok::Keyword("package") {
            p.error_expected("'package'");
        }
        p.next();
        let name = match &p.tok {
            Tok::Ident(name) => {
                let name = name.clone();
                p.next();
                name
            }
            _ => {
                p.error_expected("'IDENT'");
                p.next();
                "_".to_string()
            }
        };
        p.expect_semi();
        clause_ok = p.errors.is_empty() && p.scanner.errors.is_empty();
        if clause_ok {
            out.package_name = name;
            while p.tok == Tok::Keyword("import") {
                p.next();
                if p.tok == Tok::Op("(") {
                    p.next();
                    while !matches!(p.tok, Tok::Op(")") | Tok::Eof) {
                        p.import_spec(&mut out.imports);
                    }
                    if p.tok != Tok::Op(")") {
                        p.error_expected("')'");
                    }
                    p.next();
                    p.expect_semi();
                } else {
                    p.import_spec(&mut out.imports);
                }
            }
        }
    }
    let mut errors = p.errors;
    errors.extend(p.scanner.errors);
    errors.sort_by(|a, b| (a.line, a.column, &a.message).cmp(&(b.line, b.column, &b.message)));
    out.error = errors.into_iter().next();
    out
}

/// Go's `strconv.Unquote` for the string literals an import can hold.
pub fn unquote(lit: &str) -> Option<String> {
    if let Some(raw) = lit.strip_prefix('`').and_then(|s| s.strip_suffix('`')) {
        return Some(raw.replace('\r', ""));
    }
    let inner = lit.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            if c == '"' || c == '\n' {
                return None;
            }
            out.push(c);
            continue;
        }
        let esc = chars.next()?;
        match esc {
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            'x' | 'u' | 'U' => {
                let n = match esc {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.by_ref().take(n).collect();
                if hex.len() != n {
                    return None;
                }
                let v = u32::from_str_radix(&hex, 16).ok()?;
                if esc == 'x' {
                    // A byte escape; only ASCII keeps the result valid UTF-8 here.
                    out.push(char::from_u32(v).filter(|c| c.is_ascii())?);
                } else {
                    out.push(char::from_u32(v)?);
                }
            }
            '0'..='7' => {
                let rest: String = chars.by_ref().take(2).collect();
                let v = u32::from_str_radix(&format!("{esc}{rest}"), 8).ok()?;
                out.push(char::from_u32(v).filter(|c| c.is_ascii())?);
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> HeaderParse {
        parse_header(s.as_bytes())
    }

    #[test]
    fn package_and_imports() {
        let h = parse("// doc\npackage foo\n\nimport (\n\t\"fmt\"\n\tx \"embed\"\n\t. `C`\n)\nimport _ \"os\"");
        assert_eq!(h.package_name, "foo");
        let paths: Vec<_> = h.imports.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["fmt", "embed", "C", "os"]);
        assert_eq!((h.imports[1].line, h.imports[1].column), (6, 4));
        assert_eq!(h.error, None);
    }

    /// Found by fuzzing (fuzz/regressions/go_scanner): a `}` inside an import list stopped
    /// error recovery without consuming anything, and the parse never ended. go/parser
    /// consumes it after ten stops without progress; `go list` reports the first error.
    #[test]
    fn brace_in_import_list_terminates() {
        let e = parse("package p\n\nimport (\n\t}\n\t\"fmt\"\n)\n")
            .error
            .unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (4, 2, "missing import path")
        );
        let e = parse("package p\nimport (\n\t\"a\n}\n").error.unwrap();
        assert_eq!(e.message, "string literal not terminated");
    }

    #[test]
    fn go_parser_messages() {
        let e = parse("package p\nimport \"fmt\n").error.unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (2, 8, "string literal not terminated")
        );
        let e = parse("hello\n").error.unwrap();
        assert_eq!(e.message, "expected 'package', found hello");
        let e = parse("package\n").error.unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (1, 9, "expected 'IDENT', found 'EOF'")
        );
        let e = parse("package p q\n").error.unwrap();
        assert_eq!(e.message, "expected ';', found q");
        let e = parse("package p\nimport fmt\n").error.unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (2, 11, "missing import path")
        );
        let e = parse("package p\nimport (\n\t\"a\"\n\tb c\n)\n")
            .error
            .unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (4, 4, "import path must be a string")
        );
        let e = parse("package p;import \"x\" \"y\"\n").error.unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (1, 22, "expected ';', found \"y\"")
        );
        let e = parse("package \"x\"\n").error.unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (1, 9, "expected 'IDENT', found \"x\"")
        );
        let e = parse("package p\n/* open").error.unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (2, 1, "comment not terminated")
        );
        let h = parse("package p\n// \u{ff}x");
        assert!(
            h.error.is_none(),
            "invalid UTF-8 in this test is replaced by the str literal"
        );
        let e = parse_header(b"package p\n// \xff\n").error.unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (2, 4, "illegal UTF-8 encoding")
        );
    }

    #[test]
    fn package_clause_error_leaves_no_name() {
        let h = parse("package \"x\"\n");
        assert_eq!(h.package_name, "");
        assert!(h.error.is_some());
    }
}
