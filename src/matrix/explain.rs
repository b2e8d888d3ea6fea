//! Why a file is or is not compiled under a configuration: the list it lands in, or the first
//! rule that keeps it out (file-name suffix, the false leaves of its `//go:build` expression,
//! `ignore`, cgo off, a `.`/`_` prefix, …), grouped over configurations with equal reasons.

use super::evaluate::{DirMatrix, Evaluation};
use super::view::{List, PackageRef, COMPILED};
use crate::configs::Bits;
use crate::constraint::Expr;
use crate::context::BuildContext;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::filename::NameConstraint;
use crate::hashing::FastMap as HashMap;
use serde::Serialize;

/// A tag occurrence and its value under a configuration.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Literal {
    pub tag: String,
    pub value: bool,
}

/// The verdict for one file under one configuration.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// In a compiled list (`TestGoFiles`/`XTestGoFiles`: compiled by `go test` only).
    Compiled { list: String },
    /// Names starting with `.` or `_` are never considered.
    Hidden,
    /// The `_GOOS`/`_GOARCH` suffix does not match; `tags` are the false ones.
    FileName { tags: Vec<String> },
    /// The header constraint is false; `leaves` are the tag values that make it so.
    Constraint { line: String, leaves: Vec<Literal> },
    /// The constraint is false because of the `ignore` convention.
    Ignore { line: String },
    /// The file needs cgo (imports "C", or is C/C++/Objective-C/SWIG) and cgo is off.
    CgoOff,
    /// `.S`/`.sx` assembly is only used by packages with cgo files.
    NeedsCgoFiles,
    /// `package documentation` files are always ignored.
    Documentation,
    /// The file makes the package fail to load.
    Invalid { error: String },
    /// The directory is not a package under this configuration (no Go files).
    NotAPackage,
    /// Listed but not compiled (e.g. other files of an ignored package).
    Other,
}

impl Reason {
    /// One line of text.
    pub fn text(&self) -> String {
        match self {
            Reason::Compiled { list } if list == "TestGoFiles" || list == "XTestGoFiles" => {
                format!("compiled by go test only (_test.go, {list})")
            }
            Reason::Compiled { list } => format!("compiled ({list})"),
            Reason::Hidden => "never considered: name starts with . or _".to_string(),
            Reason::FileName { tags } => format!("file name suffix: {} false", tags.join(", ")),
            Reason::Constraint { line, leaves } => {
                let l: Vec<String> = leaves
                    .iter()
                    .map(|x| format!("{}={}", x.tag, x.value))
                    .collect();
                format!("{line}: false because {}", l.join(", "))
            }
            Reason::Ignore { line } => format!("{line}: deliberately ignored"),
            Reason::CgoOff => "needs cgo; cgo is off".to_string(),
            Reason::NeedsCgoFiles => ".S/.sx assembly used only with cgo files".to_string(),
            Reason::Documentation => "package documentation is always ignored".to_string(),
            Reason::Invalid { error } => format!("invalid: {error}"),
            Reason::NotAPackage => "directory is not a package here".to_string(),
            Reason::Other => "not compiled".to_string(),
        }
    }

    pub fn is_compiled(&self) -> bool {
        matches!(self, Reason::Compiled { .. })
    }
}

/// The leaves that decide `expr`'s value under `ctx`: for a false `&&` the false operands'
/// leaves, for a false `||` every operand's, and dually for true values.
pub fn blame(expr: &Expr, ctx: &BuildContext) -> Vec<Literal> {
    let mut out = Vec::new();
    blame_into(expr, ctx, &mut out);
    out.sort();
    out.dedup();
    out
}

fn blame_into(expr: &Expr, ctx: &BuildContext, out: &mut Vec<Literal>) {
    let value = |e: &Expr| e.eval(&mut |t| ctx.match_tag(t));
    match expr {
        Expr::Tag { name, .. } => out.push(Literal {
            tag: name.clone(),
            value: ctx.match_tag(name),
        }),
        Expr::Not { expr, .. } => blame_into(expr, ctx, out),
        Expr::And { left, right, .. } | Expr::Or { left, right, .. } => {
            let is_and = matches!(expr, Expr::And { .. });
            let (l, r) = (value(left), value(right));
            let decisive = !is_and;
            let me = if is_and { l && r } else { l || r };
            if me == decisive {
                // Only the operands with the decisive value matter.
                if l == decisive {
                    blame_into(left, ctx, out);
                }
                if r == decisive {
                    blame_into(right, ctx, out);
                }
            } else {
                blame_into(left, ctx, out);
                blame_into(right, ctx, out);
            }
        }
    }
}

fn is_cgo_ext(ext: &str) -> bool {
    matches!(
        ext,
        ".c" | ".cc" | ".cxx" | ".cpp" | ".m" | ".swig" | ".swigcxx"
    )
}

/// The compiled list holding the file, if any.
fn compiled_in(f: &FileFacts, listed: Option<PackageRef>) -> Option<&'static str> {
    let l = listed?;
    COMPILED
        .into_iter()
        .find(|(_, list)| l.names(*list).any(|n| n == f.name))
        .map(|(name, _)| name)
}

/// The reason for one file under one configuration.
pub fn reason(f: &FileFacts, ctx: &BuildContext, listed: Option<PackageRef>) -> Reason {
    if let Some(list) = compiled_in(f, listed) {
        return Reason::Compiled {
            list: list.to_string(),
        };
    }
    excluded_reason(f, ctx, listed)
}

/// The reason for a file that is in no compiled list.
fn excluded_reason(f: &FileFacts, ctx: &BuildContext, listed: Option<PackageRef>) -> Reason {
    if !f.name_constraint.matches(&mut |t| ctx.match_tag(t)) {
        let tags = match &f.name_constraint {
            NameConstraint::None => Vec::new(),
            nc => nc
                .tags()
                .into_iter()
                .filter(|t| !ctx.match_tag(t))
                .map(str::to_string)
                .collect(),
        };
        return Reason::FileName { tags };
    }
    if let HeaderOutcome::Read(h) = &f.header {
        for cf in crate::syntax::constraints::deciding(h.go_build.as_deref(), &h.plus_build) {
            if let Ok(e) = &cf.expr {
                if !e.eval(&mut |t| ctx.match_tag(t)) {
                    let leaves = blame(e, ctx);
                    let line = cf.line.text.trim().to_string();
                    if leaves.iter().any(|l| l.tag == "ignore") {
                        return Reason::Ignore { line };
                    }
                    return Reason::Constraint { line, leaves };
                }
            }
        }
        if let Some(l) = listed {
            if l.names(List::InvalidGoFiles).any(|n| n == f.name) {
                let error = l.error().map(|e| e.err.clone()).unwrap_or_default();
                return Reason::Invalid { error };
            }
        }
        if !ctx.cgo_enabled && (h.imports_c() || is_cgo_ext(&f.ext)) {
            return Reason::CgoOff;
        }
        if f.is_go() && h.package_name == "documentation" {
            return Reason::Documentation;
        }
    } else if !ctx.cgo_enabled && is_cgo_ext(&f.ext) {
        return Reason::CgoOff;
    }
    if listed.is_none() {
        return Reason::NotAPackage;
    }
    if f.ext == ".S" || f.ext == ".sx" {
        return Reason::NeedsCgoFiles;
    }
    Reason::Other
}

/// One file's reasons over all configurations, grouped (first occurrence order).
pub fn file_reasons(ev: &Evaluation, d: &DirMatrix, f: &FileFacts) -> Vec<(Reason, Bits)> {
    // The compiled list depends on the class only: look it up once per class.
    let lists: Vec<Option<&'static str>> = d
        .classes
        .iter()
        .map(|k| compiled_in(f, d.package(k)))
        .collect();
    reasons_with(ev, d, f, &lists)
}

/// [`file_reasons`] for every file of a directory (parallel to `files`), with one lookup
/// table per class instead of a list search per file. An excluded file's reason depends only
/// on the values of the tags its name and header mention, cgo and the class, so it is
/// computed once per distinct combination rather than once per configuration.
pub fn dir_reasons(
    ev: &Evaluation,
    d: &DirMatrix,
    files: &[FileFacts],
) -> Vec<Vec<(Reason, Bits)>> {
    let n = ev.configs.len();
    let tables: Vec<HashMap<&str, &'static str>> = d
        .classes
        .iter()
        .map(|k| {
            let mut t = HashMap::default();
            if let Some(l) = d.package(k) {
                // First list wins, as in `compiled_in`.
                for (name, list) in COMPILED.into_iter().rev() {
                    for file in l.names(list) {
                        t.insert(file, name);
                    }
                }
            }
            t
        })
        .collect();
    let mut tag_bits: HashMap<String, Bits> = HashMap::default();
    let cgo = Bits::from_fn(n, |c| ev.contexts[c].cgo_enabled);
    files
        .iter()
        .map(|f| {
            let lists: Vec<Option<&'static str>> = tables
                .iter()
                .map(|t| t.get(f.name.as_str()).copied())
                .collect();
            let mut tags: Vec<&str> = f.name_constraint.tags();
            if let HeaderOutcome::Read(h) = &f.header {
                for cf in h.go_build.as_deref().into_iter().chain(&h.plus_build) {
                    if let Ok(e) = &cf.expr {
                        tags.extend(e.tags());
                    }
                }
            }
            tags.sort_unstable();
            tags.dedup();
            for t in &tags {
                if !tag_bits.contains_key(*t) {
                    let b = Bits::from_fn(n, |c| ev.contexts[c].match_tag(t));
                    tag_bits.insert(t.to_string(), b);
                }
            }
            let columns: Vec<&Bits> = tags.iter().filter_map(|t| tag_bits.get(*t)).collect();
            // What the class contributes: listed or not, and the error if the file is invalid.
            let class_keys: Vec<usize> = {
                let mut seen: Vec<(bool, Option<&str>)> = Vec::new();
                d.classes
                    .iter()
                    .map(|k| {
                        let v = match d.package(k) {
                            None => (false, None),
                            Some(l) if l.names(List::InvalidGoFiles).any(|n| n == f.name) => {
                                (true, l.error().map(|e| e.err.as_str()))
                            }
                            Some(_) => (true, None),
                        };
                        match seen.iter().position(|x| *x == v) {
                            Some(i) => i,
                            None => {
                                seen.push(v);
                                seen.len() - 1
                            }
                        }
                    })
                    .collect()
            };
            let cgo_matters =
                is_cgo_ext(&f.ext) || matches!(&f.header, HeaderOutcome::Read(h) if h.imports_c());
            let memo_ok = columns.len() <= 64;
            let mut memo: HashMap<(u64, bool, usize), usize> = HashMap::default();
            let mut compiled_at: HashMap<&'static str, usize> = HashMap::default();
            let mut out: Vec<(Reason, Bits)> = Vec::new();
            for c in 0..n {
                let class = d.class_of[c];
                let excluded =
                    |out: &mut _| group(out, excluded_reason(f, &ev.contexts[c], d.listed(c)), n);
                let slot = match lists[class] {
                    Some(list) => *compiled_at.entry(list).or_insert_with(|| {
                        let list = list.to_string();
                        group(&mut out, Reason::Compiled { list }, n)
                    }),
                    None if memo_ok => {
                        let mut word = 0u64;
                        for (k, b) in columns.iter().enumerate() {
                            word |= u64::from(b.get(c)) << k;
                        }
                        let key = (word, cgo_matters && cgo.get(c), class_keys[class]);
                        *memo.entry(key).or_insert_with(|| excluded(&mut out))
                    }
                    None => excluded(&mut out),
                };
                out[slot].1.set(c);
            }
            out
        })
        .collect()
}

/// One directory's grouped reasons per file ([`dir_reasons`]), each distinct reason and
/// configuration set stored once: most files of a directory share them.
#[derive(Clone, Debug, Default)]
pub struct DirReasons {
    reasons: Vec<Reason>,
    sets: Vec<Bits>,
    /// Per file, per group in the file's order: (reason index, set index).
    files: Vec<Box<[(u32, u32)]>>,
}

impl DirReasons {
    /// [`dir_reasons`], kept compactly.
    pub fn of(ev: &Evaluation, d: &DirMatrix, files: &[FileFacts]) -> DirReasons {
        let mut reasons: HashMap<Reason, u32> = HashMap::default();
        let mut sets: HashMap<Bits, u32> = HashMap::default();
        let files = dir_reasons(ev, d, files)
            .into_iter()
            .map(|groups| {
                groups
                    .into_iter()
                    .map(|(r, b)| (intern(&mut reasons, r), intern(&mut sets, b)))
                    .collect()
            })
            .collect();
        DirReasons {
            reasons: by_id(reasons),
            sets: by_id(sets),
            files,
        }
    }

    /// File `fi`'s groups: each reason with the configurations that give it.
    pub fn file(&self, fi: usize) -> impl Iterator<Item = (&Reason, &Bits)> + '_ {
        self.files
            .get(fi)
            .into_iter()
            .flat_map(|g| g.iter())
            .filter_map(|&(r, b)| Some((self.reasons.get(r as usize)?, self.sets.get(b as usize)?)))
    }
}

/// The id of `key` in an interning map, added when new.
fn intern<K: std::hash::Hash + Eq>(map: &mut HashMap<K, u32>, key: K) -> u32 {
    let next = u32::try_from(map.len()).unwrap_or(u32::MAX);
    *map.entry(key).or_insert(next)
}

/// The keys of an interning map, in id order.
fn by_id<K>(map: HashMap<K, u32>) -> Vec<K> {
    let mut v: Vec<(u32, K)> = map.into_iter().map(|(k, id)| (id, k)).collect();
    v.sort_unstable_by_key(|(id, _)| *id);
    v.into_iter().map(|(_, k)| k).collect()
}

/// The grouped reasons of one file, given its compiled list per class.
fn reasons_with(
    ev: &Evaluation,
    d: &DirMatrix,
    f: &FileFacts,
    lists: &[Option<&'static str>],
) -> Vec<(Reason, Bits)> {
    let n = ev.configs.len();
    let mut out: Vec<(Reason, Bits)> = Vec::new();
    for c in 0..n {
        let class = d.class_of[c];
        let r = match lists[class] {
            Some(list) => Reason::Compiled {
                list: list.to_string(),
            },
            None => excluded_reason(f, &ev.contexts[c], d.listed(c)),
        };
        let i = group(&mut out, r, n);
        out[i].1.set(c);
    }
    out
}

/// The index of `r`'s group in `out`, added (on no configuration of `n`) when new.
fn group(out: &mut Vec<(Reason, Bits)>, r: Reason, n: usize) -> usize {
    if let Some(i) = out.iter().position(|(x, _)| *x == r) {
        return i;
    }
    out.push((r, Bits::empty(n)));
    out.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constraint::parse_go_build;

    fn ctx(os: &str, arch: &str, cgo: bool) -> BuildContext {
        BuildContext::for_port(os, arch, cgo, &[]).expect("port")
    }

    fn lits(v: &[(&str, bool)]) -> Vec<Literal> {
        let mut out: Vec<Literal> = v
            .iter()
            .map(|(t, b)| Literal {
                tag: t.to_string(),
                value: *b,
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn blame_picks_deciding_leaves() {
        let e = parse_go_build("(linux || darwin) && !cgo").expect("parses");
        assert_eq!(
            blame(&e, &ctx("windows", "amd64", false)),
            lits(&[("darwin", false), ("linux", false)])
        );
        assert_eq!(
            blame(&e, &ctx("linux", "amd64", true)),
            lits(&[("cgo", true)])
        );
        let e = parse_go_build("!windows && !plan9").expect("parses");
        assert_eq!(
            blame(&e, &ctx("plan9", "386", false)),
            lits(&[("plan9", true)])
        );
    }
}
