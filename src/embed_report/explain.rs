//! Explanations a person needs after reading the numbers: directory patterns that silently
//! left out `.`/`_` names (and that `all:` would keep them), files matched by several
//! patterns of one package, and directives whose file compiles on some platforms only.

use super::collect::VarData;
use super::model::{Explanation, MatchBy, PlatformReport, SizeRule};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// All explanations, in a stable order: hidden files, double matches, platform-only.
pub(crate) fn explain(
    vars: &[VarData],
    platforms: &[PlatformReport],
    platform_count: usize,
    all_platforms: bool,
) -> Vec<Explanation> {
    let mut out = hidden_left_out(vars);
    out.extend(matched_twice(vars, platforms));
    if all_platforms {
        out.extend(some_platforms(vars, platform_count));
    }
    out
}

fn hidden_left_out(vars: &[VarData]) -> Vec<Explanation> {
    let mut out = Vec::new();
    for v in vars {
        for d in &v.report.directives {
            for p in &d.patterns {
                if p.left_out_hidden.is_empty() || p.pattern.starts_with("all:") {
                    continue;
                }
                out.push(Explanation::HiddenLeftOut {
                    variable: v.report.id,
                    pos: format!("{}:{}:{}", v.report.file, p.line, p.column),
                    pattern: p.pattern.clone(),
                    left_out: p.left_out_hidden.clone(),
                    all_pattern: format!("all:{}", p.pattern),
                });
            }
        }
    }
    out
}

/// (package, file, [(variable, pattern)]): one double match, reported once.
type DoubleKey = (String, String, Vec<(usize, String)>);

/// Within one package (and scope) on some platform, a file matched by more than one
/// (variable, pattern) pair.
fn matched_twice(vars: &[VarData], platforms: &[PlatformReport]) -> Vec<Explanation> {
    let mut done: HashSet<DoubleKey> = HashSet::new();
    let mut out = Vec::new();
    let mut seen_sets: HashSet<Vec<usize>> = HashSet::new();
    for p in platforms.iter().flat_map(|p| &p.packages) {
        if !seen_sets.insert(p.variables.clone()) {
            continue;
        }
        // (scope, file) → matches
        let mut by_file: BTreeMap<(u8, &str), Vec<(&VarData, &str)>> = BTreeMap::new();
        let mut sizes: BTreeMap<&str, u64> = BTreeMap::new();
        for v in p.variables.iter().filter_map(|&i| vars.get(i)) {
            for pat in v.report.directives.iter().flat_map(|d| &d.patterns) {
                for f in &pat.files {
                    by_file
                        .entry((v.report.scope as u8, f.path.as_str()))
                        .or_default()
                        .push((v, pat.pattern.as_str()));
                    sizes.insert(f.path.as_str(), f.size);
                }
            }
        }
        for ((_, file), matches) in by_file {
            if matches.len() < 2 {
                continue;
            }
            let key: Vec<(usize, String)> = matches
                .iter()
                .map(|(v, pat)| (v.report.id, pat.to_string()))
                .collect();
            if !done.insert((p.package.clone(), file.to_string(), key)) {
                continue;
            }
            let own: BTreeSet<usize> = matches
                .iter()
                .filter(|(v, _)| v.report.size_rule == SizeRule::OwnCopy)
                .map(|(v, _)| v.report.id)
                .collect();
            let any_shared = matches
                .iter()
                .any(|(v, _)| v.report.size_rule == SizeRule::Shared);
            out.push(Explanation::MatchedTwice {
                package: p.package.clone(),
                file: file.to_string(),
                size: sizes.get(file).copied().unwrap_or(0),
                by: matches
                    .iter()
                    .map(|(v, pat)| MatchBy {
                        variable: v.report.id,
                        name: v.report.name.clone(),
                        pattern: pat.to_string(),
                    })
                    .collect(),
                copies: own.len() + usize::from(any_shared),
            });
        }
    }
    out
}

fn some_platforms(vars: &[VarData], platform_count: usize) -> Vec<Explanation> {
    vars.iter()
        .filter(|v| v.report.platforms.len() < platform_count)
        .map(|v| Explanation::SomePlatforms {
            variable: v.report.id,
            pos: format!("{}:{}:{}", v.report.file, v.report.line, v.report.column),
            platforms: v.report.platforms.clone(),
            of: platform_count,
        })
        .collect()
}
