//! The `gotags matrix` coverage gaps, attached to the files they concern so the GT5xx rules
//! can report them like any other per-file finding.
//!
//! The matrix is evaluated once per run over the platforms `check` already uses (one matrix
//! configuration per check platform, same index), from the walked facts: `check` walks with
//! [`crate::facts::ReadDepth::Full`], so the declaration scans come with the facts and no
//! file is read again.

use super::engine::CheckInput;
use super::platforms::Platform;
use crate::constraint::Truth;
use crate::embed::AssetCache;
use crate::facts::HeaderOutcome;
use crate::matrix::bitset::Bits;
use crate::matrix::configs::{self, Config, TagSet};
use crate::matrix::evaluate::{self, Evaluation};
use crate::matrix::gaps::{self, Gaps};
use crate::syntax::decls::FileScan;
use crate::walk::DirFacts;
use std::collections::HashMap;

/// One gap, as seen from one file. Configuration sets are indexes into the run's platforms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GapFact {
    /// GT501: no checked configuration compiles the file (deliberate opt-outs and files that
    /// only need a user tag are not dead). `reasons` says why, per group of platforms.
    Dead { reasons: Vec<(String, Vec<usize>)> },
    /// GT502: the file imports, at `line:column`, a package of the module that has no Go
    /// files on `configs`, where the importing file compiles.
    EmptyImport {
        path: String,
        line: u32,
        column: u32,
        configs: Vec<usize>,
    },
    /// GT503: the file uses `name` (first at `line:column`) on `configs`, where none of the
    /// package's compiled files declares it.
    Undefined {
        decl: String,
        name: String,
        line: u32,
        column: u32,
        declared_in: Vec<String>,
        configs: Vec<usize>,
    },
    /// GT504: `name` is declared here and again at `others` (`file:line`) on `configs`.
    Duplicate {
        name: String,
        line: u32,
        column: u32,
        others: Vec<String>,
        configs: Vec<usize>,
    },
}

/// Gap facts by (index into the walked directories, file name).
#[derive(Debug, Default)]
pub struct GapFacts {
    by_file: HashMap<(usize, String), Vec<GapFact>>,
}

impl GapFacts {
    /// The facts of one file.
    pub fn of(&self, dir_index: usize, name: &str) -> &[GapFact] {
        self.by_file
            .get(&(dir_index, name.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    fn push(&mut self, dir_index: usize, name: &str, fact: GapFact) {
        self.by_file
            .entry((dir_index, name.to_string()))
            .or_default()
            .push(fact);
    }
}

/// The matrix configuration of a check platform.
fn config_of(p: &Platform) -> Config {
    Config {
        platform: configs::Platform::new(&p.ctx.goos, &p.ctx.goarch, None),
        cgo: p.ctx.cgo_enabled,
        tags: TagSet::new(p.ctx.build_tags.clone()),
    }
}

/// Evaluates the matrix over the run's platforms and distributes its gaps to files.
pub fn compute(input: &CheckInput) -> Result<GapFacts, String> {
    let configs: Vec<Config> = input.platforms.iter().map(config_of).collect();
    let cache = AssetCache::with_source(input.source.clone());
    let eval = evaluate::evaluate(input.module, input.dirs, configs, &cache, input.cwd)?;
    let hidden: Vec<Vec<String>> = eval
        .dirs
        .iter()
        .map(|d| gaps::hidden_sources(&input.dirs[d.dir_index]))
        .collect();
    let found = crate::matrix::gaps_of(&eval, input.dirs, &hidden, false);
    Ok(distribute(&eval, input.dirs, &found))
}

/// The name a `describe()`d declaration introduces (`method (T) m` → `m`).
fn bare_name(decl: &str) -> &str {
    decl.rsplit(' ').next().unwrap_or(decl)
}

fn scan_of(f: &crate::facts::FileFacts) -> Option<&FileScan> {
    f.body.as_ref()?.decls.as_ref()
}

fn to_vec(b: &Bits) -> Vec<usize> {
    b.iter().collect()
}

fn distribute(eval: &Evaluation, dirs: &[DirFacts], g: &Gaps) -> GapFacts {
    let n = eval.configs.len();
    let mut out = GapFacts::default();
    let by_rel: HashMap<&str, usize> = eval
        .dirs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.rel.as_str(), i))
        .collect();
    let by_path: HashMap<&str, usize> = eval
        .dirs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.import_path.as_str(), i))
        .collect();
    let file_index = |di: usize, name: &str| -> Option<usize> {
        dirs[eval.dirs[di].dir_index]
            .files
            .iter()
            .position(|f| f.name == name)
    };
    let bits = |v: &[usize]| {
        let mut b = Bits::empty(n);
        for &i in v {
            b.set(i);
        }
        b
    };

    for dead in &g.dead_files {
        let Some(&di) = by_rel.get(dead.dir.as_str()) else {
            continue;
        };
        // Only files that exclude themselves (name, constraint, cgo): a file left out because
        // its package fails to load is that failure's finding, not a dead file.
        let Some(fi) = file_index(di, &dead.file) else {
            continue;
        };
        if eval.dirs[di]
            .bits
            .get(fi)
            .is_some_and(|b| !b.selected().is_empty())
        {
            continue;
        }
        let reasons = dead
            .reasons
            .iter()
            .map(|r| (r.reason.text(), r.configs.clone()))
            .collect();
        out.push(
            eval.dirs[di].dir_index,
            &dead.file,
            GapFact::Dead { reasons },
        );
    }

    for empty in &g.empty_packages {
        for imp in &empty.importers {
            let Some(&di) = by_path.get(imp.import_path.as_str()) else {
                continue;
            };
            let facts = &dirs[eval.dirs[di].dir_index];
            let Some(f) = facts.files.iter().find(|f| f.name == imp.file) else {
                continue;
            };
            let HeaderOutcome::Read(h) = &f.header else {
                continue;
            };
            let Some(spec) = h.imports.iter().find(|i| i.path == empty.import_path) else {
                continue;
            };
            out.push(
                eval.dirs[di].dir_index,
                &imp.file,
                GapFact::EmptyImport {
                    path: empty.import_path.clone(),
                    line: spec.line,
                    column: spec.column,
                    configs: imp.configs.clone(),
                },
            );
        }
    }

    for missing in &g.missing_decls {
        let Some(&di) = by_path.get(missing.import_path.as_str()) else {
            continue;
        };
        let name = bare_name(&missing.decl);
        let method = missing.decl.starts_with("method");
        let missing_on = bits(&missing.missing);
        let facts = &dirs[eval.dirs[di].dir_index];
        for user in &missing.used_in {
            let Some(fi) = file_index(di, user) else {
                continue;
            };
            let Some(scan) = scan_of(&facts.files[fi]) else {
                continue;
            };
            let (names, positions) = if method {
                (&scan.selectors, &scan.selector_positions)
            } else {
                (&scan.uses, &scan.use_positions)
            };
            let Some(&(line, column)) = names
                .binary_search_by(|x| x.as_str().cmp(name))
                .ok()
                .and_then(|k| positions.get(k))
            else {
                continue;
            };
            let here = eval.dirs[di].compiled[fi].clone().and(missing_on.clone());
            let configs = if here.is_empty() {
                missing.missing.clone()
            } else {
                to_vec(&here)
            };
            out.push(
                eval.dirs[di].dir_index,
                user,
                GapFact::Undefined {
                    decl: missing.decl.clone(),
                    name: name.to_string(),
                    line,
                    column,
                    declared_in: missing.declared_in.clone(),
                    configs,
                },
            );
        }
    }

    for dup in &g.duplicate_decls {
        let Some(&di) = by_path.get(dup.import_path.as_str()) else {
            continue;
        };
        let facts = &dirs[eval.dirs[di].dir_index];
        for loc in &dup.locations {
            let Some((file, line)) = loc.rsplit_once(':') else {
                continue;
            };
            let Ok(line) = line.parse::<u32>() else {
                continue;
            };
            let Some(f) = facts.files.iter().find(|f| f.name == file) else {
                continue;
            };
            let column = scan_of(f)
                .and_then(|s| {
                    s.decls
                        .iter()
                        .find(|d| d.line == line && d.key() == dup.name)
                })
                .map_or(1, |d| d.column);
            let others = dup
                .locations
                .iter()
                .filter(|l| *l != loc)
                .cloned()
                .collect();
            out.push(
                eval.dirs[di].dir_index,
                file,
                GapFact::Duplicate {
                    name: dup.name.clone(),
                    line,
                    column,
                    others,
                    configs: dup.configs.clone(),
                },
            );
        }
    }
    out
}
