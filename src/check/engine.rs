//! Runs the rules over walked facts: evaluates every file's constraints once over all the
//! run's configurations ([`crate::configs::eval`]), runs the matrix-scope rules over the
//! matrix built from those same bits (when one is selected), then per file works out what
//! `go generate` would do, calls every selected file rule, and applies `//gotags:ignore`,
//! merges per-platform duplicates into one finding listing the platforms, applies severity
//! overrides and sorts. Run-scope rules ([`run_config`]) are called once per command. Pure
//! apart from the memoising embed cache.

use super::diagnostic::{Diagnostic, Finding, Severity};
use super::matrix_gaps::MatrixInput;
use super::registry;
use super::rule::{Check, DirInput, FileInput, Located, PlatformPlan, RunInput};
use crate::configs::{eval, ConfigSet, Evaluator, FileBits};
use crate::context::BuildContext;
use crate::embed::AssetCache;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::generate::{self, KeepAll, RunEnv};
use crate::walk::{DirFacts, Module};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Which codes run and how serious each is.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Code prefixes to run (empty: all). `GT1` selects GT101…GT199.
    pub select: Vec<String>,
    /// Code prefixes to leave out.
    pub ignore: Vec<String>,
    /// Off-by-default codes to run as well.
    pub enable: Vec<String>,
    /// Per-code severity overrides.
    pub severity: BTreeMap<String, Severity>,
}

impl Selection {
    pub fn enabled(&self, code: &str) -> bool {
        if registry::OFF_BY_DEFAULT.contains(&code)
            && !self
                .enable
                .iter()
                .chain(&self.select)
                .any(|p| p == code || p == "ALL")
        {
            return false;
        }
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
    pub platforms: &'a ConfigSet,
    pub requires: &'a [String],
    pub cwd: &'a Path,
    pub goroot: String,
    pub selection: &'a Selection,
    /// `[embed] max_file_size` (GT411).
    pub embed_max_file_size: Option<u64>,
    /// Where embed assets are looked up (the disk, or editor buffers over it).
    pub source: crate::source::SharedSource,
}

/// Does the file carry a platform constraint (its name, or a tag naming a system)?
fn platform_specific(f: &FileFacts) -> bool {
    if f.name_constraint != crate::filename::NameConstraint::None {
        return true;
    }
    let HeaderOutcome::Read(h) = &f.header else {
        return false;
    };
    let lines = h.go_build.as_deref().into_iter().chain(&h.plus_build);
    lines.filter_map(|c| c.expr.as_ref().ok()).any(|e| {
        e.tags().iter().any(|t| {
            crate::platform::is_known_os(t) || crate::platform::is_known_arch(t) || *t == "unix"
        })
    })
}

/// Runs every enabled file and matrix rule over every file.
pub fn run(input: &CheckInput) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let (mut file_rules, mut dir_rules, mut matrix_rules) = (Vec::new(), Vec::new(), Vec::new());
    let enabled = registry::RULES
        .iter()
        .filter(|r| input.selection.enabled(r.info.code));
    for r in enabled {
        match r.check {
            Check::File(f) => file_rules.push(f),
            Check::Dir(f) => dir_rules.push(f),
            Check::Matrix(f) => matrix_rules.push(f),
            Check::Run(_) => {}
        }
    }
    let cache = AssetCache::with_source(input.source.clone());
    let ev = Evaluator::new(input.platforms);
    let cgo = ev.cgo.clone();
    let bits = ev.file_bits(input.dirs);
    // The matrix rules' findings in directory and file order (each file's in rule order),
    // handed to their file's turn: one list, not a small map and list per file.
    let mut located: Vec<Located> = Vec::new();
    // The matrix (GT5xx) is built from the same bits, once for the whole run, when wanted,
    // and dropped once its rules ran: only the bits go on to the file rules.
    let bits = if matrix_rules.is_empty() {
        bits
    } else {
        let m = MatrixInput::new(
            input.module,
            input.dirs,
            input.platforms,
            bits,
            &cache,
            input.cwd,
        );
        for r in &matrix_rules {
            r(&m, &mut located);
        }
        located.sort_by_key(|l| (l.dir, l.file));
        located.shrink_to_fit();
        m.into_bits()
    };
    let located_in = ranges_by(&located, input.dirs.len(), |l| l.dir);
    let gen_ctxs: Vec<BuildContext> = input
        .platforms
        .contexts
        .iter()
        .map(generate::generate_context)
        .collect();
    let gen = GenerateContexts {
        oracle: eval::TagOracle::new(&gen_ctxs),
        cgo: crate::configs::Bits::from_fn(gen_ctxs.len(), |i| gen_ctxs[i].cgo_enabled),
        contexts: &gen_ctxs,
    };
    let mut out: Vec<Diagnostic> = input
        .dirs
        .par_iter()
        .zip(bits)
        .zip(located_in)
        .flat_map_iter(|((d, bits), in_range)| {
            let located = &located[in_range];
            let located_at = ranges_by(located, d.files.len(), |l| l.file);
            // Directory-wide facts are computed once per directory, not once per file (a
            // package of 100,000 files made these scans quadratic).
            let specific: Vec<bool> = d.files.iter().map(platform_specific).collect();
            let specific_count = specific.iter().filter(|s| **s).count();
            let mut in_dir: HashMap<usize, Vec<Finding>> = HashMap::new();
            if !dir_rules.is_empty() {
                let di_input = DirInput {
                    module: input.module,
                    dir: d,
                    platforms: input.platforms,
                };
                let mut found = Vec::new();
                for r in &dir_rules {
                    r(&di_input, &mut found);
                }
                for x in found {
                    in_dir.entry(x.file).or_default().push(x.finding);
                }
            }
            let mut diags = Vec::new();
            for (i, f) in d.files.iter().enumerate() {
                let compiles_on = eval::compiles(f, &bits[i], &cgo).to_bools();
                let plans = generate_plans(input, d, f, &gen);
                let fi = FileInput {
                    module: input.module,
                    dir: d,
                    file: f,
                    platforms: input.platforms,
                    compiles: &compiles_on,
                    generate: &plans,
                    requires: input.requires,
                    cache: &cache,
                    dir_has_other_platform_files: specific_count > usize::from(specific[i]),
                    embed_max_file_size: input.embed_max_file_size,
                };
                let mut findings = Vec::new();
                for r in &file_rules {
                    r(&fi, &mut findings);
                }
                if let Some(more) = in_dir.remove(&i) {
                    findings.extend(more);
                }
                if let Some(at) = located_at.get(i) {
                    findings.extend(located[at.clone()].iter().map(|l| l.finding.clone()));
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

/// For items sorted by `key` (below `n`), the range of each key's items.
fn ranges_by<T>(items: &[T], n: usize, key: impl Fn(&T) -> usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(n);
    let mut at = 0;
    for k in 0..n {
        let end = at + items[at..].partition_point(|x| key(x) <= k);
        out.push(at..end);
        at = end;
    }
    out
}

/// Runs the enabled run-scope rules once: findings about the configuration itself, placed at
/// where it was set.
pub fn run_config(input: &RunInput, selection: &Selection) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in registry::RULES {
        let Check::Run(check) = r.check else {
            continue;
        };
        if !selection.enabled(r.info.code) {
            continue;
        }
        let mut findings = Vec::new();
        check(input, &mut findings);
        out.extend(findings.into_iter().map(|x| {
            let severity = severity(selection, x.code);
            Diagnostic::placed(x, severity, input.tags_source.to_string(), Vec::new())
        }));
    }
    out
}

fn severity(selection: &Selection, code: &str) -> Severity {
    let default = registry::find(code).map_or(Severity::Warning, |r| r.info.severity);
    selection.severity.get(code).copied().unwrap_or(default)
}

/// The run's contexts with the `generate` tag, evaluated like the run's own.
struct GenerateContexts<'a> {
    contexts: &'a [BuildContext],
    oracle: eval::TagOracle<'a>,
    cgo: crate::configs::Bits,
}

fn generate_plans(
    input: &CheckInput,
    d: &DirFacts,
    f: &FileFacts,
    gen: &GenerateContexts,
) -> Vec<PlatformPlan> {
    let has_directives = f
        .body
        .as_ref()
        .is_some_and(|b| !b.generate().events.is_empty());
    if !f.is_go() || !has_directives {
        return Vec::new();
    }
    let no_env = |_: &str| None;
    let mut plans = Vec::new();
    let compiled = eval::compiles(f, &FileBits::of(f, &gen.oracle), &gen.cgo);
    for i in compiled.iter() {
        let ctx = &gen.contexts[i];
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
        .map(|b| &b.source().ignores[..])
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
            let platforms = plats
                .into_iter()
                .filter_map(|i| input.platforms.labels.get(i).cloned())
                .collect();
            let severity = severity(input.selection, x.code);
            Diagnostic::placed(x, severity, shown.clone(), platforms)
        })
        .collect()
}
