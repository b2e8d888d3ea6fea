//! Package patterns as text, the way cmd/go reads its arguments: cleaning (`./` kept, `\`
//! turned into `/`), the kinds (file-system pattern, meta pattern, import path, with or
//! without `...`), and the `...` matcher with its vendor rule and the prefix test used to
//! prune walks. Pure: strings in, answers out.

use std::path::{Component, Path, PathBuf};

/// What a cleaned argument asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.`, `..`, `./x`, `../x`, or an absolute path; `wildcard` when it holds `...`.
    Local { wildcard: bool },
    /// `std`: the standard library.
    Std,
    /// `cmd`: the Go commands.
    Cmd,
    /// `work` (Go 1.25 on): every package of the main modules.
    Work,
    /// `all`: the main modules' packages and everything they import.
    All,
    /// An import path; `wildcard` when it holds `...`.
    ImportPath { wildcard: bool },
}

/// go/build's `IsLocalImport`.
pub fn is_local_import(p: &str) -> bool {
    p == "." || p == ".." || p.starts_with("./") || p.starts_with("../")
}

/// The kind of a cleaned pattern under Go 1.`minor` (`work` is a meta pattern from 1.25,
/// cmd/go/internal/search `IsMetaPackage`; before, it is a plain import path).
pub fn kind(p: &str, minor: u32) -> Kind {
    let wildcard = p.contains("...");
    if is_local_import(p) || p.starts_with('/') {
        return Kind::Local { wildcard };
    }
    match p {
        "std" => Kind::Std,
        "cmd" => Kind::Cmd,
        "all" => Kind::All,
        "work" if minor >= 25 => Kind::Work,
        _ => Kind::ImportPath { wildcard },
    }
}

/// Does any of the cleaned `patterns` need a main module before anything is listed? A
/// literal directory (`.`, `./x`, `../y`, `/abs`) does: outside every module cmd/go stops
/// with its go.mod-not-found error, while wildcards and import paths only fail one by one.
pub fn needs_main_module(patterns: &[String], minor: u32) -> bool {
    patterns
        .iter()
        .any(|p| kind(p, minor) == Kind::Local { wildcard: false })
}

/// cmd/go's `CleanPatterns`: no arguments mean `default`; import paths get `/` separators
/// and `path.Clean`; a leading `./` survives cleaning.
pub fn clean_patterns(args: &[String], default: &str) -> Vec<String> {
    if args.is_empty() {
        return vec![default.to_string()];
    }
    args.iter()
        .map(|a| {
            if a.starts_with('/') {
                return clean_slash(a);
            }
            let (p, v) = if is_local_import(a) {
                (a.as_str(), "")
            } else {
                match a.find('@') {
                    Some(i) => (&a[..i], &a[i..]),
                    None => (a.as_str(), ""),
                }
            };
            let p = p.replace('\\', "/");
            let p = if p.starts_with("./") {
                let c = clean_slash(&p);
                if c == "." {
                    c
                } else {
                    format!("./{c}")
                }
            } else {
                clean_slash(&p)
            };
            format!("{p}{v}")
        })
        .collect()
}

/// `path.Clean` for slash paths.
pub fn clean_slash(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for elem in p.split('/') {
        match elem {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|l| *l != "..") {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                }
            }
            e => out.push(e),
        }
    }
    let body = out.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}

/// `filepath.Join(base, rel)`: lexical, `..` resolved without touching the disk.
pub fn join_clean(base: &Path, rel: &str) -> PathBuf {
    normalize(&base.join(rel))
}

/// Removes `.` and `..` components without touching the disk, as filepath.Clean does.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The marker that stands for a non-final `vendor` element while matching.
const VENDOR: char = '\0';

/// Replaces every `vendor` element but the last with the marker.
fn mark_vendor(x: &str) -> String {
    if !x.contains("vendor") {
        return x.to_string();
    }
    let elems: Vec<&str> = x.split('/').collect();
    let n = elems.len();
    elems
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if i + 1 < n && *e == "vendor" {
                VENDOR.to_string()
            } else {
                (*e).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A compiled `...` pattern: `...` matches any string without a non-final `vendor` element
/// (unless the pattern spells that element out); `x/...` also matches `x`.
#[derive(Clone, Debug)]
pub struct Matcher {
    /// Literal pieces between the wildcards.
    pieces: Vec<String>,
    /// The alternative the `/...` suffix allows: the pattern without it, as pieces.
    bare: Option<Vec<String>>,
    /// A pattern ending `vendor/...` also matches the `vendor` directory itself.
    vendor_dir: Option<String>,
    never: bool,
}

impl Matcher {
    pub fn new(pattern: &str) -> Matcher {
        let never = pattern.contains(VENDOR);
        let marked = mark_vendor(pattern);
        let vendor_suffix = format!("/{VENDOR}/...");
        let vendor_only = format!("{VENDOR}/...");
        let vendor_dir = if let Some(stem) = marked.strip_suffix(&vendor_suffix) {
            Some(format!("{stem}/vendor"))
        } else if marked == vendor_only {
            Some("vendor".to_string())
        } else {
            None
        };
        let pieces = |p: &str| p.split("...").map(str::to_string).collect();
        let bare = marked.strip_suffix("/...").map(pieces);
        let pieces = pieces(&marked);
        Matcher {
            pieces,
            bare,
            vendor_dir,
            never,
        }
    }

    pub fn matches(&self, name: &str) -> bool {
        if self.never || name.contains(VENDOR) {
            return false;
        }
        if self.vendor_dir.as_deref() == Some(name) {
            return true;
        }
        let name = mark_vendor(name);
        self.bare.as_ref().is_some_and(|b| glob(b, &name)) || glob(&self.pieces, &name)
    }
}

/// Matches `name` against literal pieces joined by wildcards that never cross the marker.
fn glob(pieces: &[String], name: &str) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return name.is_empty();
    };
    match name.strip_prefix(first.as_str()) {
        Some(tail) if rest.is_empty() => tail.is_empty(),
        Some(tail) => after_wildcard(rest, tail),
        None => false,
    }
}

/// `pieces` each preceded by a wildcard, against `s`.
fn after_wildcard(pieces: &[String], s: &str) -> bool {
    let Some((head, rest)) = pieces.split_first() else {
        return s.is_empty();
    };
    let mut i = 0;
    loop {
        if let Some(t) = s[i..].strip_prefix(head.as_str()) {
            let ok = if rest.is_empty() {
                t.is_empty()
            } else {
                after_wildcard(rest, t)
            };
            if ok {
                return true;
            }
        }
        match s[i..].chars().next() {
            None | Some(VENDOR) => return false,
            Some(c) => i += c.len_utf8(),
        }
    }
}

/// cmd/internal/pkgpattern's `TreeCanMatchPattern`: can `name` or a path below it match?
pub fn tree_can_match(pattern: &str, name: &str) -> bool {
    let (prefix, wildcard) = match pattern.find("...") {
        Some(i) => (&pattern[..i], true),
        None => (pattern, false),
    };
    (name.len() <= prefix.len() && has_path_prefix(prefix, name))
        || (wildcard && name.starts_with(prefix))
}

/// Is `prefix` a path prefix of `s` (whole elements)?
pub fn has_path_prefix(s: &str, prefix: &str) -> bool {
    if s.len() == prefix.len() {
        return s == prefix;
    }
    if s.len() < prefix.len() {
        return false;
    }
    if prefix.ends_with('/') {
        return s.starts_with(prefix);
    }
    s.as_bytes()[prefix.len()] == b'/' && s.starts_with(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, n: &str) -> bool {
        Matcher::new(p).matches(n)
    }

    #[test]
    fn cleaning() {
        let c = |a: &[&str]| {
            clean_patterns(
                &a.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "./...",
            )
        };
        assert_eq!(c(&[]), ["./..."]);
        assert_eq!(
            c(&["./a/../b/", "./.", "x//y/", "/a/./b", "a\\b", "../x"]),
            ["./b", ".", "x/y", "/a/b", "a/b", "../x"]
        );
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("./...", 21), Kind::Local { wildcard: true });
        assert_eq!(kind("/abs", 21), Kind::Local { wildcard: false });
        assert_eq!(kind("work", 23), Kind::ImportPath { wildcard: false });
        assert_eq!(kind("work", 25), Kind::Work);
        assert_eq!(kind("std", 21), Kind::Std);
        assert_eq!(
            kind("example.com/...", 21),
            Kind::ImportPath { wildcard: true }
        );
    }

    #[test]
    fn matching() {
        assert!(m("./...", "."));
        assert!(m("./...", "./a/b"));
        assert!(m("x/...", "x"));
        assert!(m("x/...", "x/y"));
        assert!(!m("x/...", "xy"));
        assert!(m("x...", "xy"));
        assert!(m("./p...", "./pkg/x"));
        assert!(!m("./p...", "./cpu"));
        assert!(m("a/.../b", "a/x/y/b"));
        assert!(!m("a/...", "a/vendor/x"));
        assert!(m("a/...", "a/vendor"));
        assert!(m("a/vendor/...", "a/vendor/x"));
        assert!(m("a/vendor/...", "a/vendor"));
        assert!(m("example.com/one", "example.com/one"));
        assert!(!m("example.com/one", "example.com/one/x"));
    }

    #[test]
    fn tree_pruning() {
        for (pattern, name, want) in [
            ("example.com/one/pkg/...", "example.com/one", true),
            ("example.com/one/pkg/...", "example.com/one/pkg/y", true),
            ("example.com/one/pkg/...", "example.com/one/cpu", false),
            ("example.com/one/p...", "example.com/one/pkg", true),
            ("example.com/a", "example.com/b", false),
        ] {
            assert_eq!(tree_can_match(pattern, name), want, "{pattern} {name}");
        }
    }
}
