//! Path arguments, resolved once: the working directory, paths made absolute and clean (as
//! filepath.Clean, without touching symlinks), and named `.go` files.

use super::error::{CliError, PathProblem};
use gotags::packages::pattern::normalize;
use std::path::{Path, PathBuf};

/// The working directory as Go's `os.Getwd` gives it: `$PWD` when it is absolute and names
/// the directory `.` is, so a directory the shell entered through a symlink keeps the path
/// the shell shows (go list prints its `Dir`s under it); else the kernel's path.
pub fn cwd() -> Result<PathBuf, CliError> {
    let physical = std::env::current_dir().map_err(CliError::CurrentDir)?;
    let logical = std::env::var_os("PWD")
        .map(PathBuf::from)
        .filter(|pwd| pwd.is_absolute() && same_dir(pwd, Path::new(".")));
    Ok(logical.unwrap_or(physical))
}

/// Do two paths name the same directory (Go's `os.SameFile`)?
#[cfg(unix)]
fn same_dir(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_dir(_: &Path, _: &Path) -> bool {
    false
}

/// `path` (relative to `cwd`, or `cwd` itself when absent) made absolute and clean.
pub fn absolute(path: Option<&Path>, cwd: &Path) -> PathBuf {
    // Joining an absolute path gives that path.
    normalize(&path.map_or_else(|| cwd.to_path_buf(), |p| cwd.join(p)))
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
