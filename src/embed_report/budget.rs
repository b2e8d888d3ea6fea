//! Size budgets and their evaluation. [`Budgets`] is plain data that the command line fills
//! today and a config file can fill later (it deserialises from `{"total": "10MiB",
//! "package": "2MiB", "file": 1048576}`). A breach names the platforms, the package, the
//! variable and the largest files responsible; platforms with identical breaches are grouped.

use super::model::{EmbedReport, Scope, VariableReport};
use super::size::ByteSize;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Limits; `None` means unlimited.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budgets {
    /// Total embedded bytes per platform.
    #[serde(default)]
    pub total: Option<ByteSize>,
    /// Embedded bytes of any one package.
    #[serde(default)]
    pub package: Option<ByteSize>,
    /// Size of any single embedded file.
    #[serde(default)]
    pub file: Option<ByteSize>,
    /// What the embeds add to any one `main` package's binary (the binary estimate: contents,
    /// names, headers and alignment), per platform.
    #[serde(default)]
    pub binary: Option<ByteSize>,
}

impl Budgets {
    pub fn is_empty(&self) -> bool {
        self.total.is_none()
            && self.package.is_none()
            && self.file.is_none()
            && self.binary.is_none()
    }
}

/// Which budget a breach is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BudgetKind {
    Total,
    Binary,
    Package,
    File,
}

/// A file named as a culprit: path relative to the module root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Culprit {
    pub path: String,
    pub size: u64,
}

/// One exceeded budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Breach {
    pub kind: BudgetKind,
    pub limit: u64,
    pub actual: u64,
    /// `goos/goarch` of every platform with this same breach.
    pub platforms: Vec<String>,
    /// The package (the largest one, for a total breach).
    pub package: Option<String>,
    /// The largest variable involved: `name (file:line:col)` (for a file breach, every
    /// variable embedding the file, comma-separated).
    pub variable: Option<String>,
    /// Largest files first (at most [`CULPRITS`]).
    pub largest_files: Vec<Culprit>,
}

/// The budgets and what broke them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetOutcome {
    pub budgets: Budgets,
    pub breaches: Vec<Breach>,
}

/// How many culprit files a breach names.
pub const CULPRITS: usize = 5;

/// Checks every platform of the report against the budgets.
pub fn evaluate(report: &EmbedReport, budgets: &Budgets) -> BudgetOutcome {
    let mut breaches: Vec<Breach> = Vec::new();
    let var = |id: usize| report.variables.get(id);
    for p in &report.platforms {
        let pkg_vars = |vars: &[usize]| -> Vec<&VariableReport> {
            vars.iter()
                .filter_map(|&i| var(i))
                .filter(|v| v.scope == Scope::Package)
                .collect()
        };
        // A breach on this platform, blamed on the largest of `vars` and their files.
        let of_vars = |kind, limit: ByteSize, actual, package, vars: &[&VariableReport]| Breach {
            kind,
            limit: limit.0,
            actual,
            platforms: vec![p.platform.clone()],
            package,
            variable: largest_var(vars),
            largest_files: largest_files(vars, report),
        };
        if let Some(limit) = budgets.total.filter(|l| p.totals.total > l.0) {
            let all: Vec<&VariableReport> = p
                .packages
                .iter()
                .flat_map(|k| pkg_vars(&k.variables))
                .collect();
            let biggest_pkg = p.packages.iter().max_by_key(|k| k.totals.total);
            let package = biggest_pkg.map(|k| k.package.clone());
            let b = of_vars(BudgetKind::Total, limit, p.totals.total, package, &all);
            add(&mut breaches, b);
        }
        if let Some(limit) = budgets.binary {
            for b in p.binaries.iter().filter(|b| b.binary.total > limit.0) {
                let all: Vec<&VariableReport> = p
                    .packages
                    .iter()
                    .filter(|k| b.embeds_from.contains(&k.package))
                    .flat_map(|k| pkg_vars(&k.variables))
                    .collect();
                let package = Some(b.package.clone());
                let b = of_vars(BudgetKind::Binary, limit, b.binary.total, package, &all);
                add(&mut breaches, b);
            }
        }
        for k in &p.packages {
            let vars = pkg_vars(&k.variables);
            if let Some(limit) = budgets.package.filter(|l| k.totals.total > l.0) {
                let package = Some(k.package.clone());
                let b = of_vars(BudgetKind::Package, limit, k.totals.total, package, &vars);
                add(&mut breaches, b);
            }
            if let Some(limit) = budgets.file {
                // Each oversized file once per package, with every variable embedding it.
                let mut big: BTreeMap<String, (u64, Vec<String>)> = BTreeMap::new();
                for v in &vars {
                    for f in v.files.iter().filter(|f| f.size > limit.0) {
                        let e = big
                            .entry(module_path(v, &f.path, report))
                            .or_insert((f.size, Vec::new()));
                        e.1.push(describe(v));
                    }
                }
                for (path, (size, users)) in big {
                    add(
                        &mut breaches,
                        Breach {
                            kind: BudgetKind::File,
                            limit: limit.0,
                            actual: size,
                            platforms: vec![p.platform.clone()],
                            package: Some(k.package.clone()),
                            variable: Some(users.join(", ")),
                            largest_files: vec![Culprit { path, size }],
                        },
                    );
                }
            }
        }
    }
    fn order(
        b: &Breach,
    ) -> (
        BudgetKind,
        std::cmp::Reverse<u64>,
        &Option<String>,
        Option<&String>,
    ) {
        let first = b.largest_files.first().map(|c| &c.path);
        (b.kind, std::cmp::Reverse(b.actual), &b.package, first)
    }
    breaches.sort_by(|a, b| order(a).cmp(&order(b)));
    BudgetOutcome {
        budgets: *budgets,
        breaches,
    }
}

/// Adds a breach, merging it into an identical one of another platform.
fn add(list: &mut Vec<Breach>, b: Breach) {
    let same = list.iter_mut().find(|x| {
        x.kind == b.kind
            && x.actual == b.actual
            && x.package == b.package
            && x.variable == b.variable
            && x.largest_files == b.largest_files
    });
    match same {
        Some(x) => x.platforms.extend(b.platforms),
        None => list.push(b),
    }
}

fn describe(v: &VariableReport) -> String {
    format!(
        "{} ({}:{}:{})",
        v.name.as_deref().unwrap_or("<no var>"),
        v.file,
        v.line,
        v.column
    )
}

fn largest_var(vars: &[&VariableReport]) -> Option<String> {
    vars.iter()
        .max_by(|a, b| a.bytes.cmp(&b.bytes).then(b.id.cmp(&a.id)))
        .map(|v| describe(v))
}

/// The embedded file's path relative to the module root.
fn module_path(v: &VariableReport, rel: &str, report: &EmbedReport) -> String {
    let dir = report
        .platforms
        .iter()
        .flat_map(|p| &p.packages)
        .find(|k| k.package == v.package)
        .map(|k| k.dir.as_str())
        .unwrap_or("");
    if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    }
}

fn largest_files(vars: &[&VariableReport], report: &EmbedReport) -> Vec<Culprit> {
    let mut all: Vec<Culprit> = vars
        .iter()
        .flat_map(|v| {
            v.files.iter().map(move |f| Culprit {
                path: module_path(v, &f.path, report),
                size: f.size,
            })
        })
        .collect();
    all.sort_by(|a, b| b.size.cmp(&a.size).then(a.path.cmp(&b.path)));
    all.dedup_by(|a, b| a.path == b.path);
    all.truncate(CULPRITS);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed_report::model::*;

    fn var(id: usize, name: &str, files: &[(&str, u64)]) -> VariableReport {
        VariableReport {
            id,
            package: "m/p".into(),
            file: "p/p.go".into(),
            name: Some(name.into()),
            line: 3 + id as u32,
            column: 5,
            var_type: "embed.FS".into(),
            problem: None,
            size_rule: SizeRule::Shared,
            scope: Scope::Package,
            directives: Vec::new(),
            files: files
                .iter()
                .map(|(p, s)| FileEntry {
                    path: p.to_string(),
                    size: *s,
                })
                .collect(),
            bytes: files.iter().map(|f| f.1).sum(),
            platforms: Vec::new(),
        }
    }

    fn report() -> EmbedReport {
        let totals = Totals {
            total: 1600,
            shared: 1600,
            ..Totals::default()
        };
        let pkg = PackageOnPlatform {
            package: "m/p".into(),
            dir: "p".into(),
            totals,
            variables: vec![0, 1],
            embed_errors: Vec::new(),
        };
        let plat = |name: &str| PlatformReport {
            platform: name.into(),
            cgo: false,
            totals,
            binary: BinaryBytes::default(),
            packages: vec![pkg.clone()],
            binaries: Vec::new(),
        };
        EmbedReport {
            module: "m".into(),
            root: "/m".into(),
            all_platforms: true,
            size_rules: RULES,
            variables: vec![
                var(0, "small", &[("a.txt", 100)]),
                var(1, "big", &[("big.bin", 1000), ("c.txt", 500)]),
            ],
            platforms: vec![plat("linux/amd64"), plat("windows/amd64")],
            exact: false,
            explanations: Vec::new(),
            budget: None,
        }
    }

    #[test]
    fn no_budgets_no_breaches() {
        assert!(evaluate(&report(), &Budgets::default()).breaches.is_empty());
        let b = Budgets {
            total: Some(ByteSize(1600)),
            package: Some(ByteSize(1600)),
            file: Some(ByteSize(1000)),
            binary: None,
        };
        assert!(
            evaluate(&report(), &b).breaches.is_empty(),
            "limits are inclusive"
        );
    }

    #[test]
    fn breaches_name_platforms_package_variable_and_files() {
        let b = Budgets {
            total: Some(ByteSize(1500)),
            package: Some(ByteSize(1000)),
            file: Some(ByteSize(400)),
            binary: None,
        };
        let out = evaluate(&report(), &b).breaches;
        let kinds: Vec<BudgetKind> = out.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BudgetKind::Total,
                BudgetKind::Package,
                BudgetKind::File,
                BudgetKind::File
            ]
        );
        let t = &out[0];
        assert_eq!(t.platforms, ["linux/amd64", "windows/amd64"]);
        assert_eq!(t.package.as_deref(), Some("m/p"));
        assert_eq!(t.variable.as_deref(), Some("big (p/p.go:4:5)"));
        assert_eq!(t.largest_files[0].path, "p/big.bin");
        assert_eq!(t.largest_files.len(), 3);
        assert_eq!(out[2].largest_files[0].path, "p/big.bin");
        assert_eq!(out[3].largest_files[0].path, "p/c.txt");
    }

    #[test]
    fn binary_budget_names_the_main_package() {
        let mut r = report();
        for p in &mut r.platforms {
            p.binaries = vec![BinaryReport {
                package: "m/cmd/app".into(),
                dir: "cmd/app".into(),
                embeds_from: vec!["m/p".into()],
                totals: p.totals,
                binary: BinaryBytes {
                    total: 1700,
                    ..BinaryBytes::default()
                },
            }];
        }
        let b = Budgets {
            binary: Some(ByteSize(1650)),
            ..Budgets::default()
        };
        let out = evaluate(&r, &b).breaches;
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].kind, BudgetKind::Binary);
        assert_eq!(out[0].package.as_deref(), Some("m/cmd/app"));
        assert_eq!(out[0].platforms, ["linux/amd64", "windows/amd64"]);
        assert_eq!(out[0].largest_files[0].path, "p/big.bin");
        let within = Budgets {
            binary: Some(ByteSize(1700)),
            ..Budgets::default()
        };
        assert!(evaluate(&r, &within).breaches.is_empty());
    }

    #[test]
    fn budgets_from_config_text() {
        let b: Budgets =
            serde_json::from_str(r#"{"total": "10MiB", "file": 1024}"#).expect("parses");
        assert_eq!(b.total, Some(ByteSize(10 << 20)));
        assert_eq!(b.package, None);
        assert_eq!(b.file, Some(ByteSize(1024)));
        assert!(serde_json::from_str::<Budgets>(r#"{"totl": "1"}"#).is_err());
    }
}
