//! Names the user types that gotags can check against Go's: GOOS/GOARCH values ("did you
//! mean linux?") and the tags of a constraint expression that no build ever sets.

use gotags::constraint::Expr;
use gotags::context::BuildContext;
use gotags::platform;

/// Edit distance (insertions, deletions, substitutions, adjacent transpositions).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// The closest candidate within a distance that still reads as a typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = if word.chars().count() <= 3 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|c| (distance(&word.to_lowercase(), c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// ` (did you mean X?)`, or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or(String::new(), |c| format!(" (did you mean {c}?)"))
}

/// Is this a tag some build can set: a GOOS or GOARCH, `unix`, `cgo`, a compiler, a
/// release tag `go1.N`, an experiment, a GOARCH feature level, a sanitizer, or one of the
/// context's own tags?
pub fn is_known_tag(tag: &str, ctx: &BuildContext) -> bool {
    if platform::is_known_os(tag)
        || platform::is_known_arch(tag)
        || matches!(
            tag,
            "unix" | "cgo" | "gc" | "gccgo" | "race" | "msan" | "asan" | "boringcrypto" | "ignore"
        )
        || ctx.match_tag(tag)
        || ctx.build_tags.iter().any(|t| t == tag)
        || ctx.tool_tags.iter().any(|t| t == tag)
    {
        return true;
    }
    if let Some(minor) = tag.strip_prefix("go1.") {
        return !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit());
    }
    if let Some(exp) = tag.strip_prefix("goexperiment.") {
        let exp = exp.strip_prefix("no").unwrap_or(exp);
        return gotags::go::release::selected()
            .experiments
            .known
            .iter()
            .any(|e| e.eq_ignore_ascii_case(exp));
    }
    // GOARCH feature levels: amd64.v2, arm.7, arm64.v8.1, ppc64.power9, …
    tag.split_once('.')
        .is_some_and(|(arch, level)| platform::is_known_arch(arch) && !level.is_empty())
}

/// The tags of an expression, in order, once each.
pub fn tags(expr: &Expr) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut stack = vec![expr];
    while let Some(e) = stack.pop() {
        match e {
            Expr::Tag { name, .. } => {
                if !out.contains(&name.as_str()) {
                    out.push(name);
                }
            }
            Expr::Not { expr, .. } => stack.push(expr),
            Expr::And { left, right, .. } | Expr::Or { left, right, .. } => {
                stack.push(right);
                stack.push(left);
            }
        }
    }
    out
}

/// Every name a build knows, for suggestions.
pub fn known_names() -> impl Iterator<Item = &'static str> {
    platform::KNOWN_OS
        .iter()
        .chain(platform::KNOWN_ARCH)
        .copied()
        .chain(["unix", "cgo", "gc", "gccgo"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(
            closest("linx", platform::KNOWN_OS.iter().copied()),
            Some("linux")
        );
        assert_eq!(
            closest("widnows", platform::KNOWN_OS.iter().copied()),
            Some("windows")
        );
        assert_eq!(
            closest("amd46", platform::KNOWN_ARCH.iter().copied()),
            Some("amd64")
        );
        assert_eq!(closest("zzzzzz", platform::KNOWN_OS.iter().copied()), None);
    }

    #[test]
    fn known_tags() {
        let ctx = BuildContext::for_port("linux", "amd64", true, &["integration".into()])
            .expect("a port");
        for t in [
            "linux",
            "windows",
            "arm64",
            "unix",
            "cgo",
            "go1.21",
            "go1.99",
            "integration",
            "amd64.v3",
            "goexperiment.rangefunc",
            "ignore",
        ] {
            assert!(is_known_tag(t, &ctx), "{t}");
        }
        for t in ["linx", "go1.", "foo", "goexperiment.nosuchthing"] {
            assert!(!is_known_tag(t, &ctx), "{t}");
        }
    }
}
