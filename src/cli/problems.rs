//! Walk problems (unreadable directories and files): reported on stderr once each, in one
//! wording for every command, and the run goes on.

use gotags::walk::WalkProblem;

/// The one wording: `gotags: PATH: MESSAGE`.
pub fn line(p: &WalkProblem) -> String {
    format!("gotags: {}: {}", p.path.display(), p.message)
}

/// Prints each distinct problem once.
pub fn report(problems: &[WalkProblem]) {
    let mut seen: Vec<&WalkProblem> = Vec::new();
    for p in problems {
        if !seen.contains(&p) {
            eprintln!("{}", line(p));
            seen.push(p);
        }
    }
}
