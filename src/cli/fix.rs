//! `gotags check --fix` / `--diff`: applies the rules' quick fixes (see
//! `gotags::check::fix`) to the files the findings name. Each file is read once, its edits
//! applied in memory, and written atomically (a sibling temporary file renamed over it), but
//! only when its bytes and modification time are still those that were read.

use gotags::check::fix;
use gotags::check::Diagnostic;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why one file was left alone.
#[derive(Debug)]
pub enum FixProblem {
    Read(PathBuf, io::Error),
    Write(PathBuf, io::Error),
    /// The file changed between reading and writing.
    Changed(PathBuf),
    /// The edits overlap or fall outside the file.
    BadEdits(PathBuf),
}

impl std::fmt::Display for FixProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixProblem::Read(p, e) => write!(f, "{}: cannot read: {e}", p.display()),
            FixProblem::Write(p, e) => write!(f, "{}: cannot write: {e}", p.display()),
            FixProblem::Changed(p) => write!(
                f,
                "{}: changed while fixing; left as it is (run again)",
                p.display()
            ),
            FixProblem::BadEdits(p) => write!(f, "{}: fixes overlap; left as it is", p.display()),
        }
    }
}

/// What a `--fix` run did.
#[derive(Debug, Default)]
pub struct FixReport {
    /// Files rewritten (or, with `--diff`, that would be) and how many findings each fixed.
    pub fixed: Vec<(PathBuf, usize)>,
    pub problems: Vec<FixProblem>,
}

/// Fixes every file with fixable findings; with `diff_only`, writes a unified diff to `out`
/// instead of touching any file.
pub fn run(
    diags: &[Diagnostic],
    cwd: &Path,
    unsafe_too: bool,
    diff_only: bool,
    out: &mut dyn Write,
) -> io::Result<FixReport> {
    let mut by_file: BTreeMap<PathBuf, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diags {
        let fixable = gotags::check::registry::find(&d.code)
            .and_then(|r| r.fix.as_ref())
            .is_some_and(|f| f.safe || unsafe_too);
        if fixable {
            by_file.entry(cwd.join(&d.file)).or_default().push(d);
        }
    }
    let mut report = FixReport::default();
    for (path, ds) in by_file {
        let (meta, src) =
            match std::fs::metadata(&path).and_then(|m| Ok((m, std::fs::read(&path)?))) {
                Ok(x) => x,
                Err(e) => {
                    report.problems.push(FixProblem::Read(path, e));
                    continue;
                }
            };
        let edits = fix::file_edits(&src, &ds, unsafe_too);
        if edits.is_empty() {
            continue;
        }
        let Some(new) = fix::apply(&src, &edits) else {
            report.problems.push(FixProblem::BadEdits(path));
            continue;
        };
        if new == src {
            continue;
        }
        let shown = ds.first().map_or_else(String::new, |d| d.file.clone());
        if diff_only {
            write_diff(out, &shown, &src, &new)?;
            report.fixed.push((path, edits.len()));
            continue;
        }
        match replace_if_unchanged(&path, &meta, &src, &new) {
            Ok(()) => report.fixed.push((path, edits.len())),
            Err(p) => report.problems.push(p),
        }
    }
    Ok(report)
}

/// Writes `new` beside `path` and renames it over `path`, unless `path` no longer has the
/// bytes and modification time that were read.
fn replace_if_unchanged(
    path: &Path,
    meta: &std::fs::Metadata,
    src: &[u8],
    new: &[u8],
) -> Result<(), FixProblem> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.gotags-fix-{}", std::process::id()));
    let write = || -> io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(new)?;
        f.set_permissions(meta.permissions())?;
        f.sync_all()
    };
    if let Err(e) = write() {
        let _ = std::fs::remove_file(&tmp);
        return Err(FixProblem::Write(path.to_path_buf(), e));
    }
    let now = std::fs::metadata(path).ok();
    let same = now
        .is_some_and(|m| m.len() == meta.len() && m.modified().ok() == meta.modified().ok())
        && std::fs::read(path).is_ok_and(|b| b == src);
    if !same {
        let _ = std::fs::remove_file(&tmp);
        return Err(FixProblem::Changed(path.to_path_buf()));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        FixProblem::Write(path.to_path_buf(), e)
    })
}

/// A unified diff of one file with a single hunk around the changed lines.
fn write_diff(out: &mut dyn Write, shown: &str, old: &[u8], new: &[u8]) -> io::Result<()> {
    let a: Vec<&[u8]> = old.split_inclusive(|&b| b == b'\n').collect();
    let b: Vec<&[u8]> = new.split_inclusive(|&b| b == b'\n').collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let ctx = 3;
    let start = prefix.saturating_sub(ctx);
    let a_end = (a.len() - suffix + ctx).min(a.len());
    let b_end = (b.len() - suffix + ctx).min(b.len());
    writeln!(out, "--- a/{shown}\n+++ b/{shown}")?;
    writeln!(
        out,
        "@@ -{},{} +{},{} @@",
        start + 1,
        a_end - start,
        start + 1,
        b_end - start
    )?;
    let line = |out: &mut dyn Write, mark: char, l: &[u8]| -> io::Result<()> {
        write!(out, "{mark}")?;
        out.write_all(l)?;
        if !l.ends_with(b"\n") {
            writeln!(out, "\n\\ No newline at end of file")?;
        }
        Ok(())
    };
    let runs = [
        (' ', &a[start..prefix]),
        ('-', &a[prefix..a.len() - suffix]),
        ('+', &b[prefix..b.len() - suffix]),
        (' ', &a[a.len() - suffix..a_end]),
    ];
    for (mark, lines) in runs {
        for l in lines {
            line(out, mark, l)?;
        }
    }
    Ok(())
}
