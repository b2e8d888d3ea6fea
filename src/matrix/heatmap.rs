//! The matrix as a heatmap: configuration groups as columns (first-class ports first),
//! packages as rows with their files, one status and one reason per cell, the gaps and the
//! cover set. Plain data computed from a [`Matrix`]; the HTML renderer only formats it.

use super::explain::{self, Reason};
use super::view::List;
use super::Matrix;
use crate::platform;
use serde::Serialize;
use std::collections::HashMap;

/// A cell's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[repr(u8)]
pub enum Status {
    Compiles = 0,
    Excluded = 1,
    /// The directory is no package under this configuration.
    Vanishes = 2,
    /// The package compiles but uses a name no compiled file declares.
    Undefined = 3,
    /// Compiled by `go test` only.
    TestOnly = 4,
}

/// One column: configurations with identical compiled files module-wide.
#[derive(Clone, Debug, Serialize)]
pub struct Column {
    /// Configuration indexes.
    pub configs: Vec<usize>,
    /// The compact description (`linux/* (cgo) (12 of 98)`).
    pub label: String,
    /// A short header: the first member's label and the member count.
    pub short: String,
    pub first_class: bool,
    /// `all`, `some` or `none` of the members have cgo on.
    pub cgo: &'static str,
    /// A member is in the `--cover` set.
    pub in_cover: bool,
}

/// A file or package row: per column, a status and an index into [`Heatmap::reasons`].
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub status: Vec<Status>,
    pub reason: Vec<u32>,
}

impl Row {
    /// The row `name`: per column, the status and (interned) reason `cell` gives its first
    /// configuration.
    fn new(
        name: String,
        columns: &[Column],
        texts: &mut Texts,
        mut cell: impl FnMut(usize) -> (Status, String),
    ) -> Row {
        let (status, reason) = columns
            .iter()
            .map(|col| {
                let (status, text) = cell(col.configs.first().copied().unwrap_or(0));
                (status, texts.id(text))
            })
            .unzip();
        Row {
            name,
            status,
            reason,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct PackageRows {
    pub package: Row,
    pub files: Vec<Row>,
}

/// One gap finding, as a kind and a sentence.
#[derive(Clone, Debug, Serialize)]
pub struct Gap {
    pub kind: &'static str,
    pub text: String,
}

/// Embedded bytes on one platform.
#[derive(Clone, Debug, Serialize)]
pub struct EmbedBar {
    pub platform: String,
    pub bytes: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Heatmap {
    pub module: String,
    pub config_labels: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<PackageRows>,
    /// Reason texts, shared by every cell.
    pub reasons: Vec<String>,
    pub gaps: Vec<Gap>,
    /// Labels of the `--cover` configurations (empty without `--cover`).
    pub cover: Vec<String>,
    pub embed: Vec<EmbedBar>,
}

/// Interns reason texts.
#[derive(Default)]
struct Texts {
    all: Vec<String>,
    index: HashMap<String, u32>,
}

impl Texts {
    fn id(&mut self, text: String) -> u32 {
        if let Some(&i) = self.index.get(&text) {
            return i;
        }
        let i = self.all.len() as u32;
        self.index.insert(text.clone(), i);
        self.all.push(text);
        i
    }
}

fn status_of(reason: &Reason) -> Status {
    match reason {
        Reason::Compiled { list } if list == "TestGoFiles" || list == "XTestGoFiles" => {
            Status::TestOnly
        }
        Reason::Compiled { .. } => Status::Compiles,
        Reason::NotAPackage => Status::Vanishes,
        _ => Status::Excluded,
    }
}

fn is_first_class(goos: &str, goarch: &str) -> bool {
    platform::find_port(goos, goarch).is_some_and(|p| p.first_class)
}

/// The columns, first-class groups first (each kept in first-member order).
fn columns(m: &Matrix) -> Vec<Column> {
    let configs = &m.eval.configs;
    let cover: Vec<usize> = m
        .cover
        .as_ref()
        .map(|c| c.configs.clone())
        .unwrap_or_default();
    let mut cols: Vec<Column> = m
        .groups
        .iter()
        .map(|g| {
            let members: Vec<usize> = g.iter().collect();
            let first = members.first().copied().unwrap_or(0);
            let cgo_on = members.iter().filter(|&&i| configs[i].cgo).count();
            Column {
                label: crate::configs::describe(configs, g),
                short: match members.len() {
                    1 => configs[first].label(),
                    n => format!("{} +{}", configs[first].label(), n - 1),
                },
                first_class: members.iter().any(|&i| {
                    let p = &configs[i].platform;
                    is_first_class(&p.goos, &p.goarch)
                }),
                cgo: match cgo_on {
                    0 => "none",
                    n if n == members.len() => "all",
                    _ => "some",
                },
                in_cover: members.iter().any(|i| cover.contains(i)),
                configs: members,
            }
        })
        .collect();
    cols.sort_by_key(|c| !c.first_class);
    cols
}

/// Builds the heatmap; `embed` is the embedded bytes per platform, when computed.
pub fn build(m: &Matrix, embed: Vec<EmbedBar>) -> Heatmap {
    let configs = &m.eval.configs;
    let columns = columns(m);
    let mut texts = Texts::default();
    let mut rows = Vec::new();
    for d in &m.eval.dirs {
        if d.classes.iter().all(|c| c.view.is_none()) {
            continue;
        }
        let missing: Vec<_> = m
            .gaps
            .missing_decls
            .iter()
            .filter(|x| x.import_path == d.import_path)
            .collect();
        let package = Row::new(d.import_path.clone(), &columns, &mut texts, |c| {
            let class = d.class_of.get(c).and_then(|&k| d.classes.get(k));
            match class.and_then(|k| d.package(k)) {
                None => (Status::Vanishes, Reason::NotAPackage.text()),
                Some(listed) => match missing.iter().find(|x| x.missing.contains(&c)) {
                    Some(x) => (
                        Status::Undefined,
                        format!(
                            "undefined: {} (declared in {})",
                            x.decl,
                            x.declared_in.join(", ")
                        ),
                    ),
                    None => (
                        Status::Compiles,
                        format!(
                            "package {}: {} Go files{}",
                            listed.name(),
                            listed.len(List::GoFiles) + listed.len(List::CgoFiles),
                            if listed.error().is_some() {
                                ", with a load error"
                            } else {
                                ""
                            }
                        ),
                    ),
                },
            }
        });
        let files = m.dirs[d.dir_index]
            .files
            .iter()
            .map(|f| {
                let reasons = explain::file_reasons(&m.eval, d, f);
                Row::new(f.name.clone(), &columns, &mut texts, |c| {
                    reasons
                        .iter()
                        .find(|(_, b)| c < b.len() && b.get(c))
                        .map_or((Status::Excluded, "not compiled".to_string()), |(r, _)| {
                            (status_of(r), r.text())
                        })
                })
            })
            .collect();
        rows.push(PackageRows { package, files });
    }
    Heatmap {
        module: m.module.path.clone(),
        config_labels: configs.iter().map(|c| c.label()).collect(),
        columns,
        rows,
        reasons: texts.all,
        gaps: gaps(m),
        cover: m
            .cover
            .as_ref()
            .map(|c| c.configs.iter().map(|&i| configs[i].label()).collect())
            .unwrap_or_default(),
        embed,
    }
}

fn count(n: usize, total: usize) -> String {
    format!("{n} of {total} configurations")
}

fn gaps(m: &Matrix) -> Vec<Gap> {
    let total = m.eval.configs.len();
    let g = &m.gaps;
    let mut out = Vec::new();
    let join = |dir: &str, file: &str| {
        if dir.is_empty() {
            file.to_string()
        } else {
            format!("{dir}/{file}")
        }
    };
    let mut gap = |kind, text| out.push(Gap { kind, text });
    for f in &g.dead_files {
        gap(
            "dead file",
            format!("{}: no configuration compiles it", join(&f.dir, &f.file)),
        );
    }
    for f in &g.needs_tags {
        gap(
            "needs tags",
            format!(
                "{}: compiles only with tags {}",
                join(&f.dir, &f.file),
                f.tags.join(",")
            ),
        );
    }
    for p in &g.empty_packages {
        gap(
            "empty package",
            format!(
                "{} has no Go files on {} but is imported by {} package(s)",
                p.import_path,
                count(p.configs.len(), total),
                p.importers.len()
            ),
        );
    }
    for x in &g.missing_decls {
        gap(
            "undefined",
            format!(
                "{}: {} is undefined on {} (used in {})",
                x.import_path,
                x.decl,
                count(x.missing.len(), total),
                x.used_in.join(", ")
            ),
        );
    }
    for x in &g.duplicate_decls {
        gap(
            "redeclared",
            format!(
                "{}: {} is declared twice on {} ({})",
                x.import_path,
                x.name,
                count(x.configs.len(), total),
                x.locations.join(", ")
            ),
        );
    }
    out
}
