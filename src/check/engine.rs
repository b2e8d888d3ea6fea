//! Runs the rules over walked facts: per file, evaluates which platforms compile it and what
//! `go generate` would do there, calls every selected rule, then applies `//gotags:ignore`,
//! merges per-platform duplicates into one finding listing the platforms, applies severity
//! overrides and sorts. Pure apart from the memoising embed cache.

use super::diagnostic::{Diagnostic, Finding, Severity};
use super::platforms::Platform;
use super::registry;
use super::rule::{FileInput, PlatformPlan, Rule};
use crate::classify::eval_expr;
use crate::context::BuildContext;
use crate::embed::AssetCache;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::generate::{self, KeepAll, RunEnv};
use crate::walk::{DirFacts, Module};
use std::collections::BTreeMap;
use std::path::Path;

/// Which codes run and how serious each is.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Code prefixes to run (empty: all). `GT1` selects GT101…GT199.
    pub select: Vec<String>,
    /// Code prefixes to leave out.
    pub ignore: Vec<String>,
    /// Per-code severity overrides.
    pub severity: BTreeMap<String, Severity>,
}

impl Selection {
    pub fn enabled(&self, code: &str) -> bool {
        let sel = self.select.is_empty()
            || self
                .select
                .iter()
                .any(|p| p == "ALL" || code.starts_with(p.as_str()));
        sel && !self
            .ignore
            .iter()
            .any(|p| p == "ALL" || code.starts_with(p.as_str()))
    }
}

/// Inputs of one run besides the facts.
pub struct CheckInput<'a> {
    pub module: &'a Module,
    pub dirs: &'a [DirFacts],
    pub platforms: &'a [Platform],
    pub requires: &'a [String],
    pub cwd: &'a Path,
    pub goroot: String,
    pub selection: &'a Selection,
    /// `[embed] max_file_size` (GT411).
    pub embed_max_file_size: Option<u64>,
    /// Where embed assets are looked up (the disk, or editor buffers over it).
    pub source: crate::source::SharedSource,
}

/// Does `f` compile under `ctx` (file name, constraints, cgo)?
pub fn compiles(f: &FileFacts, ctx: &BuildContext) -> bool {
    let mut tag = |t: &str| ctx.match_tag(t);
    if !f.name_constraint.matches(&mut tag) {
        return false;
    }
    match &f.header {
        HeaderOutcome::NotRead => true,
        HeaderOutcome::Read(h) => {
            let by_lines = match &h.go_build {
                Some(gb) => gb.expr.as_ref().is_ok_and(|e| eval_expr(e, ctx)),
                None => h
                    .plus_build
                    .iter()
                    .all(|pb| pb.expr.as_ref().map_or(true, |e| eval_expr(e, ctx))),
            };
            by_lines && (!f.is_go() || !h.imports_c() || ctx.cgo_enabled)
        }
        _ => false,
    }
}

/// Does the file carry a platform constraint (its name, or a tag naming a system)?
fn platform_specific(f: &FileFacts) -> bool {
    if f.name_constraint != crate::filename::NameConstraint::None {
        return true;
    }
    let HeaderOutcome::Read(h) = &f.header else {
        return false;
    };
    let lines = h.go_build.iter().chain(&h.plus_build);
    lines.filter_map(|c| c.expr.as_ref().ok()).any(|e| {
        e.tags().iter().any(|t| {
            crate::platform::is_known_os(t) || crate::platform::is_known_arch(t) || *t == "unix"
        })
    })
}

/// Runs every enabled rule over every file.
pub fn run(input: &CheckInput) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let rules: Vec<&Rule> = registry::RULES
        .iter()
        .copied()
        .filter(|r| input.selection.enabled(r.info.code))
        .collect();
    let cache = AssetCache::with_source(input.source.clone());
    let gen_ctxs: Vec<BuildContext> = input
        .platforms
        .iter()
        .map(|p| generate::generate_context(&p.ctx))
        .collect();
    // The matrix gaps (GT5xx), evaluated once for the whole run when any of them is wanted.
    let gap_facts = if rules.iter().any(|r| r.info.code.starts_with("GT5")) {
        super::matrix_gaps::compute(input).unwrap_or_default()
    } else {
        super::matrix_gaps::GapFacts::default()
    };
    let mut out: Vec<Diagnostic> = input
        .dirs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(di, d)| {
            let specific: Vec<bool> = d.files.iter().map(platform_specific).collect();
            let mut diags = Vec::new();
            for (i, f) in d.files.iter().enumerate() {
                let compiles_on: Vec<bool> = input
                    .platforms
                    .iter()
                    .map(|p| compiles(f, &p.ctx))
                    .collect();
                let plans = generate_plans(input, d, f, &gen_ctxs);
                let fi = FileInput {
                    module: input.module,
                    dir: d,
                    file: f,
                    platforms: input.platforms,
                    compiles: &compiles_on,
                    generate: &plans,
                    requires: input.requires,
                    cache: &cache,
                    dir_has_other_platform_files: specific
                        .iter()
                        .enumerate()
                        .any(|(j, s)| j != i && *s),
                    embed_max_file_size: input.embed_max_file_size,
                    gaps: gap_facts.of(di, &f.name),
                };
                let mut findings = Vec::new();
                for r in &rules {
                    (r.check)(&fi, &mut findings);
                }
                diags.extend(place(input, d, f, findings));
            }
            diags
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.code, &a.message)
            .cmp(&(&b.file, b.line, b.column, &b.code, &b.message))
    });
    out
}

fn generate_plans(
    input: &CheckInput,
    d: &DirFacts,
    f: &FileFacts,
    gen_ctxs: &[BuildContext],
) -> Vec<PlatformPlan> {
    let has_directives = f
        .body
        .as_ref()
        .is_some_and(|b| !b.generate.events.is_empty());
    if !f.is_go() || !has_directives {
        return Vec::new();
    }
    let no_env = |_: &str| None;
    let mut plans = Vec::new();
    for (i, ctx) in gen_ctxs.iter().enumerate() {
        if !compiles(f, ctx) {
            continue;
        }
        let env = RunEnv {
            goroot: input.goroot.clone(),
            path: String::new(),
            cwd: input.cwd,
            process_env: &no_env,
        };
        if let Some(plan) = generate::plan::plan_one(d, f, ctx, &env, &KeepAll) {
            plans.push(PlatformPlan { platform: i, plan });
        }
    }
    plans
}

/// Applies suppressions, merges platform duplicates and resolves severities.
fn place(
    input: &CheckInput,
    d: &DirFacts,
    f: &FileFacts,
    findings: Vec<Finding>,
) -> Vec<Diagnostic> {
    let ignores = f
        .body
        .as_ref()
        .map(|b| &b.source.ignores[..])
        .unwrap_or_default();
    let suppressed = |x: &Finding| {
        ignores.iter().any(|(line, codes)| {
            (*line == x.line || *line + 1 == x.line)
                && (codes.is_empty() || codes.iter().any(|c| x.code.starts_with(c.as_str())))
        })
    };
    let shown = crate::generate::plan::short_path(&d.dir.join(&f.name), input.cwd);
    let mut merged: Vec<(Finding, Vec<usize>)> = Vec::new();
    for x in findings.into_iter().filter(|x| !suppressed(x)) {
        let key = |y: &Finding| (y.code, y.line, y.column, y.message.clone());
        let plats = x.platforms.clone().unwrap_or_default();
        match merged.iter_mut().find(|(y, _)| key(y) == key(&x)) {
            Some((_, ps)) => {
                for p in plats {
                    if !ps.contains(&p) {
                        ps.push(p);
                    }
                }
            }
            None => merged.push((x, plats)),
        }
    }
    merged
        .into_iter()
        .map(|(x, mut plats)| {
            plats.sort_unstable();
            // Tripped everywhere that was checked: nothing platform-specific to say.
            if plats.len() == input.platforms.len() {
                plats.clear();
            }
            let default = registry::find(x.code).map_or(Severity::Warning, |r| r.info.severity);
            Diagnostic {
                code: x.code.to_string(),
                severity: input
                    .selection
                    .severity
                    .get(x.code)
                    .copied()
                    .unwrap_or(default),
                message: x.message,
                file: shown.clone(),
                line: x.line,
                column: x.column,
                end_line: x.end_line,
                end_column: x.end_column,
                help: x.help,
                platforms: plats
                    .into_iter()
                    .filter_map(|i| input.platforms.get(i).map(|p| p.label.clone()))
                    .collect(),
            }
        })
        .collect()
}
