//! `--platforms goreleaser`: the `builds` matrix of `.goreleaser.yaml`/`.goreleaser.yml`
//! (`goos`, `goarch`, `goarm`, `goamd64`, `ignore`, `targets` incl. `go_first_class`, `tags`,
//! `-tags` in `flags` in any spelling `go build` takes, and `CGO_ENABLED` in the build's or the
//! file's top-level `env`). GoReleaser files use a small block-YAML subset; it is parsed by
//! hand here (block maps and sequences, `[a, b]` flow sequences, quoted scalars, comments)
//! rather than pulling in a YAML crate. Anchors, aliases and multi-line scalars are not
//! supported; keys the matrix does not need are skipped whatever their shape.

use crate::configs::Platform;
use crate::platform;
use std::path::{Path, PathBuf};

/// A parsed YAML node of the supported subset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Yaml {
    Scalar(String),
    Seq(Vec<Yaml>),
    Map(Vec<(String, Yaml)>),
    Null,
}

impl Yaml {
    pub fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A scalar, or each scalar of a sequence, as strings.
    pub fn strings(&self) -> Vec<String> {
        match self {
            Yaml::Scalar(s) => vec![s.clone()],
            Yaml::Seq(items) => items
                .iter()
                .filter_map(|i| match i {
                    Yaml::Scalar(s) => Some(s.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Why a GoReleaser file gives no builds; lines are 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoReleaserError {
    Tab { line: usize },
    Indentation { line: usize },
    NotKeyValue { line: usize },
    BuildsNotList,
    Target { build: String, target: String },
}

impl std::fmt::Display for GoReleaserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Tab { line } => write!(f, "line {line}: tabs are not allowed for indentation"),
            Self::Indentation { line } => write!(f, "line {line}: unexpected indentation"),
            Self::NotKeyValue { line } => write!(f, "line {line}: expected `key: value`"),
            Self::BuildsNotList => f.write_str("`builds` is not a list"),
            Self::Target { build, target } => write!(f, "build {build}: invalid target {target:?}"),
        }
    }
}

impl std::error::Error for GoReleaserError {}

#[derive(Clone, Debug)]
struct Line {
    indent: usize,
    text: String,
    number: usize,
}

/// Parses the supported YAML subset.
pub fn parse_yaml(src: &str) -> Result<Yaml, GoReleaserError> {
    let mut lines = Vec::new();
    for (n, raw) in src.lines().enumerate() {
        let no_comment = strip_comment(raw);
        let trimmed = no_comment.trim_end();
        let content = trimmed.trim_start();
        if content.is_empty() || content == "---" || content == "..." {
            continue;
        }
        if raw.starts_with('\t') {
            return Err(GoReleaserError::Tab { line: n + 1 });
        }
        lines.push(Line {
            indent: trimmed.len() - content.len(),
            text: content.to_string(),
            number: n + 1,
        });
    }
    // No lines: `block` gives null.
    let mut i = 0;
    let indent = lines.first().map_or(0, |l| l.indent);
    let v = block(&mut lines, &mut i, indent)?;
    if i < lines.len() {
        let line = lines[i].number;
        return Err(GoReleaserError::Indentation { line });
    }
    Ok(v)
}

/// The characters of `text` outside `"…"` and `'…'` quotes, quote marks left out, with
/// their byte offsets.
fn outside_quotes(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut quote = None;
    text.char_indices().filter(move |&(_, c)| match quote {
        Some(q) => {
            if c == q {
                quote = None;
            }
            false
        }
        None if c == '"' || c == '\'' => {
            quote = Some(c);
            false
        }
        None => true,
    })
}

/// The line before a `#` that starts it or follows a space or tab, outside quotes.
fn strip_comment(line: &str) -> &str {
    let after_space = |i: usize| i == 0 || line[..i].ends_with([' ', '\t']);
    let hash = outside_quotes(line).find(|&(i, c)| c == '#' && after_space(i));
    hash.map_or(line, |(i, _)| &line[..i])
}

fn is_seq_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

fn block(lines: &mut [Line], i: &mut usize, indent: usize) -> Result<Yaml, GoReleaserError> {
    if *i >= lines.len() {
        return Ok(Yaml::Null);
    }
    if is_seq_item(&lines[*i].text) {
        let mut items = Vec::new();
        while *i < lines.len() && lines[*i].indent == indent && is_seq_item(&lines[*i].text) {
            let rest = lines[*i].text[1..].to_string();
            let inner = rest.trim_start();
            if inner.is_empty() {
                *i += 1;
                match lines.get(*i) {
                    Some(next) if next.indent > indent => {
                        let ind = next.indent;
                        items.push(block(lines, i, ind)?);
                    }
                    _ => items.push(Yaml::Null),
                }
            } else {
                // `- key: v` opens a map whose keys line up with `key`.
                let ind = indent + 1 + (rest.len() - inner.len());
                lines[*i].indent = ind;
                lines[*i].text = inner.to_string();
                items.push(block(lines, i, ind)?);
            }
        }
        return Ok(Yaml::Seq(items));
    }
    if split_key(&lines[*i].text).is_none() {
        let v = scalar_or_flow(&lines[*i].text);
        *i += 1;
        return Ok(v);
    }
    let mut map = Vec::new();
    while *i < lines.len() && lines[*i].indent == indent && !is_seq_item(&lines[*i].text) {
        let line = lines[*i].clone();
        let Some((key, value)) = split_key(&line.text) else {
            return Err(GoReleaserError::NotKeyValue { line: line.number });
        };
        *i += 1;
        let v = if value.is_empty() {
            match lines.get(*i) {
                Some(next) if next.indent > indent => {
                    let ind = next.indent;
                    block(lines, i, ind)?
                }
                // A sequence may sit at its key's own indentation.
                Some(next) if next.indent == indent && is_seq_item(&next.text) => {
                    block(lines, i, indent)?
                }
                _ => Yaml::Null,
            }
        } else {
            scalar_or_flow(&value)
        };
        map.push((key, v));
    }
    Ok(Yaml::Map(map))
}

/// `key: value` or `key:`; the key may be quoted.
fn split_key(text: &str) -> Option<(String, String)> {
    let mut quote: Option<char> = None;
    for (pos, c) in text.char_indices() {
        let value = &text[pos + c.len_utf8()..];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && pos == 0 => quote = Some(c),
            None if c == '[' || c == '{' => return None,
            None if c == ':' && (value.is_empty() || value.starts_with(' ')) => {
                return Some((unquote(text[..pos].trim()), value.trim().to_string()));
            }
            None => {}
        }
    }
    None
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    if s.len() >= 2
        && ((s.starts_with('"') && s.ends_with('"')) || (s.starts_with('\'') && s.ends_with('\'')))
    {
        return s[1..s.len() - 1].to_string();
    }
    s.to_string()
}

fn scalar_or_flow(text: &str) -> Yaml {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return Yaml::Seq(
            flow_items(inner)
                .into_iter()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Yaml::Scalar(unquote(s)))
                .collect(),
        );
    }
    if t == "~" || t == "null" {
        return Yaml::Null;
    }
    Yaml::Scalar(unquote(t))
}

/// The items of a flow sequence's inside: split at commas outside quotes (so
/// `["-tags=a,b", x]` is two items).
fn flow_items(inner: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in outside_quotes(inner).filter(|&(_, c)| c == ',') {
        out.push(&inner[start..i]);
        start = i + 1;
    }
    out.push(&inner[start..]);
    out
}

/// One `builds` entry reduced to what the matrix needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Build {
    pub id: String,
    pub platforms: Vec<Platform>,
    pub tags: Vec<String>,
    /// `CGO_ENABLED` from the build's `env` (else the file's top-level `env`): `Some(false)`
    /// for `0`, `Some(true)` for `1`; `None` when neither sets it.
    pub cgo: Option<bool>,
}

/// `CGO_ENABLED=0|1` in an `env` list (the last one wins, as in a shell environment).
fn cgo_of(env: Option<&Yaml>) -> Option<bool> {
    let mut cgo = None;
    for e in env.map(Yaml::strings).unwrap_or_default() {
        if let Some(v) = e.trim().strip_prefix("CGO_ENABLED=") {
            cgo = match v.trim() {
                "0" => Some(false),
                "1" => Some(true),
                _ => cgo,
            };
        }
    }
    cgo
}

/// The tags of `-tags=a,b`, `--tags=a`, `-tags a,b` (one item) or `-tags`, `a,b` (two items);
/// commas or spaces separate tags, as `go build` accepts.
fn flag_tags(flags: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut take_next = false;
    let split = |v: &str, out: &mut Vec<String>| {
        out.extend(
            v.split([',', ' '])
                .map(|t| t.trim_matches(|c| c == '"' || c == '\''))
                .filter(|t| !t.is_empty())
                .map(str::to_string),
        )
    };
    for f in flags {
        let f = f.trim();
        if take_next {
            split(f, &mut out);
            take_next = false;
            continue;
        }
        let rest = f.strip_prefix("--").or_else(|| f.strip_prefix('-'));
        let Some(rest) = rest.and_then(|r| r.strip_prefix("tags")) else {
            continue;
        };
        if let Some(v) = rest.strip_prefix('=') {
            split(v, &mut out);
        } else if rest.is_empty() {
            take_next = true;
        } else if let Some(v) = rest.strip_prefix(' ') {
            split(v, &mut out);
        }
    }
    out
}

/// GoReleaser's `go_first_class` target list (first-class ports with its default variants).
pub const GO_FIRST_CLASS: &[&str] = &[
    "darwin_amd64_v1",
    "darwin_arm64",
    "linux_386",
    "linux_amd64_v1",
    "linux_arm_6",
    "linux_arm64",
    "windows_386",
    "windows_amd64_v1",
];

/// Finds `.goreleaser.yaml` or `.goreleaser.yml` (also without the dot) in `dir`.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    [
        ".goreleaser.yaml",
        ".goreleaser.yml",
        "goreleaser.yaml",
        "goreleaser.yml",
    ]
    .iter()
    .map(|n| dir.join(n))
    .find(|p| p.is_file())
}

/// Parses a target such as `linux_arm_7` or `linux_amd64_v3`.
fn parse_target(t: &str) -> Option<Platform> {
    let parts: Vec<&str> = t.split('_').collect();
    let (os, arch, variant) = match parts.as_slice() {
        [os, arch] => (*os, *arch, None),
        [os, arch, v] => (*os, *arch, Some(*v)),
        _ => return None,
    };
    platform::find_port(os, arch)?;
    Some(Platform::new(os, arch, variant))
}

/// The builds of a GoReleaser configuration text.
pub fn parse_builds(src: &str) -> Result<Vec<Build>, GoReleaserError> {
    let doc = parse_yaml(src)?;
    let builds = match doc.get("builds") {
        Some(Yaml::Seq(b)) => b.clone(),
        // No `builds`: GoReleaser builds the module with every default.
        None | Some(Yaml::Null) => vec![Yaml::Map(Vec::new())],
        Some(_) => return Err(GoReleaserError::BuildsNotList),
    };
    let file_cgo = cgo_of(doc.get("env"));
    let mut out = Vec::new();
    for (n, b) in builds.iter().enumerate() {
        if b.get("skip").map(|s| s.strings()) == Some(vec!["true".to_string()]) {
            continue;
        }
        if let Some(builder) = b.get("builder").map(|s| s.strings()) {
            if builder.first().is_some_and(|x| x != "go") {
                continue;
            }
        }
        let id = b
            .get("id")
            .and_then(|v| v.strings().into_iter().next())
            .unwrap_or_else(|| format!("build{}", n + 1));
        let list = |key: &str, default: &[&str]| -> Vec<String> {
            match b.get(key) {
                Some(v) if !v.strings().is_empty() => v.strings(),
                _ => default.iter().map(|s| s.to_string()).collect(),
            }
        };
        let mut platforms: Vec<Platform> = Vec::new();
        let push = |p: Platform, platforms: &mut Vec<Platform>| {
            if !platforms.contains(&p) {
                platforms.push(p);
            }
        };
        if let Some(targets) = b.get("targets") {
            for t in targets.strings() {
                if t == "go_first_class" || t == "go_118_first_class" {
                    for f in GO_FIRST_CLASS {
                        if let Some(p) = parse_target(f) {
                            push(p, &mut platforms);
                        }
                    }
                } else {
                    let p = parse_target(&t).ok_or_else(|| GoReleaserError::Target {
                        build: id.clone(),
                        target: t.clone(),
                    })?;
                    push(p, &mut platforms);
                }
            }
        } else {
            let goarm = list("goarm", &["6"]);
            let goamd64 = list("goamd64", &["v1"]);
            let ignores: Vec<Yaml> = match b.get("ignore") {
                Some(Yaml::Seq(s)) => s.clone(),
                _ => Vec::new(),
            };
            for os in list("goos", &["darwin", "linux", "windows"]) {
                for arch in list("goarch", &["386", "amd64", "arm64"]) {
                    // GoReleaser skips pairs `go tool dist list` does not know.
                    if platform::find_port(&os, &arch).is_none() {
                        continue;
                    }
                    let variants: Vec<Option<&str>> = match arch.as_str() {
                        "arm" => goarm.iter().map(|v| Some(v.as_str())).collect(),
                        "amd64" => goamd64.iter().map(|v| Some(v.as_str())).collect(),
                        _ => vec![None],
                    };
                    for v in variants {
                        let ignored = ignores.iter().any(|ig| {
                            let field = |k: &str| ig.get(k).and_then(|x| x.strings().pop());
                            let matches = |k: &str, val: Option<&str>| match field(k) {
                                None => true,
                                Some(f) => Some(f.as_str()) == val,
                            };
                            matches("goos", Some(&os))
                                && matches("goarch", Some(&arch))
                                && (arch != "arm" || matches("goarm", v))
                                && (arch != "amd64" || matches("goamd64", v))
                        });
                        if !ignored {
                            push(Platform::new(&os, &arch, v), &mut platforms);
                        }
                    }
                }
            }
        }
        let mut tags: Vec<String> = b.get("tags").map(|t| t.strings()).unwrap_or_default();
        for t in flag_tags(&b.get("flags").map(|f| f.strings()).unwrap_or_default()) {
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        out.push(Build {
            id,
            platforms,
            tags,
            cgo: cgo_of(b.get("env")).or(file_cgo),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_subset() {
        let y = parse_yaml(
            "version: 2 # c\nbuilds:\n  - id: a\n    goos: [linux, \"windows\"]\n    ignore:\n    - goos: windows\n      goarch: arm\n  -\n    id: 'b#1'\n",
        )
        .expect("parses");
        let builds = match y.get("builds") {
            Some(Yaml::Seq(b)) => b.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(builds.len(), 2);
        assert_eq!(
            builds[0].get("goos").map(|g| g.strings()),
            Some(vec!["linux".into(), "windows".into()])
        );
        let ig = builds[0].get("ignore").expect("ignore");
        assert!(matches!(ig, Yaml::Seq(v) if v.len() == 1));
        assert_eq!(builds[1].get("id"), Some(&Yaml::Scalar("b#1".into())));
    }

    #[test]
    fn builds_expand_variants_ignores_and_targets() {
        let b = parse_builds(
            "builds:\n  - goos: [linux, windows, darwin]\n    goarch: [amd64, arm, 386]\n    goarm: [6, 7]\n    goamd64: [v1, v3]\n    ignore:\n      - goos: windows\n        goarch: arm\n      - goos: linux\n        goarch: arm\n        goarm: 6\n    tags: [netgo]\n    flags: [-trimpath, -tags=osusergo]\n  - id: fc\n    targets: [go_first_class, linux_riscv64]\n",
        )
        .expect("parses");
        let labels: Vec<String> = b[0].platforms.iter().map(Platform::label).collect();
        assert_eq!(
            labels,
            [
                "linux/amd64/v1",
                "linux/amd64/v3",
                "linux/arm/7",
                "linux/386",
                "windows/amd64/v1",
                "windows/amd64/v3",
                "windows/386",
                "darwin/amd64/v1",
                "darwin/amd64/v3"
            ]
        );
        assert_eq!(b[0].tags, ["netgo", "osusergo"]);
        assert_eq!(b[1].id, "fc");
        assert_eq!(b[1].platforms.len(), 9);
        assert!(parse_builds("builds:\n  - targets: [linux_sparc]\n").is_err());
    }

    #[test]
    fn env_cgo_and_every_tags_spelling() {
        let b = parse_builds(
            "env:\n  - CGO_ENABLED=0\nbuilds:\n  - id: a\n    flags: [-trimpath, \"-tags=netgo,osusergo\"]\n  - id: b\n    env: [GOFLAGS=-mod=mod, CGO_ENABLED=1]\n    flags:\n      - -tags\n      - \"sqlite fts5\"\n  - id: c\n    flags: [\"--tags=x\", \"-tags y,z\", -tagsfoo]\n",
        )
        .expect("parses");
        assert_eq!(b[0].tags, ["netgo", "osusergo"]);
        assert_eq!(b[0].cgo, Some(false), "the file's env");
        assert_eq!(b[1].tags, ["sqlite", "fts5"]);
        assert_eq!(b[1].cgo, Some(true), "the build's env wins");
        assert_eq!(b[2].tags, ["x", "y", "z"]);
        let none = parse_builds("builds:\n  - goos: [linux]\n").expect("parses");
        assert_eq!(none[0].cgo, None);
    }

    #[test]
    fn defaults_without_builds() {
        let b = parse_builds("project_name: x\n").expect("parses");
        let labels: Vec<String> = b[0].platforms.iter().map(Platform::label).collect();
        assert_eq!(
            labels,
            [
                "darwin/amd64/v1",
                "darwin/arm64",
                "linux/386",
                "linux/amd64/v1",
                "linux/arm64",
                "windows/386",
                "windows/amd64/v1",
                "windows/arm64"
            ]
        );
    }
}
