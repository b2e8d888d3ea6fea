//! go.mod and go.work as text: the line/block grammar both files share (`verb args`,
//! `verb ( … )`, `//` comments, quoted and raw strings) and the directives package
//! resolution needs (`module`, `go`, `toolchain`, `ignore`, `use`). Pure: bytes in, data or
//! a typed error with its line out.

use std::fmt;

/// Which of the two files is being read (their directive sets differ).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    GoMod,
    GoWork,
}

impl FileKind {
    pub fn name(self) -> &'static str {
        match self {
            FileKind::GoMod => "go.mod",
            FileKind::GoWork => "go.work",
        }
    }
}

/// What is wrong with one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseProblem {
    /// A block opened with `verb (` has no closing `)`; `started` is its line.
    UnterminatedBlock { started: usize },
    /// A quoted string runs to the end of its line.
    UnterminatedString,
    /// A `)` with no open block.
    UnexpectedClose,
    /// A directive the file kind (or the selected Go release) does not know.
    UnknownDirective(String),
    /// A block of a directive the file kind (or release) does not know.
    UnknownBlockType(String),
    /// A directive with the wrong number of arguments; the usage line Go prints.
    Usage(&'static str),
    /// A directive that may appear once appears again.
    Repeated(&'static str),
}

/// A parse failure: the line (1-based) and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub problem: ParseProblem,
}

impl ParseError {
    fn at(line: usize, problem: ParseProblem) -> ParseError {
        ParseError { line, problem }
    }

    /// `FILE:LINE: message`, the way cmd/go prints it under `errors parsing go.mod:`;
    /// `block_file` names the file inside the unterminated-block message.
    pub fn render(&self, file: &str, block_file: &str) -> String {
        let msg = match &self.problem {
            ParseProblem::UnterminatedBlock { started } => {
                format!("syntax error (unterminated block started at {block_file}:{started}:1)")
            }
            ParseProblem::UnterminatedString => "syntax error (unterminated quoted string)".into(),
            ParseProblem::UnexpectedClose => "syntax error (unexpected ')')".into(),
            ParseProblem::UnknownDirective(v) => format!("unknown directive: {v}"),
            ParseProblem::UnknownBlockType(v) => format!("unknown block type: {v}"),
            ParseProblem::Usage(u) => format!("usage: {u}"),
            ParseProblem::Repeated(v) => format!("repeated {v} statement"),
        };
        format!("{file}:{}: {msg}", self.line)
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("file", "file"))
    }
}

/// One directive: its verb, its arguments (strings unquoted) and its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stmt {
    pub verb: String,
    pub args: Vec<String>,
    pub line: usize,
    /// The line of the `verb (` that opened the block it is written in.
    pub block: Option<usize>,
}

/// Splits a file into directives, checking only the shared syntax.
pub fn statements(text: &str) -> Result<Vec<Stmt>, ParseError> {
    let mut out = Vec::new();
    let mut block: Option<(String, usize)> = None;
    let mut last_line = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let line = i + 1;
        last_line = line;
        let tokens = tokens(raw).map_err(|problem| ParseError::at(line, problem))?;
        if tokens.is_empty() {
            continue;
        }
        if let Some((verb, opened)) = &block {
            if tokens.len() == 1 && tokens[0] == ")" {
                block = None;
                continue;
            }
            out.push(Stmt {
                verb: verb.clone(),
                args: tokens,
                line,
                block: Some(*opened),
            });
            continue;
        }
        if tokens[0] == ")" {
            return Err(ParseError::at(line, ParseProblem::UnexpectedClose));
        }
        if tokens.len() == 2 && tokens[1] == "(" {
            block = Some((tokens[0].clone(), line));
            continue;
        }
        let mut it = tokens.into_iter();
        let verb = it.next().unwrap_or_default();
        out.push(Stmt {
            verb,
            args: it.collect(),
            line,
            block: None,
        });
    }
    if let Some((_, started)) = block {
        // Go reports the end of the file: the line after the last newline.
        return Err(ParseError::at(
            last_line,
            ParseProblem::UnterminatedBlock { started },
        ));
    }
    Ok(out)
}

/// The tokens of one line: words, `(`/`)`, and strings with their quotes removed.
fn tokens(line: &str) -> Result<Vec<String>, ParseProblem> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            break;
        } else if c == b'(' || c == b')' {
            out.push((c as char).to_string());
            i += 1;
        } else if c == b'"' {
            let mut s = String::new();
            let mut j = i + 1;
            loop {
                match b.get(j) {
                    None => return Err(ParseProblem::UnterminatedString),
                    Some(b'"') => break,
                    // The escaped character is a whole one (the backslash is one byte, so
                    // what follows starts a character).
                    Some(b'\\') if j + 1 < b.len() => {
                        let ch = line[j + 1..].chars().next().unwrap_or('\u{fffd}');
                        s.push(ch);
                        j += 1 + ch.len_utf8();
                    }
                    Some(_) => {
                        let ch = line[j..].chars().next().unwrap_or('\u{fffd}');
                        s.push(ch);
                        j += ch.len_utf8();
                    }
                }
            }
            out.push(s);
            i = j + 1;
        } else if c == b'`' {
            match line[i + 1..].find('`') {
                Some(end) => {
                    out.push(line[i + 1..i + 1 + end].to_string());
                    i += end + 2;
                }
                None => return Err(ParseProblem::UnterminatedString),
            }
        } else {
            let start = i;
            while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\r' | b'(' | b')' | b'"') {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
                    break;
                }
                i += 1;
            }
            out.push(line[start..i].to_string());
        }
    }
    Ok(out)
}

/// What package resolution needs from a go.mod.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModFile {
    pub module: Option<String>,
    pub go: Option<String>,
    pub toolchain: Option<String>,
    /// `ignore` paths, as written (`./x` rooted, `x` anywhere).
    pub ignore: Vec<String>,
}

/// What package resolution needs from a go.work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkFile {
    pub go: Option<String>,
    pub toolchain: Option<String>,
    /// `use` directories as written, with their lines.
    pub uses: Vec<(String, usize)>,
}

/// The directives a release knows in go.mod: `ignore` from Go 1.25 (cmd/go
/// modfile `parseToFile` in x/mod v0.24+), `tool` from 1.24, `godebug` from 1.23.
fn gomod_knows(verb: &str, minor: u32) -> bool {
    match verb {
        "module" | "go" | "toolchain" | "require" | "exclude" | "replace" | "retract" => true,
        "godebug" => minor >= 23,
        "tool" => minor >= 24,
        "ignore" => minor >= 25,
        _ => false,
    }
}

/// The directives go.work knows (`godebug` from 1.23).
fn gowork_knows(verb: &str, minor: u32) -> bool {
    match verb {
        "go" | "toolchain" | "use" | "replace" => true,
        "godebug" => minor >= 23,
        _ => false,
    }
}

fn unknown(s: &Stmt) -> ParseError {
    match s.block {
        Some(opened) => ParseError::at(opened, ParseProblem::UnknownBlockType(s.verb.clone())),
        None => ParseError::at(s.line, ParseProblem::UnknownDirective(s.verb.clone())),
    }
}

fn one_arg(s: &Stmt, usage: &'static str) -> Result<String, ParseError> {
    match s.args.as_slice() {
        [a] => Ok(a.clone()),
        _ => Err(ParseError::at(s.line, ParseProblem::Usage(usage))),
    }
}

/// A directive of one argument that may appear once (`module`, `go`, `toolchain`).
fn once(
    slot: &mut Option<String>,
    s: &Stmt,
    what: &'static str,
    usage: &'static str,
) -> Result<(), ParseError> {
    let v = one_arg(s, usage)?;
    if slot.is_some() {
        return Err(ParseError::at(s.line, ParseProblem::Repeated(what)));
    }
    *slot = Some(v);
    Ok(())
}

/// Parses a go.mod for Go 1.`minor`.
pub fn parse_gomod(text: &str, minor: u32) -> Result<ModFile, ParseError> {
    let mut m = ModFile::default();
    for s in statements(text)? {
        if !gomod_knows(&s.verb, minor) {
            return Err(unknown(&s));
        }
        match s.verb.as_str() {
            "module" => once(&mut m.module, &s, "module", "module module/path")?,
            "go" => once(&mut m.go, &s, "go", "go 1.23")?,
            "toolchain" => once(&mut m.toolchain, &s, "toolchain", "toolchain go1.23.1")?,
            "ignore" => m.ignore.push(one_arg(&s, "ignore ./dir")?),
            _ => {}
        }
    }
    Ok(m)
}

/// Parses a go.work for Go 1.`minor`.
pub fn parse_gowork(text: &str, minor: u32) -> Result<WorkFile, ParseError> {
    let mut w = WorkFile::default();
    for s in statements(text)? {
        if !gowork_knows(&s.verb, minor) {
            return Err(unknown(&s));
        }
        match s.verb.as_str() {
            "go" => once(&mut w.go, &s, "go", "go 1.23")?,
            "toolchain" => once(&mut w.toolchain, &s, "toolchain", "toolchain go1.23.1")?,
            "use" => w.uses.push((one_arg(&s, "use local/dir")?, s.line)),
            _ => {}
        }
    }
    Ok(w)
}

/// `1.25`, `1.25.3`, `1.25rc1` as (major, minor, patch); `None` when not a version.
pub fn version_triple(v: &str) -> Option<(u32, u32, u32)> {
    let v = v.strip_prefix("go").unwrap_or(v);
    let mut parts = v.splitn(3, '.');
    let major = parts.next()?.parse().ok()?;
    // The leading digits of the minor and patch parts (`25rc1` is 25).
    let digits = |t: &str| {
        let n: String = t.chars().take_while(char::is_ascii_digit).collect();
        n.parse().ok()
    };
    let minor = digits(parts.next().unwrap_or("0"))?;
    let patch = parts.next().and_then(digits).unwrap_or(0);
    Some((major, minor, patch))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_comments_and_strings() {
        let m = parse_gomod(
            "// c\nmodule \"example.com/m\" // x\n\ngo 1.25\nignore (\n\t./a\n\t`b c`\n)\n",
            25,
        )
        .unwrap_or_default();
        assert_eq!(m.module.as_deref(), Some("example.com/m"));
        assert_eq!(m.go.as_deref(), Some("1.25"));
        assert_eq!(m.ignore, ["./a", "b c"]);
    }

    /// Found by the gomod fuzz target: a backslash before a multi-byte character.
    #[test]
    fn escaped_multibyte_character_in_a_string() {
        let m = parse_gomod("module \"a\\é\\\"b\"\n", 23).unwrap_or_default();
        assert_eq!(m.module.as_deref(), Some("aé\"b"));
    }

    #[test]
    fn errors_name_their_line() {
        let e = parse_gomod("module m\n\ngo 1.21\nrequire (\n\tbogus\n", 21);
        assert_eq!(
            e.map_err(|e| e.render("go.mod", "go.mod")),
            Err("go.mod:6: syntax error (unterminated block started at go.mod:4:1)".into())
        );
        let e = parse_gomod("module m\n\ngo 1.25\n\nignore (\n\t./x\n)\n", 21);
        assert_eq!(
            e.map_err(|e| e.render("go.mod", "go.mod")),
            Err("go.mod:5: unknown block type: ignore".into())
        );
        assert!(parse_gomod("module m\nignore ./x\n", 25).is_ok());
        let e = parse_gowork("go 1.21\nfrobnicate x\n", 26).map_err(|e| e.line);
        assert_eq!(e, Err(2));
    }

    #[test]
    fn work_uses() {
        let w =
            parse_gowork("go 1.21\n\nuse (\n\t./a\n\t./b\n)\nuse ./c\n", 21).unwrap_or_default();
        assert_eq!(
            w.uses,
            [
                ("./a".to_string(), 4),
                ("./b".to_string(), 5),
                ("./c".to_string(), 7)
            ]
        );
    }

    #[test]
    fn versions() {
        assert_eq!(version_triple("1.25"), Some((1, 25, 0)));
        assert_eq!(version_triple("go1.21.13"), Some((1, 21, 13)));
        assert_eq!(version_triple("1.26rc1"), Some((1, 26, 0)));
        assert_eq!(version_triple("x"), None);
    }
}
