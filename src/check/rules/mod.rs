//! The rules, one module each (code, documentation, check, tests), and helpers they share.

use super::diagnostic::Finding;
use super::rule::FileInput;
use super::vet::{replay, VetKind};
use crate::constraint::Expr;
use crate::facts::ConstraintFact;

pub mod gt101;
pub mod gt102;
pub mod gt103;
pub mod gt104;
pub mod gt105;
pub mod gt106;
pub mod gt107;
pub mod gt108;
pub mod gt109;
pub mod gt110;
pub mod gt111;
pub mod gt112;
pub mod gt201;
pub mod gt202;
pub mod gt203;
pub mod gt204;
pub mod gt205;
pub mod gt206;
pub mod gt207;
pub mod gt208;
pub mod gt209;
pub mod gt301;
pub mod gt302;
pub mod gt303;
pub mod gt304;
pub mod gt305;
pub mod gt306;
pub mod gt401;
pub mod gt402;
pub mod gt403;
pub mod gt404;
pub mod gt405;
pub mod gt406;
pub mod gt407;
pub mod gt408;
pub mod gt409;
pub mod gt410;
pub mod gt411;
pub mod gt501;
pub mod gt502;
pub mod gt503;
pub mod gt504;
pub mod gt505;
pub mod gt601;
pub mod releases;

/// Reports vet's findings of one kind (replaying vet over the file's comment lines).
pub fn vet_findings(input: &FileInput, kind: VetKind, code: &'static str, out: &mut Vec<Finding>) {
    let Some(body) = input.body() else { return };
    for v in replay(&body.source().vet_lines)
        .into_iter()
        .filter(|v| v.kind == kind)
    {
        let len = if v.kind == VetKind::ParseError {
            1
        } else {
            v.len
        };
        out.push(Finding::at(code, v.line, v.error_column, len, v.message));
    }
}

/// The constraint that decides the file: the `//go:build` line, else the `+build` lines.
/// Returns each parsed expression with the line it came from.
pub fn constraint_lines<'a>(input: &'a FileInput) -> Vec<(&'a ConstraintFact, &'a Expr)> {
    let Some(h) = input.header() else {
        return Vec::new();
    };
    crate::syntax::constraints::deciding(h.go_build.as_deref(), &h.plus_build)
        .iter()
        .filter_map(|c| c.expr.as_ref().ok().map(|e| (c, e)))
        .collect()
}

/// Byte column in the line of an expression node (the expression text offset is found again
/// from the line).
pub fn node_column(c: &ConstraintFact, offset: usize) -> u32 {
    let base = crate::constraint::go_build_expr(&c.line.text)
        .or_else(|| crate::constraint::plus_build_expr(&c.line.text))
        .map_or(0, |(_, o)| o);
    c.line.column + (base + offset) as u32
}

/// A finding of rule `code` spanning the constraint line `fact`.
pub fn on_line(code: &'static str, fact: &ConstraintFact, message: String) -> Finding {
    let l = &fact.line;
    Finding::at(code, l.line, l.column, l.text.len() as u32, message)
}

/// The AND of the deciding constraint lines, if any.
pub fn combined<'a>(input: &'a FileInput) -> Option<(Expr, &'a ConstraintFact)> {
    let lines = constraint_lines(input);
    let (first, _) = *lines.first()?;
    let all = lines
        .into_iter()
        .map(|(_, e)| e.clone())
        .reduce(Expr::and)?;
    Some((all, first))
}

pub use crate::suggest::edit_distance;

/// Every tag of an expression with its span in the expression text, in source order.
pub fn tag_nodes(e: &Expr) -> Vec<(&str, crate::constraint::Span)> {
    let mut out = Vec::new();
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match e {
            Expr::Tag { name, span } => out.push((name.as_str(), *span)),
            Expr::Not { expr, .. } => stack.push(expr),
            Expr::And { left, right, .. } | Expr::Or { left, right, .. } => {
                stack.push(right);
                stack.push(left);
            }
        }
    }
    out
}

/// Each tag of the deciding constraint lines with its line and column.
pub fn located_tags<'a>(input: &'a FileInput) -> Vec<(&'a str, u32, u32)> {
    let mut out = Vec::new();
    for (c, e) in constraint_lines(input) {
        for (name, span) in tag_nodes(e) {
            out.push((name, c.line.line, node_column(c, span.start)));
        }
    }
    out
}

/// A `code` finding on each `//go:embed` pattern of the file whose resolution fails with an
/// error `wanted` picks, spanning the pattern, with the message go list prints.
pub fn embed_errors<'a>(
    input: &'a FileInput<'a>,
    code: &'static str,
    wanted: fn(&crate::embed::PatternError) -> bool,
) -> impl Iterator<Item = Finding> + 'a {
    embed_reports(input).into_iter().filter_map(move |(p, r)| {
        let msg = r.err().filter(wanted)?;
        let message = format!("pattern {}: {msg}", p.pattern);
        let mut f = on_pattern(code, p, message);
        f.platforms = compiling_platforms(input);
        Some(f)
    })
}

/// Platforms that compile the file, or `None` when all do (a platform-independent finding).
pub fn compiling_platforms(input: &FileInput) -> Option<Vec<usize>> {
    let compiles = input.compiles.iter().enumerate();
    (!input.compiles.iter().all(|c| *c))
        .then(|| compiles.filter(|(_, c)| **c).map(|(i, _)| i).collect())
}

/// A finding of rule `code` spanning the `//go:embed` pattern `p`.
pub fn on_pattern(
    code: &'static str,
    p: &crate::embed::EmbedPatternAt,
    message: String,
) -> Finding {
    Finding::at(code, p.line, p.byte_column, p.pattern.len() as u32, message)
}

/// The resolver's view of each `//go:embed` pattern of the file (files that import "embed"
/// and compile somewhere).
pub fn embed_reports<'a>(
    input: &'a FileInput,
) -> Vec<(
    &'a crate::embed::EmbedPatternAt,
    Result<std::sync::Arc<crate::embed::PatternReport>, crate::embed::PatternError>,
)> {
    let Some(h) = input.header() else {
        return Vec::new();
    };
    if !input.compiles.iter().any(|c| *c) {
        return Vec::new();
    }
    h.embeds()
        .iter()
        .map(|p| {
            (
                p,
                crate::embed::explain_raw(input.cache, &input.dir.dir, p.key()),
            )
        })
        .collect()
}

/// Each `//go:embed` comment of a Go file with what follows it.
pub fn embed_sites<'a>(input: &'a FileInput) -> &'a [crate::syntax::embed::EmbedSite] {
    match input.body() {
        Some(b) if input.file.is_go() => &b.source().embed_sites,
        _ => &[],
    }
}

/// A finding of rule `code` spanning the `//go:embed` of site `s`.
pub fn on_site(
    code: &'static str,
    s: &crate::syntax::embed::EmbedSite,
    message: String,
) -> Finding {
    Finding::at(code, s.line, s.column, 10, message)
}

/// Shared shape of the embed-declaration rules: report `message` at each site `pick` selects.
pub fn embed_site_rule(
    input: &FileInput,
    code: &'static str,
    out: &mut Vec<Finding>,
    pick: impl Fn(&crate::syntax::embed::EmbedTarget) -> Option<(String, &'static str)>,
) {
    for s in embed_sites(input) {
        if let Some((message, help)) = pick(&s.target) {
            out.push(on_site(code, s, message).help(help));
        }
    }
}
