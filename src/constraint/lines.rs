//! Recognising constraint comment lines (Go's `splitGoBuild`/`splitPlusBuild`): decides whether
//! one line is a `//go:build` or `// +build` line and returns its expression text together with
//! that text's byte offset in the line, so spans can be mapped back onto the file.
//!
//! Go's `strings.TrimSpace` and Rust's `str::trim` both strip exactly the Unicode `White_Space`
//! characters, so `trim` is the faithful translation here.

const GO_BUILD: &str = "//go:build";
const PLUS_BUILD: &str = "+build";

/// Go's single-line rule: one trailing `\n` is dropped; any other `\n` disqualifies the text.
fn single_line(line: &str) -> Option<&str> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    (!line.contains('\n')).then_some(line)
}

/// `rest` is what follows a keyword. It qualifies if it is empty or starts with white space
/// (Go tests "trimming makes it shorter", which also counts `\r`, U+00A0 and friends). Returns the
/// trimmed text and its offset within `rest`.
fn after_keyword(rest: &str) -> Option<(&str, usize)> {
    let trimmed = rest.trim();
    if !rest.is_empty() && trimmed.len() == rest.len() {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    Some((trimmed, lead))
}

/// Go's `IsGoBuild`/`splitGoBuild`: `Some((expr_text, offset_of_expr_text_in_line))`.
///
/// The line must start with `//go:build` exactly: callers that read files trim the line first,
/// as go/build does.
pub fn go_build_expr(line: &str) -> Option<(&str, usize)> {
    let line = single_line(line)?;
    // The prefix check happens before trimming, so the prefix is at offset 0 and trimming the
    // whole line only removes trailing space.
    let rest = line.trim_end().strip_prefix(GO_BUILD)?;
    let (text, lead) = after_keyword(rest)?;
    Some((text, GO_BUILD.len() + lead))
}

/// Go's `IsPlusBuild`/`splitPlusBuild`: `Some((expr_text, offset_of_expr_text_in_line))`.
/// White space between `//` and `+build` is optional (`//+build` counts).
pub fn plus_build_expr(line: &str) -> Option<(&str, usize)> {
    let line = single_line(line)?;
    let after_slashes = line.strip_prefix("//")?;
    let body = after_slashes.trim();
    let body_offset = 2 + (after_slashes.len() - after_slashes.trim_start().len());
    let rest = body.strip_prefix(PLUS_BUILD)?;
    let (text, lead) = after_keyword(rest)?;
    Some((text, body_offset + PLUS_BUILD.len() + lead))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located<'a>(f: fn(&'a str) -> Option<(&'a str, usize)>, line: &'a str) -> Option<&'a str> {
        let (text, off) = f(line)?;
        // The offset must point at the text inside the line.
        assert_eq!(line.get(off..off + text.len()), Some(text), "{line:?}");
        Some(text)
    }

    #[test]
    fn go_build_lines() {
        let g = |l| located(go_build_expr, l);
        assert_eq!(g("//go:build linux"), Some("linux"));
        assert_eq!(g("//go:build\tlinux"), Some("linux"));
        assert_eq!(g("//go:build"), Some(""));
        assert_eq!(g("//go:build\n"), Some(""));
        assert_eq!(g("//go:build   a && b  \n"), Some("a && b"));
        assert_eq!(g("//go:build linux\r"), Some("linux"));
        assert_eq!(g("//go:build linux\r\n"), Some("linux"));
        assert_eq!(g("//go:build\u{a0}linux"), Some("linux"));
        assert_eq!(g("//go:build\u{85}x"), Some("x"));
        assert_eq!(g("//go:build \n\n"), None);
        assert_eq!(g("//go:build a\nb"), None);
        assert_eq!(g("//go:buildlinux"), None);
        assert_eq!(g("// go:build linux"), None);
        assert_eq!(g("  //go:build linux"), None);
        assert_eq!(g("//go:build linux // comment"), Some("linux // comment"));
        assert_eq!(go_build_expr("//go:build  x"), Some(("x", 12)));
        // Trailing blanks are trimmed before the keyword is removed, so empty text sits right after it.
        assert_eq!(go_build_expr("//go:build  "), Some(("", 10)));
    }

    #[test]
    fn plus_build_lines() {
        let p = |l| located(plus_build_expr, l);
        assert_eq!(p("// +build linux darwin"), Some("linux darwin"));
        assert_eq!(p("//+build linux"), Some("linux"));
        assert_eq!(p("//    +build   foo  "), Some("foo"));
        assert_eq!(p("//\t+build\tfoo\n"), Some("foo"));
        assert_eq!(p("// +build"), Some(""));
        assert_eq!(p("// +build\n"), Some(""));
        assert_eq!(p("// +buildfoo"), None);
        assert_eq!(p("/* +build x */"), None);
        assert_eq!(p("// x +build y"), None);
        assert_eq!(p(" // +build y"), None);
        assert_eq!(p("// +build a\nb"), None);
        assert_eq!(plus_build_expr("//  +build  a b"), Some(("a b", 12)));
        assert_eq!(plus_build_expr("// +build"), Some(("", 9)));
    }
}
