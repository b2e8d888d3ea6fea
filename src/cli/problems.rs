//! Walk problems (unreadable directories and files): reported on stderr once per path, in
//! one wording for every command (`gotags: PATH: REASON`), and the run goes on.

use gotags::walk::WalkProblem;

/// The reason without the operation and path the walk layers put in front of it
/// (`open /x/locked: permission denied` → `permission denied`).
fn reason(p: &WalkProblem) -> &str {
    let shown = p.path.to_string_lossy();
    let m = p.message.as_str();
    match m.find(&*shown) {
        Some(at) => m[at + shown.len()..].trim_start_matches(':').trim_start(),
        None => m,
    }
}

/// The one wording.
pub fn line(p: &WalkProblem) -> String {
    format!("gotags: {}: {}", p.path.display(), reason(p))
}

/// The lines to print: one per path, first reason wins.
pub fn lines(problems: &[WalkProblem]) -> Vec<String> {
    let mut seen: Vec<&std::path::Path> = Vec::new();
    let mut out = Vec::new();
    for p in problems {
        if !seen.contains(&p.path.as_path()) {
            seen.push(&p.path);
            out.push(line(p));
        }
    }
    out
}

/// Prints each path's problem once.
pub fn report(problems: &[WalkProblem]) {
    for l in lines(problems) {
        eprintln!("{l}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_path_in_one_wording() {
        let p = |m: &str| WalkProblem {
            path: "/m/locked".into(),
            message: m.to_string(),
        };
        let got = lines(&[
            p("permission denied"),
            p("open /m/locked: permission denied"),
        ]);
        assert_eq!(got, vec!["gotags: /m/locked: permission denied"]);
        assert_eq!(
            line(&p("open /m/locked: permission denied")),
            "gotags: /m/locked: permission denied"
        );
    }
}
