//! The one Go scanner: source bytes to tokens with byte spans and 1-based line and byte
//! column, optionally returning comments and inserting semicolons at line ends, reporting
//! go/scanner's errors with its wording and positions (NUL, invalid UTF-8, a misplaced
//! byte-order mark, illegal characters, unterminated comments and literals, bad escapes and
//! malformed numbers). A byte-order mark at offset 0 is skipped. `//line` directives are not
//! interpreted: positions are always those of the bytes given.

use super::token;
use super::unicode::{format_u, is_digit, is_letter};
use std::fmt;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Ident,
    /// A keyword, as its entry of [`token::KEYWORDS`].
    Keyword(&'static str),
    Int,
    Float,
    Imag,
    Char,
    /// An interpreted (`"…"`) or raw (`` `…` ``) string literal.
    String,
    /// A `//` or `/* */` comment (only in [`Mode::comments`]); the text excludes the newline.
    Comment,
    /// An operator or punctuation, as its entry of [`token::OPERATORS`].
    Op(&'static str),
    /// `;` as written (`auto: false`), or inserted at a line end or the end of input.
    Semi {
        auto: bool,
    },
    /// A character that starts no token (the error was reported).
    Illegal,
    Eof,
}

/// One token: its byte span and where it starts (and on which line it ends).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
}

impl Token {
    /// The token's bytes in `src` (empty for inserted semicolons and the end of input).
    pub fn text<'a>(&self, src: &'a [u8]) -> &'a [u8] {
        src.get(self.start..self.end).unwrap_or_default()
    }
}

/// What the scanner returns besides code tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode {
    /// Return comments as [`Kind::Comment`] tokens.
    pub comments: bool,
    /// Insert `;` where Go's rule ends a statement at a newline or the end of input.
    pub insert_semis: bool,
}

impl Mode {
    /// What go/parser scans with: semicolons inserted, comments skipped.
    pub const PARSER: Mode = Mode {
        comments: false,
        insert_semis: true,
    };
    /// Every comment, no semicolons.
    pub const COMMENTS: Mode = Mode {
        comments: true,
        insert_semis: false,
    };
}

/// A go/scanner error, worded as Go words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanErrorKind {
    Nul,
    InvalidUtf8,
    /// A byte-order mark other than at the start.
    Bom,
    IllegalChar(char),
    /// U+201C or U+201D where a `"` was probably meant.
    CurlyQuote(char),
    CommentNotTerminated,
    StringNotTerminated,
    RawStringNotTerminated,
    RuneNotTerminated,
    /// A rune literal with other than one character.
    IllegalRune,
    UnknownEscape,
    EscapeNotTerminated,
    IllegalCharInEscape(char),
    EscapeInvalidCodePoint,
    /// A digit not of the literal's base, e.g. `8` in `0o8`.
    InvalidDigit {
        digit: char,
        literal: &'static str,
    },
    /// A `.` in a binary or octal literal with a prefix.
    InvalidRadixPoint(&'static str),
    NoDigits(&'static str),
    /// `e` after a non-decimal mantissa (`decimal`) or `p` after a non-hex one (`hexadecimal`).
    ExponentMantissa {
        exponent: char,
        mantissa: &'static str,
    },
    ExponentNoDigits,
    HexMantissaNeedsP,
    Separator,
}

impl fmt::Display for ScanErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanErrorKind::Nul => f.write_str("illegal character NUL"),
            ScanErrorKind::InvalidUtf8 => f.write_str("illegal UTF-8 encoding"),
            ScanErrorKind::Bom => f.write_str("illegal byte order mark"),
            ScanErrorKind::IllegalChar(c) => write!(f, "illegal character {}", format_u(*c)),
            ScanErrorKind::CurlyQuote(c) => {
                write!(f, "curly quotation mark '{c}' (use neutral '\"')")
            }
            ScanErrorKind::CommentNotTerminated => f.write_str("comment not terminated"),
            ScanErrorKind::StringNotTerminated => f.write_str("string literal not terminated"),
            ScanErrorKind::RawStringNotTerminated => {
                f.write_str("raw string literal not terminated")
            }
            ScanErrorKind::RuneNotTerminated => f.write_str("rune literal not terminated"),
            ScanErrorKind::IllegalRune => f.write_str("illegal rune literal"),
            ScanErrorKind::UnknownEscape => f.write_str("unknown escape sequence"),
            ScanErrorKind::EscapeNotTerminated => f.write_str("escape sequence not terminated"),
            ScanErrorKind::IllegalCharInEscape(c) => {
                write!(f, "illegal character {} in escape sequence", format_u(*c))
            }
            ScanErrorKind::EscapeInvalidCodePoint => {
                f.write_str("escape sequence is invalid Unicode code point")
            }
            ScanErrorKind::InvalidDigit { digit, literal } => {
                write!(f, "invalid digit '{digit}' in {literal}")
            }
            ScanErrorKind::InvalidRadixPoint(lit) => write!(f, "invalid radix point in {lit}"),
            ScanErrorKind::NoDigits(lit) => write!(f, "{lit} has no digits"),
            ScanErrorKind::ExponentMantissa { exponent, mantissa } => {
                write!(f, "'{exponent}' exponent requires {mantissa} mantissa")
            }
            ScanErrorKind::ExponentNoDigits => f.write_str("exponent has no digits"),
            ScanErrorKind::HexMantissaNeedsP => {
                f.write_str("hexadecimal mantissa requires a 'p' exponent")
            }
            ScanErrorKind::Separator => f.write_str("'_' must separate successive digits"),
        }
    }
}

/// A scanner error at a byte offset and its 1-based line and byte column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanError {
    pub offset: usize,
    pub line: u32,
    pub column: u32,
    pub kind: ScanErrorKind,
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.kind)
    }
}

impl std::error::Error for ScanError {}

/// The scanner over one source.
pub struct Scanner<'a> {
    src: &'a [u8],
    off: usize,
    line: u32,
    line_start: usize,
    prev_line_start: usize,
    mode: Mode,
    insert_semi: bool,
    /// A semicolon owed for a newline inside the block comment just returned.
    pending_semi: Option<(usize, u32, u32)>,
    errors: Vec<ScanError>,
}

/// All tokens of `src` up to (not including) the end, scanned in `mode`.
pub fn tokens(src: &[u8], mode: Mode) -> Vec<Token> {
    let mut s = Scanner::new(src, mode);
    let mut out = Vec::with_capacity(src.len() / 5);
    loop {
        let t = s.next();
        if t.kind == Kind::Eof {
            return out;
        }
        out.push(t);
    }
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a [u8], mode: Mode) -> Scanner<'a> {
        let off = if src.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        Scanner {
            src,
            off,
            line: 1,
            line_start: 0,
            prev_line_start: 0,
            mode,
            insert_semi: false,
            pending_semi: None,
            errors: Vec::new(),
        }
    }

    /// The errors so far, in the order they were found.
    pub fn errors(&self) -> &[ScanError] {
        &self.errors
    }

    /// Takes the errors found so far.
    pub fn take_errors(&mut self) -> Vec<ScanError> {
        std::mem::take(&mut self.errors)
    }

    /// 1-based line and byte column of `off`, which is never before the current line.
    fn pos_at(&self, off: usize) -> (u32, u32) {
        // go/token records no line starting at the very end of the input, so the end of
        // input after a final newline is still on the last line.
        if off == self.src.len() && off == self.line_start && self.line > 1 {
            return (self.line - 1, (off - self.prev_line_start + 1) as u32);
        }
        (self.line, (off.saturating_sub(self.line_start) + 1) as u32)
    }

    fn error_at(&mut self, off: usize, kind: ScanErrorKind) {
        if self
            .errors
            .last()
            .is_some_and(|e| e.offset == off && e.kind == kind)
        {
            return;
        }
        let (line, column) = self.pos_at(off);
        self.errors.push(ScanError {
            offset: off,
            line,
            column,
            kind,
        });
    }

    fn newline_at(&mut self, off: usize) {
        self.prev_line_start = self.line_start;
        self.line += 1;
        self.line_start = off + 1;
    }

    /// Decodes the character at `off` as go/scanner's `next` does, reporting NUL, invalid
    /// UTF-8 and a misplaced byte-order mark. `None` at the end.
    fn char_at(&mut self, off: usize) -> Option<(char, usize)> {
        let b = *self.src.get(off)?;
        if b == 0 {
            self.error_at(off, ScanErrorKind::Nul);
            return Some(('\0', 1));
        }
        if b < 0x80 {
            return Some((b as char, 1));
        }
        let (c, w) = super::unicode::decode_rune(&self.src[off..]);
        if c == char::REPLACEMENT_CHARACTER && w == 1 {
            self.error_at(off, ScanErrorKind::InvalidUtf8);
        } else if c == '\u{feff}' {
            self.error_at(off, ScanErrorKind::Bom);
        }
        Some((c, w))
    }

    fn token(&self, kind: Kind, start: usize, (line, column): (u32, u32)) -> Token {
        Token {
            kind,
            start,
            end: self.off,
            line,
            column,
            end_line: self.line,
        }
    }

    /// The semicolon a comment's newline left to insert, as an empty token at that newline.
    fn pending_semi(&mut self) -> Option<Token> {
        let (off, line, column) = self.pending_semi.take()?;
        Some(Token {
            kind: Kind::Semi { auto: true },
            start: off,
            end: off,
            line,
            column,
            end_line: line,
        })
    }

    /// The next token; [`Kind::Eof`] at the end, then forever.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Token {
        if let Some(semi) = self.pending_semi() {
            return semi;
        }
        loop {
            let Some(&b) = self.src.get(self.off) else {
                let pos = self.pos_at(self.off);
                let kind = if std::mem::take(&mut self.insert_semi) {
                    Kind::Semi { auto: true }
                } else {
                    Kind::Eof
                };
                return self.token(kind, self.off, pos);
            };
            match b {
                b' ' | b'\t' | b'\r' => {
                    self.off += 1;
                    while matches!(self.src.get(self.off), Some(b' ' | b'\t' | b'\r')) {
                        self.off += 1;
                    }
                }
                b'\n' => {
                    if std::mem::take(&mut self.insert_semi) {
                        let pos = self.pos_at(self.off);
                        let t = self.token(Kind::Semi { auto: true }, self.off, pos);
                        self.newline_at(self.off);
                        self.off += 1;
                        return Token { end: t.start, ..t };
                    }
                    self.newline_at(self.off);
                    self.off += 1;
                }
                b'/' if matches!(self.src.get(self.off + 1), Some(b'/' | b'*')) => {
                    let start = self.off;
                    let pos = self.pos_at(start);
                    let newline = self.comment();
                    let t = self.token(Kind::Comment, start, pos);
                    if let Some(nl) = newline.filter(|_| self.insert_semi) {
                        self.insert_semi = false;
                        self.pending_semi = Some(nl);
                    }
                    if self.mode.comments {
                        return t;
                    }
                    if let Some(semi) = self.pending_semi() {
                        return semi;
                    }
                }
                _ => return self.scan_token(),
            }
        }
    }

    /// Skips the comment at `self.off`; for a block comment holding a newline, the offset and
    /// position of its first newline (where an inserted semicolon goes).
    fn comment(&mut self) -> Option<(usize, u32, u32)> {
        let start = self.off;
        if self.src.get(start + 1) == Some(&b'/') {
            let mut off = start + 2;
            loop {
                // Plain ASCII runs need no decoding.
                let run = self.src[off..]
                    .iter()
                    .position(|&b| b == b'\n' || b == 0 || b >= 0x80)
                    .unwrap_or(self.src.len() - off);
                off += run;
                match self.char_at(off) {
                    None | Some(('\n', _)) => break,
                    Some((_, w)) => off += w,
                }
            }
            self.off = off;
            return None;
        }
        let mut off = start + 2;
        let mut first_newline = None;
        loop {
            match self.char_at(off) {
                None => {
                    self.error_at(start, ScanErrorKind::CommentNotTerminated);
                    self.off = off;
                    return first_newline;
                }
                Some(('*', _)) if self.src.get(off + 1) == Some(&b'/') => {
                    self.off = off + 2;
                    return first_newline;
                }
                Some(('\n', _)) => {
                    if first_newline.is_none() {
                        let (line, column) = self.pos_at(off);
                        first_newline = Some((off, line, column));
                    }
                    self.newline_at(off);
                    off += 1;
                }
                Some((_, w)) => off += w,
            }
        }
    }

    fn scan_token(&mut self) -> Token {
        let start = self.off;
        let pos = self.pos_at(start);
        let (c, w) = match self.src.get(start) {
            Some(&b) if b != 0 && b < 0x80 => (b as char, 1),
            _ => match self.char_at(start) {
                Some(cw) => cw,
                None => return self.token(Kind::Eof, start, pos),
            },
        };
        let semi_before = std::mem::take(&mut self.insert_semi);
        let insert = self.mode.insert_semis;
        if c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && is_letter(c)) {
            self.off = start + w;
            self.identifier_rest();
            let word = &self.src[start..self.off];
            if let Some(kw) = token::keyword(word) {
                self.insert_semi =
                    insert && matches!(kw, "break" | "continue" | "fallthrough" | "return");
                return self.token(Kind::Keyword(kw), start, pos);
            }
            self.insert_semi = insert;
            return self.token(Kind::Ident, start, pos);
        }
        if c.is_ascii_digit()
            || (c == '.' && self.src.get(start + 1).is_some_and(u8::is_ascii_digit))
        {
            let kind = self.number(start);
            self.insert_semi = insert;
            return self.token(kind, start, pos);
        }
        match c {
            '"' => {
                self.off = start + 1;
                self.string(start);
                self.insert_semi = insert;
                self.token(Kind::String, start, pos)
            }
            '`' => {
                self.raw_string(start);
                self.insert_semi = insert;
                self.token(Kind::String, start, pos)
            }
            '\'' => {
                self.rune(start);
                self.insert_semi = insert;
                self.token(Kind::Char, start, pos)
            }
            ';' => {
                self.off = start + 1;
                self.token(Kind::Semi { auto: false }, start, pos)
            }
            _ => {
                if let Some(op) = token::operator(&self.src[start..]) {
                    self.off = start + op.len();
                    self.insert_semi = insert && matches!(op, ")" | "]" | "}" | "++" | "--");
                    return self.token(Kind::Op(op), start, pos);
                }
                self.off = start + w;
                // A misplaced byte-order mark, NUL or bad UTF-8 was reported when decoded.
                // (Go reports those twice; the decoding message sorts first either way.)
                if !(matches!(c, '\u{feff}' | '\0') || (c == '\u{fffd}' && w == 1)) {
                    let kind = if c == '\u{201c}' || c == '\u{201d}' {
                        ScanErrorKind::CurlyQuote(c)
                    } else {
                        ScanErrorKind::IllegalChar(c)
                    };
                    self.error_at(start, kind);
                }
                // An illegal character leaves semicolon insertion as it was.
                self.insert_semi = semi_before;
                self.token(Kind::Illegal, start, pos)
            }
        }
    }

    /// Letters and digits after an identifier's first character.
    fn identifier_rest(&mut self) {
        loop {
            let run = self.src[self.off..]
                .iter()
                .position(|&b| !(b == b'_' || b.is_ascii_alphanumeric()))
                .unwrap_or(self.src.len() - self.off);
            self.off += run;
            match self.src.get(self.off) {
                Some(&b) if b >= 0x80 => {
                    let (c, w) = super::unicode::decode_rune(&self.src[self.off..]);
                    if is_letter(c) || is_digit(c) {
                        self.off += w;
                    } else {
                        return;
                    }
                }
                _ => return,
            }
        }
    }

    fn byte(&self, off: usize) -> u8 {
        self.src.get(off).copied().unwrap_or(0)
    }

    fn string(&mut self, start: usize) {
        loop {
            let run = self.src[self.off..]
                .iter()
                .position(|&b| matches!(b, b'"' | b'\\' | b'\n' | 0) || b >= 0x80)
                .unwrap_or(self.src.len() - self.off);
            self.off += run;
            match self.char_at(self.off) {
                None | Some(('\n', _)) => {
                    self.error_at(start, ScanErrorKind::StringNotTerminated);
                    return;
                }
                Some(('"', _)) => {
                    self.off += 1;
                    return;
                }
                Some(('\\', _)) => {
                    self.off += 1;
                    self.escape(b'"');
                }
                Some((_, w)) => self.off += w,
            }
        }
    }

    fn raw_string(&mut self, start: usize) {
        let mut off = start + 1;
        loop {
            match self.char_at(off) {
                None => {
                    self.error_at(start, ScanErrorKind::RawStringNotTerminated);
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
    }

    fn rune(&mut self, start: usize) {
        self.off = start + 1;
        let mut valid = true;
        let mut n = 0;
        loop {
            match self.char_at(self.off) {
                None | Some(('\n', _)) => {
                    if valid {
                        self.error_at(start, ScanErrorKind::RuneNotTerminated);
                        valid = false;
                    }
                    break;
                }
                Some(('\'', _)) => {
                    self.off += 1;
                    break;
                }
                Some((c, w)) => {
                    self.off += w;
                    n += 1;
                    if c == '\\' && !self.escape(b'\'') {
                        valid = false;
                    }
                }
            }
        }
        if valid && n != 1 {
            self.error_at(start, ScanErrorKind::IllegalRune);
        }
    }

    /// The escape after a `\` (at `self.off`); whether it was valid.
    fn escape(&mut self, quote: u8) -> bool {
        let at = self.off;
        let Some(&b) = self.src.get(at) else {
            self.error_at(at, ScanErrorKind::EscapeNotTerminated);
            return false;
        };
        let (digits, radix, max) = match b {
            b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' => {
                self.off += 1;
                return true;
            }
            _ if b == quote => {
                self.off += 1;
                return true;
            }
            b'0'..=b'7' => (3, 8, 255),
            b'x' => {
                self.off += 1;
                (2, 16, 255)
            }
            b'u' => {
                self.off += 1;
                (4, 16, 0x10FFFF)
            }
            b'U' => {
                self.off += 1;
                (8, 16, 0x10FFFF)
            }
            _ => {
                self.error_at(at, ScanErrorKind::UnknownEscape);
                return false;
            }
        };
        let mut v: u32 = 0;
        for _ in 0..digits {
            match self.char_at(self.off) {
                Some((c, _)) if c.is_digit(radix) => {
                    v = v * radix + c.to_digit(radix).unwrap_or(0);
                    self.off += 1;
                }
                None => {
                    self.error_at(self.off, ScanErrorKind::EscapeNotTerminated);
                    return false;
                }
                Some((c, _)) => {
                    self.error_at(self.off, ScanErrorKind::IllegalCharInEscape(c));
                    return false;
                }
            }
        }
        if v > max || (0xD800..0xE000).contains(&v) {
            self.error_at(at, ScanErrorKind::EscapeInvalidCodePoint);
            return false;
        }
        true
    }

    /// A number literal starting at `start`; its kind.
    fn number(&mut self, start: usize) -> Kind {
        let mut off = start;
        let mut kind = Kind::Int;
        let mut radix = 10;
        let mut prefix = 0u8;
        // Bit 0: a digit seen; bit 1: a `_` seen.
        let mut digsep = 0;
        let mut invalid = None;
        if self.byte(off) != b'.' {
            if self.byte(off) == b'0' {
                off += 1;
                match self.byte(off).to_ascii_lowercase() {
                    p @ (b'x' | b'o' | b'b') => {
                        off += 1;
                        prefix = p;
                        radix = match p {
                            b'x' => 16,
                            b'o' => 8,
                            _ => 2,
                        };
                    }
                    _ => {
                        prefix = b'0';
                        radix = 8;
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(&mut off, radix, &mut invalid);
        }
        if self.byte(off) == b'.' {
            kind = Kind::Float;
            if matches!(prefix, b'o' | b'b') {
                self.error_at(off, ScanErrorKind::InvalidRadixPoint(literal_name(prefix)));
            }
            off += 1;
            digsep |= self.digits(&mut off, radix, &mut invalid);
        }
        if digsep & 1 == 0 {
            self.error_at(off, ScanErrorKind::NoDigits(literal_name(prefix)));
        }
        let e = self.byte(off).to_ascii_lowercase();
        if e == b'e' || e == b'p' {
            let wrong_mantissa = if e == b'e' && prefix != 0 && prefix != b'0' {
                Some("decimal")
            } else if e == b'p' && prefix != b'x' {
                Some("hexadecimal")
            } else {
                None
            };
            if let Some(mantissa) = wrong_mantissa {
                let exponent = self.byte(off) as char;
                self.error_at(off, ScanErrorKind::ExponentMantissa { exponent, mantissa });
            }
            off += 1;
            kind = Kind::Float;
            if matches!(self.byte(off), b'+' | b'-') {
                off += 1;
            }
            let ds = self.digits(&mut off, 10, &mut None);
            digsep |= ds;
            if ds & 1 == 0 {
                self.error_at(off, ScanErrorKind::ExponentNoDigits);
            }
        } else if prefix == b'x' && kind == Kind::Float {
            self.error_at(off, ScanErrorKind::HexMantissaNeedsP);
        }
        if self.byte(off) == b'i' {
            kind = Kind::Imag;
            off += 1;
        }
        self.off = off;
        if kind == Kind::Int {
            if let Some(at) = invalid {
                let digit = self.byte(at) as char;
                self.error_at(
                    at,
                    ScanErrorKind::InvalidDigit {
                        digit,
                        literal: literal_name(prefix),
                    },
                );
            }
        }
        if digsep & 2 != 0 {
            if let Some(i) = invalid_separator(&self.src[start..off]) {
                self.error_at(start + i, ScanErrorKind::Separator);
            }
        }
        kind
    }

    /// Digits (and `_`) of `radix` from `*off`; bit 0 of the result: a digit, bit 1: a `_`.
    fn digits(&self, off: &mut usize, radix: u32, invalid: &mut Option<usize>) -> u8 {
        let mut digsep = 0;
        loop {
            let b = self.byte(*off);
            let ok = if radix <= 10 {
                b.is_ascii_digit()
            } else {
                b.is_ascii_hexdigit()
            };
            if b == b'_' {
                digsep |= 2;
            } else if ok {
                digsep |= 1;
                if radix < 10 && u32::from(b - b'0') >= radix && invalid.is_none() {
                    *invalid = Some(*off);
                }
            } else {
                return digsep;
            }
            *off += 1;
        }
    }
}

fn literal_name(prefix: u8) -> &'static str {
    match prefix {
        b'x' => "hexadecimal literal",
        b'o' | b'0' => "octal literal",
        b'b' => "binary literal",
        _ => "decimal literal",
    }
}

/// Index of the first `_` in a number literal that does not sit between digits (a prefix
/// counts as a digit).
fn invalid_separator(lit: &[u8]) -> Option<usize> {
    let mut hex = false;
    // The previous character: `_`, `0` for any digit, `.` for anything else.
    let mut prev = b'.';
    let mut i = 0;
    if lit.len() >= 2 && lit[0] == b'0' && matches!(lit[1].to_ascii_lowercase(), b'x' | b'o' | b'b')
    {
        hex = lit[1].eq_ignore_ascii_case(&b'x');
        prev = b'0';
        i = 2;
    }
    while i < lit.len() {
        let b = lit[i];
        let p = prev;
        if b == b'_' {
            if p != b'0' {
                return Some(i);
            }
            prev = b'_';
        } else if b.is_ascii_digit() || (hex && b.is_ascii_hexdigit()) {
            prev = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            prev = b'.';
        }
        i += 1;
    }
    (prev == b'_').then(|| lit.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str, mode: Mode) -> Vec<(Kind, String)> {
        tokens(src.as_bytes(), mode)
            .iter()
            .map(|t| {
                (
                    t.kind,
                    String::from_utf8_lossy(t.text(src.as_bytes())).into_owned(),
                )
            })
            .collect()
    }

    fn first_error(src: &[u8]) -> Option<(u32, u32, String)> {
        let mut s = Scanner::new(src, Mode::PARSER);
        while s.next().kind != Kind::Eof {}
        s.errors()
            .first()
            .map(|e| (e.line, e.column, e.kind.to_string()))
    }

    #[test]
    fn semicolons_and_comments() {
        let got = kinds(
            "x // c\ny /* a\nb */ z\n",
            Mode {
                comments: true,
                insert_semis: true,
            },
        );
        let want: Vec<(Kind, String)> = vec![
            (Kind::Ident, "x".into()),
            (Kind::Comment, "// c".into()),
            (Kind::Semi { auto: true }, "".into()),
            (Kind::Ident, "y".into()),
            (Kind::Comment, "/* a\nb */".into()),
            (Kind::Semi { auto: true }, "".into()),
            (Kind::Ident, "z".into()),
            (Kind::Semi { auto: true }, "".into()),
        ];
        assert_eq!(got, want);
        let t = tokens(b"a\n/* x\n*/ b", Mode::COMMENTS);
        assert_eq!(
            (t[1].line, t[1].end_line, t[2].line, t[2].column),
            (2, 3, 3, 4)
        );
        let k: Vec<Kind> = kinds("return\nf(x)++\n", Mode::PARSER)
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            k.iter()
                .filter(|k| **k == Kind::Semi { auto: true })
                .count(),
            2
        );
    }

    #[test]
    fn literals() {
        let k: Vec<Kind> = kinds("0x1p-2 1e+5 .5 07 0b1 3i 'a' `r\n` \"s\"", Mode::COMMENTS)
            .into_iter()
            .map(|t| t.0)
            .collect();
        use Kind::*;
        assert_eq!(
            k,
            [Float, Float, Float, Int, Int, Imag, Char, String, String]
        );
    }

    #[test]
    fn go_scanner_errors() {
        type Case<'a> = (&'a [u8], Option<(u32, u32, &'a str)>);
        let cases: &[Case] = &[
            (
                "package Ⅻ".as_bytes(),
                Some((1, 9, "illegal character U+216B 'Ⅻ'")),
            ),
            (
                "x٣ ٣".as_bytes(),
                Some((1, 5, "illegal character U+0663 '٣'")),
            ),
            (
                "a \u{201c}".as_bytes(),
                Some((1, 3, "curly quotation mark '\u{201c}' (use neutral '\"')")),
            ),
            (br#""\q""#, Some((1, 3, "unknown escape sequence"))),
            (
                br"'\x4g'",
                Some((1, 5, "illegal character U+0067 'g' in escape sequence")),
            ),
            (
                br#""\ud800""#,
                Some((1, 3, "escape sequence is invalid Unicode code point")),
            ),
            (b"''", Some((1, 1, "illegal rune literal"))),
            (b"0o8", Some((1, 3, "invalid digit '8' in octal literal"))),
            (b"0x", Some((1, 3, "hexadecimal literal has no digits"))),
            (
                b"0x1.0",
                Some((1, 6, "hexadecimal mantissa requires a 'p' exponent")),
            ),
            (b"1__0", Some((1, 3, "'_' must separate successive digits"))),
            (b"1e", Some((1, 3, "exponent has no digits"))),
            (
                "x\u{feff}".as_bytes(),
                Some((1, 2, "illegal byte order mark")),
            ),
            (b"a\n\xff", Some((2, 1, "illegal UTF-8 encoding"))),
            (b"a\n/* x", Some((2, 1, "comment not terminated"))),
            (b"a\x00", Some((1, 2, "illegal character NUL"))),
            ("\u{feff}x 0".as_bytes(), None),
        ];
        for (src, want) in cases {
            let want = want.map(|(l, c, m)| (l, c, m.to_string()));
            assert_eq!(first_error(src), want, "{:?}", String::from_utf8_lossy(src));
        }
    }
}
