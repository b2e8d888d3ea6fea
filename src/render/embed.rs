//! Output of the `embed` command: a text report (variables, per-package and per-platform
//! totals with the size rule of every number, explanations, budget breaches) or the report
//! as one JSON document.

use crate::embed_report::budget::{Breach, BudgetKind};
use crate::embed_report::model::{
    BinaryBytes, EmbedErrorReport, EmbedReport, Explanation, Scope, Totals, VariableReport,
};
use crate::embed_report::size::human;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The report as pretty-printed JSON.
pub fn write_json(out: &mut impl Write, report: &EmbedReport) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// `1234 B`, or `123456 B (120.6 KiB)`.
fn bytes(n: u64) -> String {
    if n < 1024 {
        format!("{n} B")
    } else {
        format!("{n} B ({})", human(n))
    }
}

fn totals_line(t: &Totals) -> String {
    let mut s = format!(
        "{} = shared {} + own copies {}",
        bytes(t.total),
        bytes(t.shared),
        bytes(t.own_copies)
    );
    if t.deduplicated > 0 {
        s.push_str(&format!(", {} deduplicated", bytes(t.deduplicated)));
    }
    s.push_str(&format!(", {} stored file(s)", t.files));
    s
}

/// The keys in first-seen order, each with the platforms that share it.
fn by_platforms<K: PartialEq>(items: impl Iterator<Item = (K, String)>) -> Vec<(K, Vec<String>)> {
    let mut groups: Vec<(K, Vec<String>)> = Vec::new();
    for (key, platform) in items {
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.1.push(platform),
            None => groups.push((key, vec![platform])),
        }
    }
    groups
}

/// Platforms joined by spaces, wrapped with `indent`; `all N platforms` when that is all.
fn platform_list(names: &[String], indent: &str, all: usize) -> String {
    if all > 1 && names.len() == all {
        return format!("all {all} platforms");
    }
    let mut out = String::new();
    let mut width = 0;
    for n in names {
        if width > 0 && width + n.len() > 88 {
            out.push('\n');
            out.push_str(indent);
            width = 0;
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(n);
        width += n.len();
    }
    out
}

/// The text report.
pub fn write_text(out: &mut impl Write, r: &EmbedReport) -> io::Result<()> {
    let n = r.platforms.len();
    let which = match r.platforms.first() {
        Some(p) if n == 1 => format!("{}{}", p.platform, if p.cgo { " (cgo)" } else { "" }),
        _ => format!("{n} platforms"),
    };
    writeln!(out, "# gotags embed: {} ({}), {which}", r.module, r.root)?;
    writeln!(out, "# size rules:")?;
    writeln!(out, "#   shared   = {}", r.size_rules.shared)?;
    writeln!(out, "#   own-copy = {}", r.size_rules.own_copy)?;
    writeln!(out, "#   {}; {}", r.size_rules.platform, r.size_rules.tests)?;
    if r.exact {
        writeln!(out, "#   {}", r.size_rules.exact)?;
    }

    write_packages(out, r)?;
    write_platforms(out, r)?;
    write_explanations(out, r)?;
    if let Some(b) = &r.budget {
        write_breaches(out, &b.breaches, r.platforms.len())?;
    }
    Ok(())
}

fn write_packages(out: &mut impl Write, r: &EmbedReport) -> io::Result<()> {
    // package → (dir, [(platform, totals, errors)])
    type PerPlatform<'a> = Vec<(&'a str, Totals, &'a [EmbedErrorReport])>;
    let mut order: Vec<&str> = Vec::new();
    let mut per: BTreeMap<&str, PerPlatform<'_>> = BTreeMap::new();
    for p in &r.platforms {
        for k in &p.packages {
            if !per.contains_key(k.package.as_str()) {
                order.push(&k.package);
            }
            per.entry(&k.package)
                .or_default()
                .push((&p.platform, k.totals, &k.embed_errors));
        }
    }
    if order.is_empty() {
        writeln!(out, "\nno //go:embed directives in files that compile")?;
    }
    let all = r.platforms.len();
    for pkg in order {
        writeln!(out, "\n{pkg}")?;
        let mut vars: Vec<&VariableReport> =
            r.variables.iter().filter(|v| v.package == pkg).collect();
        vars.sort_by_key(|v| (v.scope, v.id));
        for v in vars {
            write_variable(out, v, all)?;
        }
        let rows = per.get(pkg).map(Vec::as_slice).unwrap_or_default();
        // Group platforms with the same totals and errors.
        let groups = by_platforms(rows.iter().map(|(p, t, errs)| ((*t, *errs), p.to_string())));
        for ((t, errs), plats) in &groups {
            let on = if all == 1 {
                String::new()
            } else {
                format!(
                    " on {} platform(s): {}",
                    plats.len(),
                    platform_list(plats, "        ", all)
                )
            };
            writeln!(out, "  package total{on}")?;
            writeln!(out, "      {}", totals_line(t))?;
            for e in errs.iter() {
                let scope = match e.scope {
                    Scope::Package => "",
                    Scope::Test => " (test files)",
                    Scope::Xtest => " (external test files)",
                };
                writeln!(out, "  embed error{scope}: {}: {}", e.pos, e.err)?;
            }
        }
    }
    Ok(())
}

fn write_variable(out: &mut impl Write, v: &VariableReport, all: usize) -> io::Result<()> {
    let name = v.name.as_deref().unwrap_or("<no var>");
    let scope = match v.scope {
        Scope::Package => "",
        Scope::Test => ", test only: not counted",
        Scope::Xtest => ", external test only: not counted",
    };
    let only = if v.platforms.len() < all {
        format!(", on {} of {all} platforms", v.platforms.len())
    } else {
        String::new()
    };
    writeln!(
        out,
        "  {}:{}:{}  var {name} {}  [{}{scope}{only}]  {} file(s), {}",
        v.file,
        v.line,
        v.column,
        v.var_type,
        v.size_rule.label(),
        v.files.len(),
        bytes(v.bytes)
    )?;
    if let Some(p) = &v.problem {
        writeln!(out, "    problem: {p}")?;
    }
    for d in &v.directives {
        for p in &d.patterns {
            match &p.error {
                Some(e) => writeln!(
                    out,
                    "    //go:embed {:?} ({}:{}:{})  error: {e}",
                    p.pattern, v.file, p.line, p.column
                )?,
                None => {
                    writeln!(
                        out,
                        "    //go:embed {:?} ({}:{}:{})  {} file(s), {}",
                        p.pattern,
                        v.file,
                        p.line,
                        p.column,
                        p.files.len(),
                        bytes(p.bytes)
                    )?;
                    let w = p.files.iter().map(|f| f.path.len()).max().unwrap_or(0);
                    for f in &p.files {
                        writeln!(out, "        {:<w$}  {}", f.path, bytes(f.size))?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn write_platforms(out: &mut impl Write, r: &EmbedReport) -> io::Result<()> {
    writeln!(
        out,
        "\nper-platform totals (every package of the module in one binary):"
    )?;
    let keyed = r.platforms.iter();
    let groups = by_platforms(keyed.map(|p| ((p.totals, p.binary, p.cgo), p.platform.clone())));
    for ((t, b, cgo), plats) in &groups {
        let cgo = if *cgo { " (cgo)" } else { "" };
        writeln!(
            out,
            "  {} platform(s){cgo}: {}",
            plats.len(),
            platform_list(plats, "      ", r.platforms.len())
        )?;
        writeln!(out, "      {}", totals_line(t))?;
        if b.total > 0 {
            writeln!(out, "      binary {}", binary_line(b, r.exact))?;
        }
    }
    write_binaries(out, r)
}

fn binary_line(b: &BinaryBytes, exact: bool) -> String {
    format!(
        "{} = contents {} + own copies {} + names {} + headers {}{} ({} embed.FS entries{})",
        bytes(b.total),
        bytes(b.contents),
        bytes(b.own_copies),
        bytes(b.names),
        bytes(b.headers),
        if b.relocations > 0 {
            format!(" + relocations {}", bytes(b.relocations))
        } else {
            String::new()
        },
        b.entries,
        if exact { ", contents compared" } else { "" }
    )
}

/// Per `main` package: what its binary embeds, platforms with the same numbers grouped.
fn write_binaries(out: &mut impl Write, r: &EmbedReport) -> io::Result<()> {
    // main package → [((binary, embeds_from), platform)]
    type OnPlatform<'a> = ((BinaryBytes, &'a [String]), String);
    let mut by_main: BTreeMap<&str, Vec<OnPlatform>> = BTreeMap::new();
    let mut quiet: BTreeMap<&str, ()> = BTreeMap::new();
    for p in &r.platforms {
        for b in &p.binaries {
            if b.binary.total == 0 {
                quiet.insert(&b.package, ());
                continue;
            }
            let on = ((b.binary, &b.embeds_from[..]), p.platform.clone());
            by_main.entry(&b.package).or_default().push(on);
        }
    }
    if by_main.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "
per binary (each main package with the packages it imports):"
    )?;
    for (main, on) in &by_main {
        writeln!(out, "  {main}")?;
        for ((b, from), plats) in by_platforms(on.iter().cloned()) {
            writeln!(
                out,
                "    on {}: {}",
                platform_list(&plats, "        ", r.platforms.len()),
                binary_line(&b, r.exact)
            )?;
            writeln!(out, "      embeds from: {}", from.join(", "))?;
        }
    }
    let none: Vec<&str> = quiet
        .keys()
        .copied()
        .filter(|m| !by_main.contains_key(m))
        .collect();
    if !none.is_empty() {
        writeln!(out, "  embedding nothing: {}", none.join(", "))?;
    }
    Ok(())
}

fn write_explanations(out: &mut impl Write, r: &EmbedReport) -> io::Result<()> {
    if r.explanations.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nnotes:")?;
    let name_of = |id: usize| {
        r.variables
            .get(id)
            .and_then(|v| v.name.clone())
            .unwrap_or_else(|| "<no var>".into())
    };
    for e in &r.explanations {
        match e {
            Explanation::HiddenLeftOut {
                pos,
                pattern,
                left_out,
                all_pattern,
                variable,
            } => {
                writeln!(
                    out,
                    "  {pos}: pattern {pattern:?} (var {}) names a directory; {} name(s) beginning with '.' or '_' were left out:",
                    name_of(*variable),
                    left_out.len()
                )?;
                for f in left_out {
                    writeln!(out, "      {f}")?;
                }
                writeln!(
                    out,
                    "    `//go:embed {all_pattern}` would include them (and every other . and _ name below it)"
                )?;
            }
            Explanation::MatchedTwice {
                package,
                file,
                size,
                by,
                copies,
            } => {
                let who: Vec<String> = by
                    .iter()
                    .map(|m| {
                        format!(
                            "{:?} (var {})",
                            m.pattern,
                            m.name.as_deref().unwrap_or("<no var>")
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "  {package}: {file} [{}] is matched {} times: {}; the binary holds {copies} cop{}",
                    bytes(*size),
                    by.len(),
                    who.join(", "),
                    if *copies == 1 { "y" } else { "ies" }
                )?;
            }
            Explanation::SomePlatforms {
                variable,
                pos,
                platforms,
                of,
            } => {
                writeln!(
                    out,
                    "  {pos}: var {} is embedded on {} of {of} platforms only (its file does not compile elsewhere): {}",
                    name_of(*variable),
                    platforms.len(),
                    platform_list(platforms, "      ", *of)
                )?;
            }
        }
    }
    Ok(())
}

fn write_breaches(out: &mut impl Write, breaches: &[Breach], all: usize) -> io::Result<()> {
    if breaches.is_empty() {
        writeln!(out, "\nbudgets: all within limits")?;
        return Ok(());
    }
    writeln!(out, "\nBUDGET EXCEEDED ({} breach(es)):", breaches.len())?;
    for b in breaches {
        let what = match b.kind {
            BudgetKind::Total => "total per platform",
            BudgetKind::Binary => "per binary",
            BudgetKind::Package => "per package",
            BudgetKind::File => "per file",
        };
        writeln!(
            out,
            "  {what} budget {}: {} on {}",
            bytes(b.limit),
            bytes(b.actual),
            platform_list(&b.platforms, "      ", all)
        )?;
        if let Some(p) = &b.package {
            let label = if b.kind == BudgetKind::Total {
                "largest package"
            } else if b.kind == BudgetKind::Binary {
                "main package"
            } else {
                "package"
            };
            writeln!(out, "    {label}: {p}")?;
        }
        if let Some(v) = &b.variable {
            let label = if b.kind == BudgetKind::File {
                "embedded by"
            } else {
                "largest variable"
            };
            writeln!(out, "    {label}: {v}")?;
        }
        let label = if b.kind == BudgetKind::File {
            "file"
        } else {
            "largest files"
        };
        let files: Vec<String> = b
            .largest_files
            .iter()
            .map(|c| format!("{}: {}", c.path, bytes(c.size)))
            .collect();
        writeln!(out, "    {label}: {}", files.join(", "))?;
    }
    Ok(())
}
