//! Labels for sets of configurations, as every front end shows them:
//! `linux/*, darwin/{amd64,arm64} (cgo) [tags: x] (12 of 98)`. Commands put these labels in
//! their data (matrix groups, heatmap columns, hovers); renderers print them.

use super::{Bits, Config};

/// Describes a configuration set compactly: `linux/*, darwin/{amd64,arm64} (cgo) [tags: x]`.
pub fn describe(configs: &[Config], set: &Bits) -> String {
    let n = configs.len();
    if set.count() == n {
        return format!("all {n} configurations");
    }
    let both_cgo = configs.iter().any(|c| c.cgo) && configs.iter().any(|c| !c.cgo);
    // Tag sets (and, in a multi-release run, releases) are listed apart, in first-seen
    // order; one pass over the configurations gathers each one's platforms (its universe),
    // those in `set` with their cgo mask, and the cgo values it has at all.
    #[derive(Default)]
    struct Group {
        key: String,
        universe: Vec<(String, String)>,
        seen: std::collections::HashSet<(String, String)>,
        plats: Vec<(String, String, u8)>,
        at: std::collections::HashMap<(String, String), usize>,
        full_mask: u8,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, c) in configs.iter().enumerate() {
        let key = group_key(c);
        let g = match by_key.get(&key) {
            Some(&g) => g,
            None => {
                by_key.insert(key.clone(), groups.len());
                groups.push(Group {
                    key,
                    ..Group::default()
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[g];
        let bit = if c.cgo { 2 } else { 1 };
        g.full_mask |= bit;
        let os = c.platform.goos.clone();
        let rest = c.platform.label()[os.len() + 1..].to_string();
        let pair = (os, rest);
        if g.seen.insert(pair.clone()) {
            g.universe.push(pair.clone());
        }
        if set.get(i) {
            match g.at.get(&pair) {
                Some(&k) => g.plats[k].2 |= bit,
                None => {
                    g.at.insert(pair.clone(), g.plats.len());
                    g.plats.push((pair.0, pair.1, bit));
                }
            }
        }
    }
    let many_groups = groups.len() > 1;
    let mut parts = Vec::new();
    for g in &groups {
        let (ts, universe, plats, full_mask) = (&g.key, &g.universe, &g.plats, g.full_mask);
        if plats.is_empty() {
            continue;
        }
        let mut tokens: Vec<(String, u8)> = Vec::new();
        let mut oses: Vec<&str> = Vec::new();
        for (o, _, _) in plats {
            if !oses.contains(&o.as_str()) {
                oses.push(o);
            }
        }
        for os in oses {
            let all_arches: Vec<&String> = universe
                .iter()
                .filter(|(o, _)| o == os)
                .map(|(_, r)| r)
                .collect();
            for mask in [3u8, 1, 2] {
                let arches: Vec<&String> = plats
                    .iter()
                    .filter(|(o, _, m)| o == os && *m == mask)
                    .map(|(_, r, _)| r)
                    .collect();
                if arches.is_empty() {
                    continue;
                }
                let label = if arches.len() == all_arches.len() && all_arches.len() > 1 {
                    format!("{os}/*")
                } else if arches.len() == 1 {
                    format!("{os}/{}", arches[0])
                } else {
                    let a: Vec<&str> = arches.iter().map(|s| s.as_str()).collect();
                    format!("{os}/{{{}}}", a.join(","))
                };
                tokens.push((label, mask));
            }
        }
        // A mask of every cgo value the group has reads as both (3): no suffix.
        let suffix = |m: u8| match (both_cgo, if m == full_mask { 3 } else { m }) {
            (true, 1) => " no-cgo",
            (true, 2) => " cgo",
            _ => "",
        };
        let uniform = tokens.iter().all(|(_, m)| *m == tokens[0].1);
        let mut text = if uniform {
            let names: Vec<&str> = tokens.iter().map(|(l, _)| l.as_str()).collect();
            let s = suffix(tokens[0].1);
            if s.is_empty() {
                names.join(", ")
            } else {
                format!("{} ({})", names.join(", "), s.trim())
            }
        } else {
            tokens
                .iter()
                .map(|(l, m)| format!("{l}{}", suffix(*m)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if many_groups {
            text.push_str(&format!(" [tags: {ts}]"));
        }
        parts.push(text);
    }
    format!("{} ({} of {n})", parts.join("; "), set.count())
}

/// The tag-set name, with the release in a multi-release run: `default`, `x,y go1.22`.
fn group_key(c: &Config) -> String {
    match c.go {
        Some(r) => format!("{} go1.{}", c.tags.name, r.minor),
        None => c.tags.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::configs::{all_platforms, product, CgoMode, TagSet};

    #[test]
    fn describes_sets_compactly() {
        let configs = product(&all_platforms(), &[TagSet::new(vec![])], CgoMode::Both);
        let n = configs.len();
        let windows = Bits::from_fn(n, |i| configs[i].platform.goos == "windows");
        assert_eq!(describe(&configs, &windows), "windows/* (8 of 98)");
        let plan9_nocgo = Bits::from_fn(n, |i| {
            configs[i].platform.goos == "plan9" && !configs[i].cgo
        });
        assert_eq!(
            describe(&configs, &plan9_nocgo),
            "plan9/* (no-cgo) (3 of 98)"
        );
        let one = Bits::from_fn(n, |i| i == 0);
        assert_eq!(describe(&configs, &one), "aix/ppc64 (no-cgo) (1 of 98)");
        assert_eq!(describe(&configs, &Bits::full(n)), "all 98 configurations");
    }
}
