//! Coverage lock files: `gotags matrix --write FILE` records, per file, the configurations
//! that compile it; `gotags matrix --check FILE` compares a run with the record and says, in
//! words, which files moved onto or off which configurations.
//!
//! The file is text, one line per configuration and per file, sorted, so that a change shows
//! as a one-line diff in review:
//!
//! ```text
//! # gotags coverage lock v1
//! config linux/amd64
//! config linux/amd64+cgo
//! config windows/amd64
//! file cmd/tool/main.go: *
//! file internal/poll/fd_unix.go: linux/*
//! file internal/poll/fd_windows.go: * -linux/*
//! file testdata.txt: -
//! ```
//!
//! A configuration token (`Config::label_with('+')`) is the platform label, then `+cgo`,
//! `+tags=a,b` and `+go1.N` when they apply (`linux/amd64` alone is cgo off, no tags). A
//! file's set is `*` (every configuration), `-` (none), a list of tokens, or `*` followed by
//! `-token`s (everything but those). Groups stand for all their configurations: a GOOS (`linux/*`), the same settings on
//! every platform (`*+cgo`), a platform with every setting (`linux/amd64+*`). The shorter of
//! the two spellings is written.

use super::Matrix;
use crate::versioned_text::{self, FileError, Format};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

/// The first line of every lock file.
pub const HEADER: &str = "# gotags coverage lock v1";

/// Configurations and, per file (slash path from the module root), the indexes of the
/// configurations that compile it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lock {
    pub configs: Vec<String>,
    pub files: BTreeMap<String, BTreeSet<usize>>,
}

/// The platform part of a token (before the first `+`).
fn platform_of(token: &str) -> &str {
    token.split('+').next().unwrap_or(token)
}

/// The settings part of a token (from the first `+`; "" for cgo off without tags).
fn suffix_of(token: &str) -> &str {
    token.find('+').map_or("", |i| &token[i..])
}

/// The GOOS of a token.
fn goos_of(token: &str) -> &str {
    token.split('/').next().unwrap_or(token)
}

/// The lock of a matrix run: every file of every evaluated directory (compiled somewhere or
/// not), against the run's configurations (sorted).
pub fn build(m: &Matrix) -> Lock {
    // Configurations sorted by token: the file does not depend on the evaluation order.
    let tokens: Vec<String> = m.eval.configs.iter().map(|c| c.label_with('+')).collect();
    let mut configs = tokens.clone();
    configs.sort();
    configs.dedup();
    let at: Vec<usize> = tokens
        .iter()
        .map(|t| configs.binary_search(t).unwrap_or(0))
        .collect();
    let mut files = BTreeMap::new();
    for d in &m.eval.dirs {
        let Some(facts) = m.dirs.get(d.dir_index) else {
            continue;
        };
        for (f, bits) in facts.files.iter().zip(&d.compiled) {
            let name = if d.rel.is_empty() {
                f.name.clone()
            } else {
                format!("{}/{}", d.rel, f.name)
            };
            files.insert(
                name,
                bits.iter().filter_map(|i| at.get(i).copied()).collect(),
            );
        }
    }
    Lock { configs, files }
}

/// The tokens naming `set` within `universe` (indexes into `configs`), grouped by GOOS and
/// platform where a whole group is in the set.
fn group_tokens(
    configs: &[String],
    universe: &BTreeSet<usize>,
    set: &BTreeSet<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut done: BTreeSet<usize> = BTreeSet::new();
    for &i in set {
        if done.contains(&i) {
            continue;
        }
        let c = &configs[i];
        let (goos, suffix, platform) = (goos_of(c), suffix_of(c), platform_of(c));
        // Widest first: a GOOS, one setting everywhere (not the empty one), a platform; each
        // with how its group token is spelled around the shared part.
        let groups = [
            (goos_of as fn(&str) -> &str, goos, true, "", "/*"),
            (suffix_of, suffix, !suffix.is_empty(), "*", ""),
            (platform_of, platform, true, "", "+*"),
        ];
        let whole = groups
            .into_iter()
            .find_map(|(of, key, usable, before, after)| {
                if !usable {
                    return None;
                }
                let members: Vec<usize> = universe
                    .iter()
                    .copied()
                    .filter(|&j| of(&configs[j]) == key)
                    .collect();
                let whole = members.len() > 1 && members.iter().all(|j| set.contains(j));
                whole.then(|| (format!("{before}{key}{after}"), members))
            });
        if let Some((name, members)) = whole {
            out.push(name);
            done.extend(members);
            continue;
        }
        out.push(configs[i].clone());
        done.insert(i);
    }
    out.sort();
    out
}

/// `set` spelled compactly against every configuration of `configs`.
fn spell(configs: &[String], set: &BTreeSet<usize>) -> String {
    let universe: BTreeSet<usize> = (0..configs.len()).collect();
    if set.len() == universe.len() {
        return "*".to_string();
    }
    if set.is_empty() {
        return "-".to_string();
    }
    let plus = group_tokens(configs, &universe, set);
    let rest: BTreeSet<usize> = universe.difference(set).copied().collect();
    let minus = group_tokens(configs, &universe, &rest);
    if minus.len() < plus.len() {
        // Never empty: `set` is not every configuration.
        format!("* -{}", minus.join(" -"))
    } else {
        plus.join(" ")
    }
}

impl Lock {
    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = format!(
            "{HEADER}\n# Per file, the configurations that compile it. Written by `gotags matrix --write FILE`;\n\
             # `gotags matrix --check FILE` fails when a change moves a file onto or off a configuration.\n"
        );
        for c in &self.configs {
            out.push_str(&format!("config {c}\n"));
        }
        for (name, set) in &self.files {
            out.push_str(&format!("file {name}: {}\n", spell(&self.configs, set)));
        }
        out
    }
}

/// What is wrong with one entry line of a lock file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// A line that is neither `config …` nor `file …: …`.
    UnknownLine,
    /// `file NAME` without `: SET`.
    NoColon,
    /// The same configuration or file twice.
    Duplicate(String),
    /// A `config` line after the first `file` line.
    ConfigAfterFiles,
    /// A set token naming no configuration of the file.
    UnknownToken(String),
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineProblem::UnknownLine => f.write_str("want `config TOKEN` or `file PATH: SET`"),
            LineProblem::NoColon => f.write_str("want `file PATH: SET`"),
            LineProblem::Duplicate(what) => write!(f, "{what} appears twice"),
            LineProblem::ConfigAfterFiles => {
                f.write_str("`config` lines must come before the `file` lines")
            }
            LineProblem::UnknownToken(t) => {
                write!(f, "{t:?} names no configuration listed in this file")
            }
        }
    }
}

impl Format for LineProblem {
    const HEADER: &'static str = HEADER;
    const NOUN: &'static str = "coverage lock";
    const MISSING: &'static str = "coverage lock not found (create it with gotags matrix --write)";
}

/// A lock file that cannot be used (exit status 2).
pub type LockError = FileError<LineProblem>;

/// The configurations a set token names.
fn expand(configs: &[String], t: &str) -> Option<Vec<usize>> {
    let all = 0..configs.len();
    let hits: Vec<usize> = if let Some(goos) = t.strip_suffix("/*") {
        all.filter(|&j| goos_of(&configs[j]) == goos).collect()
    } else if let Some(platform) = t.strip_suffix("+*") {
        all.filter(|&j| platform_of(&configs[j]) == platform)
            .collect()
    } else if let Some(suffix) = t.strip_prefix('*') {
        all.filter(|&j| suffix_of(&configs[j]) == suffix).collect()
    } else {
        all.filter(|&j| configs[j] == t).collect()
    };
    (!hits.is_empty()).then_some(hits)
}

/// Parses a lock file's bytes; `path` is only for the errors.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Lock, LockError> {
    let malformed = |line: usize, problem| versioned_text::malformed(path, line, problem);
    let mut lock = Lock::default();
    for (n, line) in versioned_text::entries::<LineProblem>(bytes, path)? {
        if let Some(c) = line.strip_prefix("config ") {
            let c = c.trim().to_string();
            if !lock.files.is_empty() {
                return Err(malformed(n, LineProblem::ConfigAfterFiles));
            }
            if lock.configs.contains(&c) {
                return Err(malformed(n, LineProblem::Duplicate(format!("config {c}"))));
            }
            lock.configs.push(c);
        } else if let Some(rest) = line.strip_prefix("file ") {
            let Some((name, set)) = rest
                .rsplit_once(": ")
                .or_else(|| rest.strip_suffix(':').map(|name| (name, "")))
            else {
                return Err(malformed(n, LineProblem::NoColon));
            };
            let unknown = |t: &str| malformed(n, LineProblem::UnknownToken(t.to_string()));
            let mut bits = BTreeSet::new();
            let mut tokens = set.split_whitespace().peekable();
            // `*` then `-token`s removes from everything; `-` stands alone.
            let all = tokens.next_if_eq(&"*").is_some();
            if all {
                bits.extend(0..lock.configs.len());
            } else if tokens.next_if_eq(&"-").is_some() {
                if let Some(t) = tokens.next() {
                    return Err(unknown(t));
                }
            }
            for t in tokens {
                let t = if all {
                    t.strip_prefix('-').ok_or_else(|| unknown(t))?
                } else {
                    t
                };
                let hits = expand(&lock.configs, t).ok_or_else(|| unknown(t))?;
                if all {
                    for h in hits {
                        bits.remove(&h);
                    }
                } else {
                    bits.extend(hits);
                }
            }
            let name = name.trim().to_string();
            if lock.files.contains_key(&name) {
                return Err(malformed(n, LineProblem::Duplicate(format!("file {name}"))));
            }
            lock.files.insert(name, bits);
        } else {
            return Err(malformed(n, LineProblem::UnknownLine));
        }
    }
    Ok(lock)
}

/// One file whose coverage changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileChange {
    /// A file the lock does not list, and where it compiles now.
    Added { file: String, now: String },
    /// A file the lock lists that is gone, and where it compiled.
    Removed { file: String, was: String },
    /// Configurations the file moved onto and off (either may be empty).
    Moved {
        file: String,
        onto: String,
        off: String,
    },
}

/// How a run differs from a lock.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockDiff {
    /// Configurations of the run the lock does not have, and the other way round.
    pub configs_added: Vec<String>,
    pub configs_removed: Vec<String>,
    pub files: Vec<FileChange>,
}

impl LockDiff {
    pub fn is_empty(&self) -> bool {
        self.configs_added.is_empty() && self.configs_removed.is_empty() && self.files.is_empty()
    }
}

/// Compares the recorded lock with the current one. Files are compared on the configurations
/// both know; differing configuration lists are reported on their own.
pub fn diff(recorded: &Lock, current: &Lock) -> LockDiff {
    // The configurations of `a` that `b` does not have.
    let only = |a: &Lock, b: &Lock| -> Vec<String> {
        let only = a.configs.iter().filter(|c| !b.configs.contains(c));
        only.cloned().collect()
    };
    let common: Vec<String> = current
        .configs
        .iter()
        .filter(|c| recorded.configs.contains(c))
        .cloned()
        .collect();
    let remap = |lock: &Lock, set: &BTreeSet<usize>| -> BTreeSet<usize> {
        set.iter()
            .filter_map(|&i| lock.configs.get(i))
            .filter_map(|c| common.iter().position(|x| x == c))
            .collect()
    };
    let universe: BTreeSet<usize> = (0..common.len()).collect();
    // The tokens of a set ("" for none).
    let spell = |s: &BTreeSet<usize>| group_tokens(&common, &universe, s).join(" ");
    let words = |set: &BTreeSet<usize>| {
        if set.is_empty() {
            "no configuration".to_string()
        } else if set.len() == universe.len() {
            "every configuration".to_string()
        } else {
            spell(set)
        }
    };
    let mut out = LockDiff {
        configs_added: only(current, recorded),
        configs_removed: only(recorded, current),
        files: Vec::new(),
    };
    let names: BTreeSet<&String> = recorded.files.keys().chain(current.files.keys()).collect();
    for name in names {
        match (recorded.files.get(name), current.files.get(name)) {
            (None, Some(now)) => out.files.push(FileChange::Added {
                file: name.clone(),
                now: words(&remap(current, now)),
            }),
            (Some(was), None) => out.files.push(FileChange::Removed {
                file: name.clone(),
                was: words(&remap(recorded, was)),
            }),
            (Some(was), Some(now)) => {
                let (was, now) = (remap(recorded, was), remap(current, now));
                if was != now {
                    let onto: BTreeSet<usize> = now.difference(&was).copied().collect();
                    let off: BTreeSet<usize> = was.difference(&now).copied().collect();
                    out.files.push(FileChange::Moved {
                        file: name.clone(),
                        onto: spell(&onto),
                        off: spell(&off),
                    });
                }
            }
            (None, None) => {}
        }
    }
    out
}

/// The readable diff `--check` prints: one line per change, then how to accept it.
pub fn describe(diff: &LockDiff, lock_name: &str) -> String {
    let n = diff.files.len();
    let mut out = format!(
        "{lock_name}: the coverage lock no longer matches ({n} {} changed",
        if n == 1 { "file" } else { "files" }
    );
    if !diff.configs_added.is_empty() || !diff.configs_removed.is_empty() {
        out.push_str(", configurations changed");
    }
    out.push_str(")\n");
    for c in &diff.configs_added {
        out.push_str(&format!(
            "  + config {c} (not in the lock; files compared without it)\n"
        ));
    }
    for c in &diff.configs_removed {
        out.push_str(&format!(
            "  - config {c} (in the lock, not evaluated now)\n"
        ));
    }
    for f in &diff.files {
        match f {
            FileChange::Added { file, now } => {
                out.push_str(&format!("  + {file}: new file, compiled on {now}\n"))
            }
            FileChange::Removed { file, was } => {
                out.push_str(&format!("  - {file}: gone (was compiled on {was})\n"))
            }
            FileChange::Moved { file, onto, off } => {
                if !onto.is_empty() {
                    out.push_str(&format!("  ~ {file}: now also compiled on {onto}\n"));
                }
                if !off.is_empty() {
                    out.push_str(&format!("  ~ {file}: no longer compiled on {off}\n"));
                }
            }
        }
    }
    out.push_str(&format!(
        "Accept the change with: gotags matrix --write {lock_name} (same flags)\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock(configs: &[&str], files: &[(&str, &[usize])]) -> Lock {
        Lock {
            configs: configs.iter().map(|s| s.to_string()).collect(),
            files: files
                .iter()
                .map(|(n, s)| (n.to_string(), s.iter().copied().collect()))
                .collect(),
        }
    }

    const CONFIGS: &[&str] = &[
        "darwin/arm64",
        "linux/amd64",
        "linux/amd64+cgo",
        "linux/arm64",
        "windows/amd64",
    ];

    #[test]
    fn spelling_is_compact_and_round_trips() {
        let l = lock(
            CONFIGS,
            &[
                ("nocgo_amd64.go", &[1]),
                ("all.go", &[0, 1, 2, 3, 4]),
                ("none.txt", &[]),
                ("linux.go", &[1, 2, 3]),
                ("amd64.go", &[1, 2, 4]),
                ("not_windows.go", &[0, 1, 2, 3]),
                ("cgo_linux.go", &[2]),
                ("dir/x.s", &[0, 4]),
            ],
        );
        let text = l.render();
        assert!(text.starts_with(HEADER));
        for line in [
            "file all.go: *\n",
            "file none.txt: -\n",
            "file linux.go: linux/*\n",
            "file amd64.go: linux/amd64+* windows/amd64\n",
            "file not_windows.go: * -windows/amd64\n",
            "file cgo_linux.go: linux/amd64+cgo\n",
            "file nocgo_amd64.go: linux/amd64\n",
        ] {
            assert!(text.contains(line), "{line:?} in {text}");
        }
        let names: Vec<&str> = text.lines().filter(|l| l.starts_with("file ")).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted, "sorted");
        assert_eq!(parse(text.as_bytes(), Path::new("l")), Ok(l));
    }

    #[test]
    fn settings_groups() {
        let configs = [
            "linux/amd64",
            "linux/amd64+cgo",
            "windows/amd64",
            "windows/amd64+cgo",
        ];
        let l = lock(&configs, &[("c.go", &[1, 3]), ("pure.go", &[0, 2])]);
        let text = l.render();
        assert!(text.contains("file c.go: *+cgo\n"), "{text}");
        assert!(text.contains("file pure.go: * -*+cgo\n"), "{text}");
        assert_eq!(parse(text.as_bytes(), Path::new("l")), Ok(l));
    }

    #[test]
    fn diff_says_what_moved() {
        let old = lock(
            CONFIGS,
            &[
                ("a.go", &[1, 2, 3]),
                ("b.go", &[0]),
                ("gone.go", &[4]),
                ("same.go", &[0, 1]),
            ],
        );
        let new = lock(
            CONFIGS,
            &[
                ("a.go", &[1, 2, 3, 4]),
                ("b.go", &[]),
                ("new.go", &[1, 2]),
                ("same.go", &[0, 1]),
            ],
        );
        let d = diff(&old, &new);
        assert_eq!(
            d.files,
            vec![
                FileChange::Moved {
                    file: "a.go".into(),
                    onto: "windows/amd64".into(),
                    off: String::new()
                },
                FileChange::Moved {
                    file: "b.go".into(),
                    onto: String::new(),
                    off: "darwin/arm64".into()
                },
                FileChange::Removed {
                    file: "gone.go".into(),
                    was: "windows/amd64".into()
                },
                FileChange::Added {
                    file: "new.go".into(),
                    now: "linux/amd64+*".into()
                },
            ]
        );
        let text = describe(&d, "cov.lock");
        assert!(
            text.contains("  ~ a.go: now also compiled on windows/amd64\n"),
            "{text}"
        );
        assert!(
            text.contains("  ~ b.go: no longer compiled on darwin/arm64\n"),
            "{text}"
        );
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn configuration_changes_are_reported_and_files_compared_on_the_rest() {
        let old = lock(&["linux/amd64", "windows/amd64"], &[("a.go", &[0])]);
        let new = lock(&["linux/amd64", "linux/arm64"], &[("a.go", &[0, 1])]);
        let d = diff(&old, &new);
        assert_eq!(d.configs_added, vec!["linux/arm64".to_string()]);
        assert_eq!(d.configs_removed, vec!["windows/amd64".to_string()]);
        assert!(d.files.is_empty(), "{d:?}");
    }

    #[test]
    fn malformed_lines_are_named() {
        let p = Path::new("cov.lock");
        let e = |t: String| parse(t.as_bytes(), p).expect_err("malformed");
        use versioned_text::LineProblem::{Entry, WrongKind};
        let cases = [
            ("x\n".to_string(), 1, WrongKind),
            (
                format!("{HEADER}\nconfig linux/amd64\nfile a.go: linux/arm64\n"),
                3,
                Entry(LineProblem::UnknownToken("linux/arm64".into())),
            ),
            (
                format!("{HEADER}\nconfig linux/amd64\nfile a.go\n"),
                3,
                Entry(LineProblem::NoColon),
            ),
            (
                format!("{HEADER}\nconfig a/b\nfile a.go: *\nconfig c/d\n"),
                4,
                Entry(LineProblem::ConfigAfterFiles),
            ),
            (
                format!("{HEADER}\nconfig a/b\nconfig a/b\n"),
                3,
                Entry(LineProblem::Duplicate("config a/b".into())),
            ),
            (
                format!("{HEADER}\nbogus\n"),
                2,
                Entry(LineProblem::UnknownLine),
            ),
        ];
        for (text, want_line, want) in cases {
            let got = e(text.clone());
            let LockError::Malformed { line, problem, .. } = got else {
                panic!("{text:?}: {got:?}");
            };
            assert_eq!((line, problem), (want_line, want), "{text:?}");
        }
        assert_eq!(
            e("# gotags coverage lock v7\n".into()).to_string(),
            "cov.lock:1: lock version \"v7\" is not one this gotags reads (want v1)"
        );
    }
}
