//! Coverage gaps over the whole matrix: files no configuration compiles (with deliberate
//! opt-outs and tag-only files kept apart), packages with no Go files on some configurations
//! and the importers that break there, top-level names that a configuration's compiled
//! files use but none of them declares (a guaranteed `undefined: X` there), and names
//! declared twice on one configuration. The broad "declared on some configurations, absent
//! on others" list is available on request as informational `decl_differences`.

use super::evaluate::{DirMatrix, Evaluation, FileBits, TagOracle};
use super::explain::{file_reasons, Reason};
use super::view::List;
use crate::configs::Bits;
use crate::constraint::Truth;
use crate::facts::HeaderOutcome;
use crate::hashing::FastMap as HashMap;
use crate::platform;
use crate::syntax::decls::{self, Decl, DeclKind, FileScan};
use crate::walk::DirFacts;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A set of configurations, serialized as indices into the matrix's configurations.
pub type ConfigSet = Vec<usize>;

fn set(b: &Bits) -> ConfigSet {
    b.iter().collect()
}

/// Why one configuration group excludes a file.
#[derive(Clone, Debug, Serialize)]
pub struct ReasonGroup {
    pub reason: Reason,
    pub configs: ConfigSet,
}

/// A file no configuration compiles.
#[derive(Clone, Debug, Serialize)]
pub struct DeadFile {
    pub dir: String,
    pub file: String,
    pub reasons: Vec<ReasonGroup>,
}

/// A file that only builds with tags no configuration sets.
#[derive(Clone, Debug, Serialize)]
pub struct NeedsTags {
    pub dir: String,
    pub file: String,
    pub tags: Vec<String>,
}

/// A file that opts out on purpose.
#[derive(Clone, Debug, Serialize)]
pub struct OptOut {
    pub dir: String,
    pub file: String,
    pub why: String,
}

/// A package of the module that imports an empty package where it is empty.
#[derive(Clone, Debug, Serialize)]
pub struct Importer {
    pub import_path: String,
    pub file: String,
    pub configs: ConfigSet,
}

/// A package with no non-test Go files on some configurations.
#[derive(Clone, Debug, Serialize)]
pub struct EmptyPackage {
    pub import_path: String,
    pub configs: ConfigSet,
    pub importers: Vec<Importer>,
}

/// A top-level name (or unexported method) that the compiled files of some configurations
/// use while none of those files declares it: `undefined: X` when building there.
#[derive(Clone, Debug, Serialize)]
pub struct MissingDecl {
    pub import_path: String,
    pub decl: String,
    /// The files that declare it, on the configurations in `present`.
    pub declared_in: Vec<String>,
    /// The files that use it on some configurations in `missing`.
    pub used_in: Vec<String>,
    pub present: ConfigSet,
    pub missing: ConfigSet,
}

/// A declaration present on some building configurations and absent on others, whether or
/// not anything uses it (informational; `--all-decl-differences`).
#[derive(Clone, Debug, Serialize)]
pub struct DeclDifference {
    pub import_path: String,
    pub decl: String,
    pub declared_in: Vec<String>,
    pub present: ConfigSet,
    pub missing: ConfigSet,
}

/// A name declared more than once on some configurations.
#[derive(Clone, Debug, Serialize)]
pub struct DuplicateDecl {
    pub import_path: String,
    pub name: String,
    /// `file:line` of each declaration.
    pub locations: Vec<String>,
    pub configs: ConfigSet,
}

/// Every gap finding.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Gaps {
    pub dead_files: Vec<DeadFile>,
    pub needs_tags: Vec<NeedsTags>,
    pub opt_outs: Vec<OptOut>,
    pub empty_packages: Vec<EmptyPackage>,
    pub missing_decls: Vec<MissingDecl>,
    pub duplicate_decls: Vec<DuplicateDecl>,
    /// Only when requested: every declaration difference (not findings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decl_differences: Option<Vec<DeclDifference>>,
}

impl Gaps {
    /// The number of findings (opt-outs are not findings).
    pub fn findings(&self) -> usize {
        self.dead_files.len()
            + self.needs_tags.len()
            + self.empty_packages.len()
            + self.missing_decls.len()
            + self.duplicate_decls.len()
    }
}

/// The declaration gaps of one directory.
#[derive(Default)]
struct DirDeclGaps {
    missing: Vec<MissingDecl>,
    dups: Vec<DuplicateDecl>,
    differences: Vec<DeclDifference>,
}

/// Missing, duplicate (and on request all differing) declarations of one directory. Each
/// file's declarations and uses count on the configurations where it is in
/// GoFiles/CgoFiles; a name's presence and use are ORs of those sets, so a missing
/// declaration is `used ∧ ¬declared`, computed for all configurations at once. Only names
/// declared more than once are looked at class by class.
fn dir_decl_gaps(
    d: &DirMatrix,
    facts: &DirFacts,
    building: &Bits,
    scans: &[Option<&FileScan>],
    n: usize,
    all_differences: bool,
) -> DirDeclGaps {
    let mut out = DirDeclGaps::default();
    if building.is_empty() || scans.iter().all(Option::is_none) {
        return out;
    }
    // Where each file is a non-test Go file.
    let mut go_bits: Vec<Bits> = vec![Bits::empty(n); facts.files.len()];
    for class in &d.classes {
        if let Some(l) = d.package(class) {
            for &id in l.ids(List::GoFiles).iter().chain(l.ids(List::CgoFiles)) {
                if let Some(b) = go_bits.get_mut(id as usize) {
                    b.union_with(&class.configs);
                }
            }
        }
    }
    let scanned = || {
        scans
            .iter()
            .enumerate()
            .filter_map(|(fi, s)| s.map(|s| (fi, s)))
    };
    // Declarations by scope key: (receiver, name).
    type Occurrences<'a> = Vec<(usize, &'a Decl)>;
    let mut by_key: HashMap<(Option<&str>, &str), Occurrences> = HashMap::default();
    for (fi, scan) in scanned() {
        for decl in &scan.decls {
            by_key
                .entry((decl.receiver.as_deref(), decl.name.as_str()))
                .or_default()
                .push((fi, decl));
        }
    }
    let file_names = |occ: &mut dyn Iterator<Item = usize>| -> Vec<String> {
        let set: BTreeSet<&str> = occ.map(|fi| facts.files[fi].name.as_str()).collect();
        set.into_iter().map(str::to_string).collect()
    };
    let declared_in = |occ: &Occurrences| file_names(&mut occ.iter().map(|(fi, _)| *fi));
    let declared_where = |occ: &Occurrences| -> Bits {
        let mut here = Bits::empty(n);
        for (fi, _) in occ {
            here.union_with(&go_bits[*fi]);
        }
        here
    };

    // The finding of a name used where it is missing, if it is: the users kept are those
    // compiled there.
    let missing_decl = |occ: &Occurrences, here: &Bits, (used_on, users): (Bits, Vec<usize>)| {
        let missing = used_on.minus(here);
        let mut users = users
            .into_iter()
            .filter(|&fi| go_bits[fi].intersects(&missing));
        (!missing.is_empty()).then(|| MissingDecl {
            import_path: d.import_path.clone(),
            decl: occ[0].1.describe(),
            declared_in: declared_in(occ),
            used_in: file_names(&mut users),
            present: set(here),
            missing: set(&missing),
        })
    };
    // Records that file `fi` uses `name`.
    let note_use = |uses: &mut HashMap<_, (Bits, Vec<usize>)>, name, fi: usize| {
        let e = uses
            .entry(name)
            .or_insert_with(|| (Bits::empty(n), Vec::new()));
        e.0.union_with(&go_bits[fi]);
        e.1.push(fi);
    };

    // Package-level names used where no compiled file declares them.
    let mut used: HashMap<&str, (Bits, Vec<usize>)> = HashMap::default();
    for (fi, scan) in scanned() {
        for u in &scan.uses {
            if by_key.contains_key(&(None, u)) {
                note_use(&mut used, u, fi);
            }
        }
    }
    for (name, uses) in used {
        let occ = &by_key[&(None, name)];
        out.missing
            .extend(missing_decl(occ, &declared_where(occ), uses));
    }

    // Unexported methods selected (`x.m`) where no compiled file declares a method, field or
    // interface method of that name. Files importing "C" are left out: `x.m` may be a C
    // struct field there.
    let mut methods: HashMap<&str, Vec<(usize, &Decl)>> = HashMap::default();
    for (fi, scan) in scanned() {
        for decl in &scan.decls {
            if decl.kind == DeclKind::Method && decls::is_unexported(decl.name.as_bytes()) {
                methods
                    .entry(decl.name.as_str())
                    .or_default()
                    .push((fi, decl));
            }
        }
    }
    if !methods.is_empty() {
        let mut has: HashMap<&str, Bits> = HashMap::default();
        let mut selected: HashMap<&str, (Bits, Vec<usize>)> = HashMap::default();
        for (fi, scan) in scanned() {
            let member_names = scan.members.iter().chain(
                scan.decls
                    .iter()
                    .filter(|x| x.kind == DeclKind::Method)
                    .map(|x| x.name.as_str()),
            );
            for m in member_names {
                if methods.contains_key(m) {
                    has.entry(m)
                        .or_insert_with(|| Bits::empty(n))
                        .union_with(&go_bits[fi]);
                }
            }
            let cgo = matches!(&facts.files[fi].header, HeaderOutcome::Read(h) if h.imports_c());
            if cgo {
                continue;
            }
            for sel in &scan.selectors {
                if methods.contains_key(sel) {
                    note_use(&mut selected, sel, fi);
                }
            }
        }
        for (name, uses) in selected {
            let here = has.get(name).cloned().unwrap_or_else(|| Bits::empty(n));
            out.missing
                .extend(missing_decl(&methods[name], &here, uses));
        }
    }
    out.missing.sort_by(|a, b| a.decl.cmp(&b.decl));

    let mut keys: Vec<_> = by_key.into_iter().collect();
    keys.sort_by(|a, b| (a.0 .0, a.0 .1).cmp(&(b.0 .0, b.0 .1)));
    for (_, occ) in keys {
        if all_differences {
            let here = declared_where(&occ);
            let missing = building.minus(&here);
            if !missing.is_empty() && !here.is_empty() {
                out.differences.push(DeclDifference {
                    import_path: d.import_path.clone(),
                    decl: occ[0].1.describe(),
                    declared_in: declared_in(&occ),
                    present: set(&here),
                    missing: set(&missing),
                });
            }
        }
        if occ.len() < 2 {
            continue;
        }
        // Only a configuration where two occurrences' files overlap can redeclare.
        let mut seen = Bits::empty(n);
        let mut overlap = false;
        for (fi, _) in &occ {
            if seen.intersects(&go_bits[*fi]) {
                overlap = true;
                break;
            }
            seen.union_with(&go_bits[*fi]);
        }
        if !overlap {
            continue;
        }
        let key = occ[0].1.key();
        let mut dups: BTreeMap<Vec<String>, Bits> = BTreeMap::new();
        for class in &d.classes {
            let rep = class.configs.iter().next().unwrap_or(0);
            let active: Vec<String> = occ
                .iter()
                .filter(|(fi, _)| go_bits[*fi].get(rep))
                .map(|(fi, decl)| format!("{}:{}", facts.files[*fi].name, decl.line))
                .collect();
            if active.len() > 1 {
                dups.entry(active)
                    .or_insert_with(|| Bits::empty(n))
                    .union_with(&class.configs);
            }
        }
        for (locations, configs) in dups {
            out.dups.push(DuplicateDecl {
                import_path: d.import_path.clone(),
                name: key.clone(),
                locations,
                configs: set(&configs),
            });
        }
    }
    out
}

/// Tags that the platform, toolchain or the `ignore` convention decide.
fn is_toolchain_tag(t: &str) -> bool {
    platform::is_known_os(t)
        || platform::is_known_arch(t)
        || matches!(t, "unix" | "cgo" | "gc" | "gccgo" | "ignore")
        || t.starts_with("go1.")
        || t.starts_with("goexperiment.")
        || t.split_once('.')
            .is_some_and(|(arch, _)| platform::is_known_arch(arch))
}

/// Names starting with `.`/`_` that would otherwise be source files, per directory (as the
/// walk's single listing saw them).
pub fn hidden_sources(d: &DirFacts) -> Vec<String> {
    d.hidden.clone()
}

/// Computes every gap. `scans` holds, per evaluated directory and file, the declaration
/// scan of each file some configuration compiles as GoFiles/CgoFiles.
pub fn find(
    ev: &Evaluation,
    dirs: &[DirFacts],
    hidden: &[Vec<String>],
    scans: &[Vec<Option<&FileScan>>],
    all_differences: bool,
) -> Gaps {
    let n = ev.configs.len();
    let mut g = Gaps::default();
    let oracle = TagOracle::new(&ev.contexts);
    let set_tags: BTreeSet<&str> = ev
        .configs
        .iter()
        .flat_map(|c| c.tags.tags.iter().map(String::as_str))
        .collect();

    // Files.
    for (di, d) in ev.dirs.iter().enumerate() {
        let facts = &dirs[d.dir_index];
        for name in hidden.get(di).into_iter().flatten() {
            g.opt_outs.push(OptOut {
                dir: d.rel.clone(),
                file: name.clone(),
                why: "name starts with . or _".to_string(),
            });
        }
        for (fi, f) in facts.files.iter().enumerate() {
            if !d.compiled[fi].is_empty() {
                continue;
            }
            let mut tags: Vec<String> = Vec::new();
            let mut ignore_line = None;
            let mut documentation = false;
            if let HeaderOutcome::Read(h) = &f.header {
                documentation = f.is_go() && h.package_name == "documentation";
                for cf in crate::syntax::constraints::deciding(h.go_build.as_deref(), &h.plus_build)
                {
                    // A line too large for Go 1.22's limits still names the tags Go 1.21
                    // needs (whether forcing them helps is asked per release below).
                    if let Ok(e) = cf.without_limits() {
                        for t in e.tags() {
                            if t == "ignore" {
                                ignore_line = Some(cf.line.text.trim().to_string());
                            }
                            if !is_toolchain_tag(t)
                                && !set_tags.contains(t)
                                && !tags.iter().any(|x| x == t)
                            {
                                tags.push(t.to_string());
                            }
                        }
                    }
                }
            }
            let opt_out = match (&ignore_line, documentation) {
                (Some(line), _) => Some(line.clone()),
                (None, true) => Some("package documentation".to_string()),
                _ => None,
            };
            if let Some(why) = opt_out {
                g.opt_outs.push(OptOut {
                    dir: d.rel.clone(),
                    file: f.name.clone(),
                    why,
                });
                continue;
            }
            if !tags.is_empty() {
                let forced = FileBits::with(f, &oracle, &|t: &str| {
                    if tags.iter().any(|x| x == t) {
                        oracle.full()
                    } else {
                        oracle.tag(t)
                    }
                });
                if !forced.selected().is_empty() {
                    g.needs_tags.push(NeedsTags {
                        dir: d.rel.clone(),
                        file: f.name.clone(),
                        tags,
                    });
                    continue;
                }
            }
            g.dead_files.push(DeadFile {
                dir: d.rel.clone(),
                file: f.name.clone(),
                reasons: file_reasons(ev, d, f)
                    .into_iter()
                    .map(|(reason, b)| ReasonGroup {
                        reason,
                        configs: set(&b),
                    })
                    .collect(),
            });
        }
    }

    // Packages empty on some configurations, and their importers inside the module.
    let builds: Vec<Bits> = ev.dirs.iter().map(|d| d.builds(n)).collect();
    let mut empty_of: HashMap<&str, (usize, Bits)> = HashMap::default();
    for (di, d) in ev.dirs.iter().enumerate() {
        if !builds[di].is_empty() && !builds[di].is_full() {
            empty_of.insert(d.import_path.as_str(), (di, builds[di].clone().not()));
        }
    }
    let mut importers: BTreeMap<usize, Vec<Importer>> = BTreeMap::new();
    for d in &ev.dirs {
        let facts = &dirs[d.dir_index];
        for (fi, f) in facts.files.iter().enumerate() {
            let HeaderOutcome::Read(h) = &f.header else {
                continue;
            };
            for imp in &h.imports {
                let Some((target, empty)) = empty_of.get(imp.path.as_str()) else {
                    continue;
                };
                if imp.path == d.import_path {
                    continue;
                }
                let hit = d.compiled[fi].clone().and(empty.clone());
                if !hit.is_empty() {
                    importers.entry(*target).or_default().push(Importer {
                        import_path: d.import_path.clone(),
                        file: f.name.clone(),
                        configs: set(&hit),
                    });
                }
            }
        }
    }
    for (di, d) in ev.dirs.iter().enumerate() {
        if let Some((_, empty)) = empty_of.get(d.import_path.as_str()) {
            g.empty_packages.push(EmptyPackage {
                import_path: d.import_path.clone(),
                configs: set(empty),
                importers: importers.remove(&di).unwrap_or_default(),
            });
        }
    }

    // Declarations, per directory in parallel.
    let found: Vec<DirDeclGaps> = ev
        .dirs
        .par_iter()
        .enumerate()
        .map(|(di, d)| {
            let scans = scans.get(di).map(Vec::as_slice).unwrap_or(&[]);
            dir_decl_gaps(
                d,
                &dirs[d.dir_index],
                &builds[di],
                scans,
                n,
                all_differences,
            )
        })
        .collect();
    let mut differences = Vec::new();
    for f in found {
        g.missing_decls.extend(f.missing);
        g.duplicate_decls.extend(f.dups);
        differences.extend(f.differences);
    }
    if all_differences {
        g.decl_differences = Some(differences);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toolchain_tags() {
        for t in [
            "linux",
            "amd64",
            "unix",
            "cgo",
            "go1.21",
            "goexperiment.arenas",
            "amd64.v3",
            "arm.7",
            "ignore",
        ] {
            assert!(is_toolchain_tag(t), "{t}");
        }
        for t in ["integration", "netgo", "osusergo", "debug"] {
            assert!(!is_toolchain_tag(t), "{t}");
        }
    }
}
