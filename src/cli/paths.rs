//! Path arguments, resolved once: the working directory, paths made absolute and clean (as
//! filepath.Clean, without touching symlinks), and named `.go` files.

use super::error::{CliError, PathProblem};
use gotags::packages::pattern::normalize;
use std::path::{Path, PathBuf};

/// The working directory.
pub fn cwd() -> Result<PathBuf, CliError> {
    std::env::current_dir().map_err(CliError::CurrentDir)
}

/// `path` (relative to `cwd`, or `cwd` itself when absent) made absolute and clean.
pub fn absolute(path: Option<&Path>, cwd: &Path) -> PathBuf {
    match path {
        Some(p) if p.is_absolute() => normalize(p),
        Some(p) => normalize(&cwd.join(p)),
        None => normalize(cwd),
    }
}

/// An existing regular file, absolute and clean.
pub fn regular_file(path: &Path, cwd: &Path) -> Result<PathBuf, CliError> {
    let abs = absolute(Some(path), cwd);
    match std::fs::metadata(&abs) {
        Ok(m) if m.is_file() => Ok(abs),
        Ok(_) => Err(CliError::Path {
            path: abs,
            problem: PathProblem::NotARegularFile,
        }),
        Err(e) => Err(CliError::Path {
            path: abs,
            problem: PathProblem::Unreadable(gotags::facts::go_errno_text(&e)),
        }),
    }
}

/// Do all arguments name `.go` files (rather than directories)?
pub fn all_go_files(paths: &[PathBuf]) -> bool {
    !paths.is_empty()
        && paths
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "go"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_paths() {
        let cwd = Path::new("/work/m");
        assert_eq!(absolute(None, cwd), PathBuf::from("/work/m"));
        assert_eq!(
            absolute(Some(Path::new("./a/../b/.")), cwd),
            PathBuf::from("/work/m/b")
        );
        assert_eq!(
            absolute(Some(Path::new("/x/./y/..")), cwd),
            PathBuf::from("/x")
        );
    }

    #[test]
    fn go_file_arguments() {
        assert!(all_go_files(&[
            PathBuf::from("a.go"),
            PathBuf::from("d/b.go")
        ]));
        assert!(!all_go_files(&[PathBuf::from("a.go"), PathBuf::from("d")]));
        assert!(!all_go_files(&[]));
    }
}
