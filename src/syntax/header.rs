//! The package clause and import declarations, parsed as go/parser's `ImportsOnly` mode
//! parses them over [`crate::go::scanner`]: the package name, each import's name and path
//! with positions, and the first error by position with go/parser's message (what `go list`
//! reports for an invalid file).

use crate::go::literal::unquote_string;
use crate::go::scanner::{Kind, Mode, ScanErrorKind, Scanner, Token};
use std::fmt;

/// One import spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    /// The unquoted import path.
    pub path: String,
    /// 1-based line and byte column of the path literal.
    pub line: u32,
    pub column: u32,
    /// The import name as written: an identifier, `.` or `_`; `None` when omitted.
    pub name: Option<String>,
}

/// What went wrong, worded as go/parser (or go/scanner) words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseMessage {
    Scan(ScanErrorKind),
    /// `expected WHAT, found FOUND`.
    Expected {
        what: &'static str,
        found: String,
    },
    ImportPathNotString,
    MissingImportPath,
}

impl fmt::Display for ParseMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseMessage::Scan(k) => k.fmt(f),
            ParseMessage::Expected { what, found } => write!(f, "expected {what}, found {found}"),
            ParseMessage::ImportPathNotString => f.write_str("import path must be a string"),
            ParseMessage::MissingImportPath => f.write_str("missing import path"),
        }
    }
}

/// A syntax error at a 1-based line and byte column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: u32,
    pub column: u32,
    pub message: ParseMessage,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ParseError {}

/// What the header parse yields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderParse {
    /// Empty when the package clause itself failed (go/parser then returns no file).
    pub package_name: String,
    pub imports: Vec<Import>,
    /// The first error by position, as go list reports it.
    pub error: Option<ParseError>,
}

struct Parser<'a> {
    src: &'a [u8],
    scanner: Scanner<'a>,
    tok: Token,
    /// Scanner and parser errors in the order they arose, as go/parser's one list.
    errors: Vec<ParseError>,
}

impl<'a> Parser<'a> {
    fn next(&mut self) {
        self.tok = self.scanner.next();
        for e in self.scanner.take_errors() {
            self.errors.push(ParseError {
                line: e.line,
                column: e.column,
                message: ParseMessage::Scan(e.kind),
            });
        }
    }

    fn kind(&self) -> Kind {
        self.tok.kind
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok.kind, Kind::Op(o) if o == op)
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(self.tok.text(self.src)).into_owned()
    }

    fn error(&mut self, line: u32, column: u32, message: ParseMessage) {
        // go/parser keeps only the first error of a line (scanner errors included).
        if self.errors.last().is_some_and(|e| e.line == line) {
            return;
        }
        self.errors.push(ParseError {
            line,
            column,
            message,
        });
    }

    fn found(&self) -> String {
        match self.tok.kind {
            Kind::Semi { auto: true } => "newline".to_string(),
            Kind::Ident | Kind::String | Kind::Int | Kind::Float | Kind::Imag | Kind::Char => {
                self.text()
            }
            Kind::Keyword(k) | Kind::Op(k) => format!("'{k}'"),
            Kind::Semi { auto: false } => "';'".to_string(),
            Kind::Illegal => "'ILLEGAL'".to_string(),
            Kind::Comment => "'COMMENT'".to_string(),
            Kind::Eof => "'EOF'".to_string(),
        }
    }

    fn error_expected(&mut self, what: &'static str) {
        let found = self.found();
        let (line, column) = (self.tok.line, self.tok.column);
        self.error(line, column, ParseMessage::Expected { what, found });
    }

    fn expect_semi(&mut self) {
        match self.kind() {
            Kind::Op(")" | "}") => {}
            Kind::Semi { .. } => self.next(),
            Kind::Op(",") => {
                self.error_expected("';'");
                self.next();
            }
            _ => {
                self.error_expected("';'");
                // go/parser advances to a statement start; the header ends soon after, so
                // skipping to the next semicolon or EOF is equivalent for what is reported.
                while !matches!(
                    self.kind(),
                    Kind::Semi { .. } | Kind::Eof | Kind::Keyword(_)
                ) {
                    self.next();
                }
            }
        }
    }

    fn import_spec(&mut self, imports: &mut Vec<Import>) {
        let name = match self.kind() {
            Kind::Ident | Kind::Op(".") => {
                let n = self.text();
                self.next();
                Some(n)
            }
            _ => None,
        };
        let (line, column) = (self.tok.line, self.tok.column);
        match self.kind() {
            Kind::String => {
                if let Some(path) = unquote_string(self.tok.text(self.src)) {
                    imports.push(Import {
                        path,
                        line,
                        column,
                        name,
                    });
                }
                self.next();
            }
            Kind::Ident | Kind::Int | Kind::Float | Kind::Imag | Kind::Char => {
                self.error(line, column, ParseMessage::ImportPathNotString);
                self.next();
            }
            _ => {
                self.error(line, column, ParseMessage::MissingImportPath);
                while !matches!(
                    self.kind(),
                    Kind::Semi { .. } | Kind::Eof | Kind::Op(")" | "}" | "]" | "," | ":")
                ) {
                    self.next();
                }
            }
        }
        self.expect_semi();
    }
}

/// Parses the package clause and imports of a header (a leading byte-order mark is skipped).
pub fn parse_header(src: &[u8]) -> HeaderParse {
    let scanner = Scanner::new(src, Mode::PARSER);
    let mut p = Parser {
        src,
        scanner,
        tok: Token {
            kind: Kind::Eof,
            start: 0,
            end: 0,
            line: 1,
            column: 1,
            end_line: 1,
        },
        errors: Vec::new(),
    };
    p.next();
    let mut out = HeaderParse::default();
    // go/parser gives up when scanning the first token already failed, and again when the
    // package clause had errors: no file, so no name.
    if p.errors.is_empty() {
        if p.kind() != Kind::Keyword("package") {
            p.error_expected("'package'");
        }
        p.next();
        let name = if p.kind() == Kind::Ident {
            let name = p.text();
            p.next();
            name
        } else {
            p.error_expected("'IDENT'");
            p.next();
            "_".to_string()
        };
        p.expect_semi();
        if p.errors.is_empty() {
            out.package_name = name;
            while p.kind() == Kind::Keyword("import") {
                p.next();
                if p.is_op("(") {
                    p.next();
                    while !matches!(p.kind(), Kind::Op(")") | Kind::Eof) {
                        p.import_spec(&mut out.imports);
                    }
                    if !p.is_op(")") {
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
    errors.sort_by(|a, b| {
        (a.line, a.column)
            .cmp(&(b.line, b.column))
            .then_with(|| a.message.to_string().cmp(&b.message.to_string()))
    });
    out.error = errors.into_iter().next();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> HeaderParse {
        parse_header(s.as_bytes())
    }

    fn err(s: &[u8]) -> (u32, u32, String) {
        let e = parse_header(s).error.expect("an error");
        (e.line, e.column, e.message.to_string())
    }

    #[test]
    fn package_and_imports() {
        let h = parse("// doc\npackage foo\n\nimport (\n\t\"fmt\"\n\tx \"embed\"\n\t. `C`\n)\nimport _ \"os\"");
        assert_eq!(h.package_name, "foo");
        let paths: Vec<_> = h.imports.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["fmt", "embed", "C", "os"]);
        let names: Vec<_> = h.imports.iter().map(|i| i.name.as_deref()).collect();
        assert_eq!(names, [None, Some("x"), Some("."), Some("_")]);
        assert_eq!((h.imports[1].line, h.imports[1].column), (6, 4));
        assert_eq!(h.error, None);
    }

    #[test]
    fn go_parser_messages() {
        type Case<'a> = (&'a [u8], (u32, u32, &'a str));
        let cases: &[Case] = &[
            (
                b"package p\nimport \"fmt\n",
                (2, 8, "string literal not terminated"),
            ),
            (b"hello\n", (1, 1, "expected 'package', found hello")),
            (b"package\n", (1, 9, "expected 'IDENT', found 'EOF'")),
            (b"package p q\n", (1, 11, "expected ';', found q")),
            (b"package p\nimport fmt\n", (2, 11, "missing import path")),
            (
                b"package p\nimport x // c\n",
                (2, 14, "missing import path"),
            ),
            (
                b"package p\nimport (\n\t\"a\"\n\tb c\n)\n",
                (4, 4, "import path must be a string"),
            ),
            (
                b"package p;import \"x\" \"y\"\n",
                (1, 22, "expected ';', found \"y\""),
            ),
            (b"package \"x\"\n", (1, 9, "expected 'IDENT', found \"x\"")),
            (b"package p\n/* open", (2, 1, "comment not terminated")),
            (b"package p\n// \xff\n", (2, 4, "illegal UTF-8 encoding")),
            (
                "package \u{216b}\n".as_bytes(),
                (1, 9, "illegal character U+216B '\u{216b}'"),
            ),
            (
                "package \u{212e}\n".as_bytes(),
                (1, 9, "illegal character U+212E '\u{212e}'"),
            ),
            (
                "package x\u{3007}\n".as_bytes(),
                (1, 10, "illegal character U+3007 '\u{3007}'"),
            ),
            (
                "package p\n\nimport \u{feff}\"fmt\"\n".as_bytes(),
                (3, 8, "illegal byte order mark"),
            ),
        ];
        for (src, (line, column, message)) in cases {
            assert_eq!(err(src), (*line, *column, message.to_string()));
        }
        assert_eq!(parse("package x\u{663}\n").package_name, "x\u{663}");
    }

    #[test]
    fn package_clause_error_leaves_no_name() {
        let h = parse("package \"x\"\n");
        assert_eq!(h.package_name, "");
        assert!(h.error.is_some());
        assert_eq!(parse("package \u{216b}\n").package_name, "");
    }
}
