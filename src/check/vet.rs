//! A replay of vet's `buildtag` analyzer (spec §9.1) over a file's [`VetLine`]s: the same
//! triggers, messages and order, each finding tagged with its kind so that one rule per kind
//! can report it. Parse errors additionally carry the exact column of the error.

use crate::constraint::{self, Expr};
use crate::syntax::comments::VetLine;

/// Which of vet's diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VetKind {
    MalformedGoBuild,
    MisplacedGoBuild,
    ExtraGoBuild,
    ParseError,
    MalformedPlusBuild,
    MisplacedPlusBuild,
    DoubleNegative,
    NonAlphanumeric,
    TooComplex,
    Mismatch,
}

/// One vet diagnostic: vet reports it at `line:column` (the comment); `error_column` is the
/// column of a parse error inside the line, and `len` how many bytes to underline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VetFinding {
    pub kind: VetKind,
    pub line: u32,
    pub column: u32,
    pub error_column: u32,
    pub len: u32,
    pub message: String,
}

struct State<'a> {
    out: Vec<VetFinding>,
    cross: bool,
    go_at: Option<&'a VetLine>,
    plus_at: Option<&'a VetLine>,
    go_expr: Option<Expr>,
    plus_expr: Option<Expr>,
}

impl State<'_> {
    fn report(&mut self, kind: VetKind, l: &VetLine, message: impl Into<String>) {
        self.out.push(VetFinding {
            kind,
            line: l.line,
            column: l.column,
            error_column: l.column,
            len: l.text.len() as u32,
            message: message.into(),
        });
    }

    /// Reports, and vet no longer cross-checks the `//go:build` and `+build` lines.
    fn fail(&mut self, kind: VetKind, l: &VetLine, message: impl Into<String>) {
        self.report(kind, l, message);
        self.cross = false;
    }
}

fn strip_error_suffix(line: &str) -> &str {
    match line.find(" // ERROR ") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Runs the replay.
pub fn replay(lines: &[VetLine]) -> Vec<VetFinding> {
    let mut st = State {
        out: Vec::new(),
        cross: true,
        go_at: None,
        plus_at: None,
        go_expr: None,
        plus_expr: None,
    };
    for l in lines {
        if !l.text.starts_with("//") {
            continue;
        }
        if l.text.contains("+build") {
            plus_build_line(&mut st, l);
        }
        if l.text.contains("//go:build") {
            go_build_line(&mut st, l);
        }
    }
    finish(&mut st);
    st.out
}

fn go_build_line<'a>(st: &mut State<'a>, l: &'a VetLine) {
    let line = l.text.as_str();
    if constraint::go_build_expr(line).is_none() {
        let respaced = format!("//{}", line[2..].trim());
        if !line.starts_with("//go:build") && constraint::go_build_expr(&respaced).is_some() {
            st.report(
                VetKind::MalformedGoBuild,
                l,
                "malformed //go:build line (space between // and go:build)",
            );
        }
        return;
    }
    if !l.go_ok || l.in_star {
        st.fail(VetKind::MisplacedGoBuild, l, "misplaced //go:build comment");
        return;
    }
    if st.go_at.is_none() {
        st.go_at = Some(l);
    } else {
        st.fail(VetKind::ExtraGoBuild, l, "unexpected extra //go:build line");
    }
    let line = strip_error_suffix(line);
    match constraint::parse_line(line) {
        Ok(x) => {
            if st.go_expr.is_none() {
                st.go_expr = Some(x);
            }
        }
        Err(e) => {
            let base = constraint::go_build_expr(line).map_or(0, |(_, off)| off);
            st.out.push(VetFinding {
                kind: VetKind::ParseError,
                line: l.line,
                column: l.column,
                error_column: l.column + (base + e.offset) as u32,
                len: 1,
                message: e.message.clone(),
            });
            st.cross = false;
        }
    }
}

fn plus_build_line<'a>(st: &mut State<'a>, l: &'a VetLine) {
    let line = l.text.trim();
    if constraint::plus_build_expr(line).is_none() {
        if l.plus_ok && !line.starts_with("// want") {
            st.report(
                VetKind::MalformedPlusBuild,
                l,
                "possible malformed +build comment",
            );
        }
        return;
    }
    if !l.plus_ok {
        st.fail(VetKind::MisplacedPlusBuild, l, "misplaced +build comment");
    }
    if st.plus_at.is_none() {
        st.plus_at = Some(l);
    }
    let line = strip_error_suffix(line);
    let fields: Vec<&str> = line[2..].split_whitespace().collect();
    for arg in fields.iter().skip(1) {
        for elem in arg.split(',') {
            if elem.starts_with("!!") {
                st.fail(
                    VetKind::DoubleNegative,
                    l,
                    format!("invalid double negative in build constraint: {arg}"),
                );
                continue;
            }
            let elem = elem.strip_prefix('!').unwrap_or(elem);
            if elem
                .chars()
                .any(|c| !(c.is_alphabetic() || c.is_numeric() || c == '_' || c == '.'))
            {
                st.fail(
                    VetKind::NonAlphanumeric,
                    l,
                    format!("invalid non-alphanumeric build constraint: {arg}"),
                );
            }
        }
    }
    if st.cross {
        match constraint::parse_line(line) {
            Ok(y) => {
                st.plus_expr = Some(match st.plus_expr.take() {
                    None => y,
                    Some(x) => Expr::and(x, y),
                });
            }
            Err(e) => st.fail(VetKind::ParseError, l, e.message.clone()),
        }
    }
}

fn finish(st: &mut State) {
    let (Some(go_at), Some(plus_at)) = (st.go_at, st.plus_at) else {
        return;
    };
    if !st.cross {
        return;
    }
    let Some(go_expr) = &st.go_expr else {
        return;
    };
    let lines = match go_expr.plus_build_lines() {
        Ok(l) => l,
        Err(e) => {
            st.report(VetKind::TooComplex, go_at, e.message.clone());
            return;
        }
    };
    let parsed: Result<Vec<Expr>, _> = lines.iter().map(|l| constraint::parse_line(l)).collect();
    let Ok(parsed) = parsed else { return };
    let want = parsed.into_iter().reduce(Expr::and);
    let same = match (&want, &st.plus_expr) {
        (Some(w), Some(p)) => w.to_string() == p.to_string(),
        _ => false,
    };
    if !same {
        st.report(
            VetKind::Mismatch,
            plus_at,
            "+build lines do not match //go:build condition",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::comments::SourceFacts;

    fn vet(src: &str) -> Vec<(VetKind, u32, String)> {
        let f = SourceFacts::scan(src.as_bytes(), true);
        replay(&f.vet_lines)
            .into_iter()
            .map(|v| (v.kind, v.line, v.message))
            .collect()
    }

    #[test]
    fn vet_messages() {
        assert_eq!(
            vet("//go:build linux\n// +build darwin\n\npackage p\n"),
            vec![(
                VetKind::Mismatch,
                2,
                "+build lines do not match //go:build condition".into()
            )]
        );
        assert!(vet("//go:build linux && amd64\n// +build linux,amd64\n\npackage p\n").is_empty());
        assert_eq!(
            vet("// +build linux\npackage p\n")[0].0,
            VetKind::MisplacedPlusBuild
        );
        assert_eq!(vet("// go:build linux\npackage p\n"), vec![]);
        assert_eq!(
            vet("// go:build linux // //go:build x\npackage p\n")[0].0,
            VetKind::MalformedGoBuild
        );
        assert_eq!(
            vet("//go:build (linux\n\npackage p\n"),
            vec![(VetKind::ParseError, 1, "missing close paren".into())]
        );
        assert_eq!(
            vet("// hello +build linux\n\npackage p\n")[0].0,
            VetKind::MalformedPlusBuild
        );
        assert_eq!(
            vet("// +build !!linux\n\npackage p\n")[0].2,
            "invalid double negative in build constraint: !!linux"
        );
        assert_eq!(
            vet("// +build linux-x\n\npackage p\n")[0].2,
            "invalid non-alphanumeric build constraint: linux-x"
        );
        assert_eq!(
            vet("package p\n\n//go:build linux\n")[0].0,
            VetKind::MisplacedGoBuild
        );
    }
}
