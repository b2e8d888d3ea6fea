//! `--cover`: the fewest configurations that together compile every file some configuration
//! of the matrix compiles (a hitting-set problem: each file's compiling configurations must be
//! hit). Files with equal configuration sets are merged and supersets dropped first; then an
//! exact branch-and-bound search runs under a node budget, and when the budget runs out the
//! greedy answer is returned with its bound (at most H(d) ≤ 1 + ln d times the optimum, d the
//! most merged file groups one configuration compiles). The result renders as a GitHub
//! Actions matrix, staticcheck `-matrix` lines and plain `GOOS=… GOARCH=…` lines.

use crate::configs::Bits;
use crate::configs::Config;
use serde::Serialize;

/// Exact search gives up after this many nodes.
const NODE_BUDGET: usize = 2_000_000;

/// The chosen configurations and how good the answer is known to be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cover {
    pub configs: Vec<usize>,
    pub exact: bool,
    /// For a greedy answer: the proven bound, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<String>,
    /// Files (merged by their configuration sets) the cover had to hit.
    pub constraints: usize,
    /// The chosen configurations that need cgo on another platform than linux/amd64: a C
    /// cross-compiler (`CC` for that GOOS/GOARCH), which a plain linux/amd64 runner lacks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cross_cgo: Vec<usize>,
}

/// Of `chosen`, the configurations with cgo on for a platform other than linux/amd64.
pub fn cross_cgo(configs: &[Config], chosen: &[usize]) -> Vec<usize> {
    chosen
        .iter()
        .copied()
        .filter(|&i| {
            configs.get(i).is_some_and(|c| {
                c.cgo && !(c.platform.goos == "linux" && c.platform.goarch == "amd64")
            })
        })
        .collect()
}

/// The note for [`Cover::cross_cgo`], or `None` when every chosen configuration builds on a
/// plain linux/amd64 runner.
pub fn cross_cgo_note(configs: &[Config], cover: &Cover) -> Option<String> {
    if cover.cross_cgo.is_empty() {
        return None;
    }
    let names: Vec<String> = cover
        .cross_cgo
        .iter()
        .filter_map(|&i| configs.get(i))
        .map(|c| format!("{} cgo", c.platform.label()))
        .collect();
    Some(format!(
        "note: {} of these need cgo for another platform than linux/amd64, which a plain \
         linux/amd64 runner cannot build without a C cross-compiler (CC for that GOOS/GOARCH) \
         or a native runner: {}",
        names.len(),
        names.join(", ")
    ))
}

/// Finds a cover for `elements` (each: the configurations compiling one file); empty
/// elements are ignored. Ties go to the lowest index.
pub fn cover(n: usize, elements: &[Bits]) -> Cover {
    let rank: Vec<usize> = (0..n).collect();
    cover_ranked(n, elements, &rank)
}

/// The same, breaking ties between equally good configurations by `rank` (lower first).
pub fn cover_ranked(n: usize, elements: &[Bits], rank: &[usize]) -> Cover {
    let mut sets: Vec<Bits> = elements.iter().filter(|b| !b.is_empty()).cloned().collect();
    sets.sort_by_key(|b| (b.count(), b.clone()));
    sets.dedup();
    // Hitting a subset hits its supersets: keep the minimal sets only.
    let mut minimal: Vec<Bits> = Vec::new();
    for s in sets {
        if !minimal.iter().any(|m| m.is_subset(&s)) {
            minimal.push(s);
        }
    }
    let constraints = minimal.len();
    let greedy = greedy(n, &minimal, rank);
    let mut best = greedy.clone();
    let mut nodes = 0usize;
    let all: Vec<usize> = (0..minimal.len()).collect();
    let mut chosen = Vec::new();
    let complete = search(&minimal, &all, rank, &mut chosen, &mut best, &mut nodes);
    best.sort_unstable();
    let bound = (!complete).then(|| {
        let d = (0..n)
            .map(|c| minimal.iter().filter(|s| s.get(c)).count())
            .max()
            .unwrap_or(1)
            .max(1);
        let h: f64 = (1..=d).map(|i| 1.0 / i as f64).sum();
        format!(
            "greedy after {NODE_BUDGET} search nodes: at most H({d}) = {h:.2} times the optimum"
        )
    });
    Cover {
        configs: best,
        exact: complete,
        bound,
        constraints,
        cross_cgo: Vec::new(),
    }
}

fn greedy(n: usize, sets: &[Bits], rank: &[usize]) -> Vec<usize> {
    let mut left: Vec<&Bits> = sets.iter().collect();
    let mut out = Vec::new();
    while !left.is_empty() {
        let best = (0..n)
            .max_by_key(|&c| {
                (
                    left.iter().filter(|s| s.get(c)).count(),
                    std::cmp::Reverse(rank.get(c).copied().unwrap_or(c)),
                )
            })
            .unwrap_or(0);
        out.push(best);
        left.retain(|s| !s.get(best));
        if out.len() > n {
            break;
        }
    }
    out
}

/// Branch on the configurations of the hardest remaining set. Returns false when the node
/// budget ran out.
fn search(
    sets: &[Bits],
    left: &[usize],
    rank: &[usize],
    chosen: &mut Vec<usize>,
    best: &mut Vec<usize>,
    nodes: &mut usize,
) -> bool {
    *nodes += 1;
    if *nodes > NODE_BUDGET {
        return false;
    }
    if left.is_empty() {
        if chosen.len() < best.len() {
            *best = chosen.clone();
        }
        return true;
    }
    if chosen.len() + 1 >= best.len() {
        return true;
    }
    let Some(&hardest) = left.iter().min_by_key(|&&i| sets[i].count()) else {
        return true;
    };
    let mut options: Vec<usize> = sets[hardest].iter().collect();
    options.sort_by_key(|&c| {
        let hits = left.iter().filter(|&&i| sets[i].get(c)).count();
        (std::cmp::Reverse(hits), rank.get(c).copied().unwrap_or(c))
    });
    for c in options {
        let rest: Vec<usize> = left.iter().copied().filter(|&i| !sets[i].get(c)).collect();
        chosen.push(c);
        let ok = search(sets, &rest, rank, chosen, best, nodes);
        chosen.pop();
        if !ok {
            return false;
        }
    }
    true
}

fn yaml_quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A GitHub Actions `strategy.matrix.include` list.
pub fn github_actions(configs: &[&Config]) -> String {
    let mut s = String::from("strategy:\n  matrix:\n    include:\n");
    for c in configs {
        s.push_str(&format!("      - goos: {}\n", c.platform.goos));
        s.push_str(&format!(
            "        goarch: {}\n",
            yaml_quote(&c.platform.goarch)
        ));
        if let Some((var, v)) = c.platform.variant_var() {
            s.push_str(&format!(
                "        {}: {}\n",
                var.to_lowercase(),
                yaml_quote(v)
            ));
        }
        s.push_str(&format!(
            "        cgo_enabled: \"{}\"\n",
            if c.cgo { 1 } else { 0 }
        ));
        s.push_str(&format!(
            "        tags: {}\n",
            yaml_quote(&c.tags.tags.join(","))
        ));
    }
    s
}

fn env_words(c: &Config) -> Vec<String> {
    let mut w: Vec<String> = c
        .env()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if !c.tags.tags.is_empty() {
        w.push(format!("-tags={}", c.tags.tags.join(",")));
    }
    w
}

/// `staticcheck -matrix` input: `name: VAR=value … -tags=…`, one line per configuration.
pub fn staticcheck_lines(configs: &[&Config]) -> String {
    configs
        .iter()
        .map(|c| {
            let mut name = c.platform.label().replace('/', "-");
            if c.cgo {
                name.push_str("-cgo");
            }
            if !c.tags.tags.is_empty() {
                name.push('-');
                name.push_str(&c.tags.tags.join("-"));
            }
            format!("{name}: {}\n", env_words(c).join(" "))
        })
        .collect()
}

/// Plain `GOOS=… GOARCH=… CGO_ENABLED=… -tags=…` lines.
pub fn plain_lines(configs: &[&Config]) -> String {
    configs
        .iter()
        .map(|c| format!("{}\n", env_words(c).join(" ")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(n: usize, members: &[usize]) -> Bits {
        Bits::from_fn(n, |i| members.contains(&i))
    }

    fn covers(n: usize, elements: &[Bits], chosen: &[usize]) -> bool {
        elements
            .iter()
            .filter(|e| !e.is_empty())
            .all(|e| chosen.iter().any(|&c| e.get(c)))
            && chosen.iter().all(|&c| c < n)
    }

    #[test]
    fn exact_beats_greedy() {
        // Greedy takes 0 (hits 4) then needs 2 more; the optimum is {1, 2}.
        let n = 3;
        let e = vec![
            bits(n, &[0, 1]),
            bits(n, &[0, 1]),
            bits(n, &[0, 2]),
            bits(n, &[0, 2]),
            bits(n, &[1]),
            bits(n, &[2]),
        ];
        let c = cover(n, &e);
        assert!(c.exact);
        assert_eq!(c.configs, [1, 2]);
        assert!(covers(n, &e, &c.configs));
    }

    #[test]
    fn empty_and_trivial() {
        assert_eq!(cover(4, &[]).configs, Vec::<usize>::new());
        let e = vec![Bits::full(200), bits(200, &[150])];
        let c = cover(200, &e);
        assert_eq!(c.configs, [150]);
    }

    #[test]
    fn renders() {
        use crate::configs::{Platform, TagSet};
        let c = Config {
            platform: Platform::new("linux", "arm", Some("7")),
            cgo: true,
            tags: TagSet::new(vec!["integration".into()]),
            go: None,
        };
        assert_eq!(
            plain_lines(&[&c]),
            "GOOS=linux GOARCH=arm CGO_ENABLED=1 GOARM=7 -tags=integration\n"
        );
        assert_eq!(
            staticcheck_lines(&[&c]),
            "linux-arm-7-cgo-integration: GOOS=linux GOARCH=arm CGO_ENABLED=1 GOARM=7 -tags=integration\n"
        );
        assert!(github_actions(&[&c]).contains("goarm: \"7\""));
    }

    #[test]
    fn cross_cgo_names_cgo_builds_off_linux_amd64() {
        let platforms =
            crate::configs::parse_platforms("linux/amd64,darwin/arm64,linux/arm64").expect("spec");
        let set = crate::configs::ConfigSet::new(crate::configs::product(
            &platforms,
            &[crate::configs::TagSet::new(Vec::new())],
            crate::configs::CgoMode::Both,
        ))
        .expect("configs");
        let all: Vec<usize> = (0..set.configs.len()).collect();
        let cross = cross_cgo(&set.configs, &all);
        let labels: Vec<String> = cross.iter().map(|&i| set.label(i).to_string()).collect();
        assert_eq!(labels.len(), 2, "{labels:?}");
        assert!(
            labels.iter().all(|l| !l.starts_with("linux/amd64")),
            "{labels:?}"
        );
        let c = Cover {
            configs: all,
            exact: true,
            bound: None,
            constraints: 0,
            cross_cgo: cross,
        };
        let note = cross_cgo_note(&set.configs, &c).expect("a note");
        assert!(note.contains("2 of these need cgo"), "{note}");
        assert!(note.contains("darwin/arm64 cgo"), "{note}");
    }
}
