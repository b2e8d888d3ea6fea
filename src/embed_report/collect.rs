//! Builds an [`EmbedReport`] from walked facts for any number of build contexts.
//!
//! Everything platform-independent is computed once: the variables of a file (from its
//! facts, see [`super::seeds`]), each pattern's resolution (memoised in the `AssetCache`, which makes
//! every `lstat`/`readdir` at most once), each variable's files. Per platform, only the
//! classification of the package directories runs; packages whose compiled set of embedding
//! files is the same on several platforms share one evaluation, and platforms with the same
//! packages share their totals.

use super::binaries::Graph;
use super::binary::{self, Storage, Stored};
use super::contents::Contents;
use super::explain;
use super::layout::Arch;
use super::model::{
    BinaryBytes, BinaryReport, DirectiveReport, EmbedErrorReport, EmbedReport, FileEntry,
    PackageOnPlatform, PatternResult, PlatformReport, Scope, SizeRule, Totals, VariableReport,
    RULES,
};
use super::seeds::{file_seeds, VarSeed};
use super::sizing::{self, Identity, SizedFile};
use crate::classify::{classify, PackageFiles};
use crate::context::BuildContext;
use crate::embed::fscache::os_bytes;
use crate::embed::{explain_raw, AssetCache};
use crate::facts::HeaderOutcome;
use crate::list::{is_package, loader};
use crate::syntax::embed::{VarLookup, VarType};
use crate::walk::{DirFacts, Module};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// A variable with what is needed to count it.
#[derive(Clone, Debug)]
pub(crate) struct VarData {
    pub report: VariableReport,
    pub sized: Vec<SizedFile>,
    pub storage: Storage,
    /// Exact bytes of each pattern, in directive then pattern order.
    pub keys: Vec<Vec<u8>>,
}

/// One package evaluated for one set of compiled files.
#[derive(Clone, Debug)]
struct PackageEval {
    package: String,
    dir: String,
    variables: Vec<usize>,
    totals: Totals,
    embed_errors: Vec<EmbedErrorReport>,
}

/// Which embedding files compile, and in which scope: the key of a package evaluation.
type CompiledKey = Vec<(usize, Scope)>;

/// The packages linked on a platform and its linker parameters: the key of its totals.
type TotalsKey = (Vec<(usize, CompiledKey)>, Arch);

struct Collector<'a> {
    module: &'a Module,
    dirs: &'a [DirFacts],
    cache: &'a AssetCache,
    /// (dir, file) → seed ids; `seeds[id]` and, once seen, `vars[id]`.
    file_seeds: HashMap<(usize, usize), Vec<usize>>,
    seeds: Vec<(usize, usize, VarSeed)>,
    vars: Vec<Option<VarData>>,
    /// With `--exact`: files folded by contents.
    contents: Option<Contents>,
}

/// How the report is made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Explanations for directives compiled on some platforms only.
    pub all_platforms: bool,
    /// Compare the contents of same-size `string`/`embed.FS` files, as the linker folds them.
    pub exact: bool,
}

/// Runs the report for `contexts` (one, or the 49 ports). `all_platforms` only changes which
/// explanations are given (directives compiled on some platforms only).
pub fn collect(
    module: &Module,
    dirs: &[DirFacts],
    contexts: &[BuildContext],
    cache: &AssetCache,
    all_platforms: bool,
) -> EmbedReport {
    collect_with(
        module,
        dirs,
        contexts,
        cache,
        Options {
            all_platforms,
            exact: false,
        },
    )
}

/// [`collect`] with every option.
pub fn collect_with(
    module: &Module,
    dirs: &[DirFacts],
    contexts: &[BuildContext],
    cache: &AssetCache,
    options: Options,
) -> EmbedReport {
    let all_platforms = options.all_platforms;
    let mut c = Collector {
        module,
        dirs,
        cache,
        file_seeds: HashMap::new(),
        seeds: Vec::new(),
        vars: Vec::new(),
        contents: options.exact.then(Contents::default),
    };
    c.read_seeds();

    let mut pkg_memo: HashMap<(usize, CompiledKey), Arc<PackageEval>> = HashMap::new();
    let mut totals_memo: HashMap<TotalsKey, (Totals, BinaryBytes)> = HashMap::new();
    let mut seen_on: Vec<Vec<String>> = vec![Vec::new(); c.seeds.len()];
    let mut platforms = Vec::new();
    let embedding_dirs: Vec<usize> = (0..dirs.len())
        .filter(|di| c.file_seeds.keys().any(|(d, _)| d == di))
        .collect();

    // Classification first (cheap), then every needed pattern resolved in parallel into the
    // cache, then the per-platform evaluation from memoised results.
    let keyed: Vec<Vec<(usize, CompiledKey)>> = contexts
        .iter()
        .map(|ctx| {
            embedding_dirs
                .iter()
                .filter_map(|&di| c.compiled_key(di, ctx).map(|k| (di, k)))
                .collect()
        })
        .collect();
    c.prefetch(&keyed);
    let mut graph = Graph::new(module, dirs);
    let mains = if embedding_dirs.is_empty() {
        Vec::new()
    } else {
        graph.main_candidates()
    };

    for (ctx, compiled) in contexts.iter().zip(keyed) {
        let label = format!("{}/{}", ctx.goos, ctx.goarch);
        let mut packages = Vec::new();
        let mut keys = Vec::new();
        for (di, key) in compiled {
            let eval = pkg_memo
                .entry((di, key.clone()))
                .or_insert_with(|| Arc::new(c.eval_package(di, &key)))
                .clone();
            for &v in &eval.variables {
                seen_on[v].push(label.clone());
            }
            packages.push(eval);
            keys.push((di, key));
        }
        let arch = Arch::of(&ctx.goos, &ctx.goarch);
        let dis: Vec<usize> = keys.iter().map(|(di, _)| *di).collect();
        let totals = *totals_memo
            .entry((keys, arch))
            .or_insert_with(|| c.platform_totals(&packages, arch));
        graph.clear();
        let by_dir: Vec<(usize, Arc<PackageEval>)> =
            dis.into_iter().zip(packages.iter().cloned()).collect();
        let binaries = c.binaries(&mut graph, &mains, ctx, &by_dir, arch);
        platforms.push((label, ctx.cgo_enabled, totals, packages, binaries));
    }

    // Keep the variables seen on some platform, in source order, with dense ids.
    let mut remap: Vec<Option<usize>> = vec![None; c.seeds.len()];
    let mut variables = Vec::new();
    for (old, slot) in c.vars.iter_mut().enumerate() {
        if let Some(mut v) = slot.take() {
            remap[old] = Some(variables.len());
            v.report.id = variables.len();
            v.report.platforms = std::mem::take(&mut seen_on[old]);
            variables.push(v);
        }
    }
    let ids = |list: &[usize]| -> Vec<usize> { list.iter().filter_map(|&v| remap[v]).collect() };
    let platforms: Vec<PlatformReport> = platforms
        .into_iter()
        .map(
            |(platform, cgo, (totals, bin), packages, binaries)| PlatformReport {
                platform,
                cgo,
                totals,
                binary: bin,
                binaries,
                packages: packages
                    .iter()
                    .map(|e| PackageOnPlatform {
                        package: e.package.clone(),
                        dir: e.dir.clone(),
                        totals: e.totals,
                        variables: ids(&e.variables),
                        embed_errors: e.embed_errors.clone(),
                    })
                    .collect(),
            },
        )
        .collect();
    let explanations = explain::explain(&variables, &platforms, contexts.len(), all_platforms);
    EmbedReport {
        module: module.path.clone(),
        root: module.root.to_string_lossy().into_owned(),
        all_platforms,
        exact: options.exact,
        size_rules: RULES,
        variables: variables.into_iter().map(|v| v.report).collect(),
        platforms,
        explanations,
        budget: None,
    }
}

impl Collector<'_> {
    /// Resolves, in parallel, every pattern of the variables some platform compiles, so that
    /// the sequential evaluation below only hits the cache. Patterns of files no requested
    /// platform compiles are not resolved.
    fn prefetch(&self, keyed: &[Vec<(usize, CompiledKey)>]) {
        // Grouped by package directory: one task per directory, so two tasks never race on
        // the same (uncached) path and the disk-call count stays exact (the cache memoises,
        // but does not serialise concurrent misses).
        let mut wanted: BTreeMap<usize, HashSet<&[u8]>> = BTreeMap::new();
        for (di, key) in keyed.iter().flatten() {
            for (fi, _) in key {
                for &id in self.file_seeds.get(&(*di, *fi)).into_iter().flatten() {
                    for p in self.seeds[id].2.directives.iter().flat_map(|d| &d.patterns) {
                        wanted.entry(*di).or_default().insert(p.key());
                    }
                }
            }
        }
        let wanted: Vec<(usize, HashSet<&[u8]>)> = wanted.into_iter().collect();
        wanted.par_iter().for_each(|(di, keys)| {
            let mut keys: Vec<&[u8]> = keys.iter().copied().collect();
            keys.sort_unstable();
            for key in keys {
                let _ = explain_raw(self.cache, &self.dirs[*di].dir, key);
            }
        });
    }

    /// Groups the collected patterns of every `.go` file into variables (platform-independent).
    fn read_seeds(&mut self) {
        for (di, d) in self.dirs.iter().enumerate() {
            for (fi, f) in d.files.iter().enumerate() {
                let HeaderOutcome::Read(h) = &f.header else {
                    continue;
                };
                if !f.is_go() || h.embeds().is_empty() {
                    continue;
                }
                let mut ids = Vec::new();
                for seed in file_seeds(h) {
                    ids.push(self.seeds.len());
                    self.seeds.push((di, fi, seed));
                    self.vars.push(None);
                }
                self.file_seeds.insert((di, fi), ids);
            }
        }
    }

    /// The embedding files of directory `di` that compile under `ctx`, or `None` when the
    /// directory is no package there or none of them compiles.
    fn compiled_key(&self, di: usize, ctx: &BuildContext) -> Option<CompiledKey> {
        let d = &self.dirs[di];
        if (self.module.path == "std" && d.rel == "builtin") || d.rel.contains('@') {
            return None;
        }
        if !is_package(d, ctx) {
            return None;
        }
        let loader = loader(self.module, d, ctx);
        let pf: PackageFiles = classify(&d.files, &d.dir.to_string_lossy(), ctx, loader);
        let mut key = Vec::new();
        for (fi, f) in d.files.iter().enumerate() {
            if !self.file_seeds.contains_key(&(di, fi)) {
                continue;
            }
            let has = |l: &Vec<String>| l.contains(&f.name);
            let scope = if has(&pf.go_files) || has(&pf.cgo_files) {
                Scope::Package
            } else if has(&pf.test_go_files) {
                Scope::Test
            } else if has(&pf.xtest_go_files) {
                Scope::Xtest
            } else {
                continue;
            };
            key.push((fi, scope));
        }
        (!key.is_empty()).then_some(key)
    }

    fn eval_package(&mut self, di: usize, key: &CompiledKey) -> PackageEval {
        let d = &self.dirs[di];
        let mut variables = Vec::new();
        for &(fi, scope) in key {
            let ids = self.file_seeds.get(&(di, fi)).cloned().unwrap_or_default();
            for id in ids {
                self.ensure_var(id, scope);
                variables.push(id);
            }
        }
        let vars: Vec<&VarData> = variables
            .iter()
            .filter_map(|&v| self.vars[v].as_ref())
            .collect();
        let totals = sizing::totals(
            vars.iter()
                .filter(|v| v.report.scope == Scope::Package)
                .map(|v| (v.report.size_rule, &v.sized[..])),
        );
        let embed_errors = [Scope::Package, Scope::Test, Scope::Xtest]
            .into_iter()
            .filter_map(|s| self.embed_error(di, &vars, s))
            .collect();
        PackageEval {
            package: self.module.import_path(&d.rel),
            dir: d.rel.clone(),
            variables,
            totals,
            embed_errors,
        }
    }

    /// cmd/go's resolveEmbed outcome for one scope: patterns de-duplicated and sorted by
    /// bytes, the first failure wins; its position is the pattern's first occurrence.
    fn embed_error(&self, di: usize, vars: &[&VarData], scope: Scope) -> Option<EmbedErrorReport> {
        let d = &self.dirs[di];
        let mut pats: Vec<(Vec<u8>, String, String)> = Vec::new();
        for v in vars.iter().filter(|v| v.report.scope == scope) {
            let all = v.report.directives.iter().flat_map(|d| &d.patterns);
            for (p, key) in all.zip(&v.keys) {
                let pos = format!("{}:{}:{}", v.report.file, p.line, p.column);
                pats.push((key.clone(), p.pattern.clone(), pos));
            }
        }
        pats.sort_by(|a, b| a.0.cmp(&b.0));
        pats.dedup_by(|a, b| a.0 == b.0);
        pats.into_iter().find_map(|(key, shown, pos)| {
            explain_raw(self.cache, &d.dir, &key)
                .err()
                .map(|msg| EmbedErrorReport {
                    scope,
                    pos,
                    err: format!("pattern {shown}: {msg}"),
                })
        })
    }

    /// Builds variable `id` (resolving its patterns) the first time it is seen.
    fn ensure_var(&mut self, id: usize, scope: Scope) {
        if self.vars[id].is_some() {
            return;
        }
        let (di, fi, seed) = &self.seeds[id];
        let d = &self.dirs[*di];
        let file = join_rel(&d.rel, &d.files[*fi].name);
        let (name, line, column, ty, problem) = match &seed.decl {
            VarLookup::Found(v) => (
                Some(v.name.clone()),
                v.line,
                v.column,
                v.ty.clone(),
                v.problem.clone(),
            ),
            VarLookup::Missing(why) => {
                let first = seed.directives.first();
                (
                    None,
                    first.map_or(0, |d| d.line),
                    first.map_or(0, |d| d.column),
                    None,
                    Some(why.clone()),
                )
            }
        };
        let storage = match ty {
            Some(VarType::String) => Storage::String,
            Some(VarType::Fs) => Storage::Fs,
            _ => Storage::Bytes,
        };
        let size_rule = match storage {
            Storage::String | Storage::Fs => SizeRule::Shared,
            Storage::Bytes => SizeRule::OwnCopy,
        };
        let mut union: BTreeMap<String, u64> = BTreeMap::new();
        let directives: Vec<DirectiveReport> = seed
            .directives
            .iter()
            .map(|sd| DirectiveReport {
                line: sd.line,
                column: sd.column,
                patterns: sd
                    .patterns
                    .iter()
                    .map(|p| {
                        let mut r = PatternResult {
                            pattern: p.pattern.clone(),
                            line: p.line,
                            column: p.column,
                            files: Vec::new(),
                            bytes: 0,
                            error: None,
                            left_out_hidden: Vec::new(),
                        };
                        match explain_raw(self.cache, &d.dir, p.key()) {
                            Ok(rep) => {
                                r.files = rep
                                    .files
                                    .iter()
                                    .map(|f| FileEntry {
                                        path: f.rel.clone(),
                                        size: f.size,
                                    })
                                    .collect();
                                r.bytes = rep.files.iter().map(|f| f.size).sum();
                                r.left_out_hidden = rep.skipped_hidden.clone();
                                for f in &rep.files {
                                    union.insert(f.rel.clone(), f.size);
                                }
                            }
                            Err(msg) => r.error = Some(msg.to_string()),
                        }
                        r
                    })
                    .collect(),
            })
            .collect();
        let mut base = crate::embed::glob::clean(&os_bytes(d.dir.as_os_str()));
        if !base.ends_with(b"/") {
            base.push(b'/');
        }
        let sized = union
            .iter()
            .map(|(rel, &size)| {
                let mut path = base.clone();
                path.extend_from_slice(rel.as_bytes());
                let mut id = match self.cache.lstat(&path) {
                    Ok(m) if m.dev_ino != (0, 0) => Identity::Inode(m.dev_ino.0, m.dev_ino.1),
                    _ => Identity::Path(path.clone()),
                };
                if let (Some(c), SizeRule::Shared) = (self.contents.as_mut(), size_rule) {
                    id = c.fold(self.cache.source(), id, &path, size);
                }
                SizedFile { id, size }
            })
            .collect();
        let files: Vec<FileEntry> = union
            .into_iter()
            .map(|(path, size)| FileEntry { path, size })
            .collect();
        self.vars[id] = Some(VarData {
            report: VariableReport {
                id,
                package: self.module.import_path(&d.rel),
                file,
                name,
                line,
                column,
                var_type: ty.as_ref().map_or("unknown".into(), VarType::label),
                problem,
                size_rule,
                scope,
                directives,
                bytes: files.iter().map(|f| f.size).sum(),
                files,
                platforms: Vec::new(),
            },
            sized,
            storage,
            keys: seed
                .directives
                .iter()
                .flat_map(|d| &d.patterns)
                .map(|p| p.key().to_vec())
                .collect(),
        });
    }

    /// Totals of the given packages linked into one binary.
    fn platform_totals(&self, packages: &[Arc<PackageEval>], arch: Arch) -> (Totals, BinaryBytes) {
        let linked = || {
            packages
                .iter()
                .flat_map(|p| p.variables.iter())
                .filter_map(|&v| self.vars[v].as_ref())
                .filter(|v| v.report.scope == Scope::Package)
        };
        let totals = sizing::totals(linked().map(|v| (v.report.size_rule, &v.sized[..])));
        let bin = binary::estimate(
            linked().map(|v| Stored {
                storage: v.storage,
                files: &v.sized,
                names: &v.report.files,
            }),
            arch,
        );
        (totals, bin)
    }

    /// Every `main` package of the tree on `ctx`, with what its binary embeds.
    fn binaries(
        &self,
        graph: &mut Graph,
        mains: &[usize],
        ctx: &BuildContext,
        packages: &[(usize, Arc<PackageEval>)],
        arch: Arch,
    ) -> Vec<BinaryReport> {
        let mut out = Vec::new();
        for &m in mains {
            if !graph.is_main(m, ctx) {
                continue;
            }
            let linked = graph.closure(m, ctx);
            let evals: Vec<Arc<PackageEval>> = packages
                .iter()
                .filter(|(di, _)| linked.binary_search(di).is_ok())
                .map(|(_, e)| e.clone())
                .collect();
            let (totals, bin) = self.platform_totals(&evals, arch);
            let mut embeds_from: Vec<String> = evals
                .iter()
                .filter(|e| {
                    e.variables
                        .iter()
                        .filter_map(|&v| self.vars[v].as_ref())
                        .any(|v| v.report.scope == Scope::Package)
                })
                .map(|e| e.package.clone())
                .collect();
            embeds_from.sort();
            let d = &self.dirs[m];
            out.push(BinaryReport {
                package: self.module.import_path(&d.rel),
                dir: d.rel.clone(),
                embeds_from,
                totals,
                binary: bin,
            });
        }
        out.sort_by(|a, b| a.package.cmp(&b.package));
        out
    }
}

/// `rel/name`, or `name` at the module root.
fn join_rel(rel: &str, name: &str) -> String {
    if rel.is_empty() {
        name.to_string()
    } else {
        format!("{rel}/{name}")
    }
}
