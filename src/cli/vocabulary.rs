//! Names the user types that gotags can check against Go's: GOOS/GOARCH values ("did you
//! mean linux?") and the tags of a constraint expression that no build ever sets.

use gotags::constraint::Expr;
use gotags::context::BuildContext;
use gotags::platform;

pub use gotags::suggest::did_you_mean;

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
    use gotags::suggest::closest;

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
