//! Human-readable listing: one block per package with its non-empty file lists and error.

use crate::context::BuildContext;
use crate::list::ListedPackage;
use std::io::{self, Write};

/// What `list` prints about files the context excludes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// One line per ignored file with the reason.
    List,
    /// One line with the count.
    Count,
    /// Nothing.
    Hide,
}

/// Layout of the listing.
#[derive(Clone, Copy, Debug)]
pub struct ListView {
    /// Wrap file lists at this many columns (`None`: one line each, for scripts).
    pub width: Option<usize>,
    pub ignored: Ignored,
}

/// `label` (padded to 14) then the words, wrapped under the first word at `width`.
fn file_line(label: &str, words: &[String], width: Option<usize>) -> String {
    let indent = 4 + 15;
    let mut line = format!("    {label:<14}");
    let mut col = line.chars().count();
    for (i, w) in words.iter().enumerate() {
        let n = w.chars().count();
        if i > 0 && width.is_some_and(|wd| col + 1 + n > wd) {
            line.push('\n');
            line.push_str(&" ".repeat(indent));
            col = indent;
        } else {
            line.push(' ');
            col += 1;
        }
        line.push_str(w);
        col += n;
    }
    line
}

/// The listing laid out as `view` says.
pub fn write_packages_view(
    out: &mut impl Write,
    packages: &[ListedPackage],
    ctx: &BuildContext,
    view: ListView,
) -> io::Result<()> {
    writeln!(out, "# {} ({} packages)", ctx.label(), packages.len())?;
    for p in packages {
        let name = if p.name.is_empty() {
            "?"
        } else {
            p.name.as_str()
        };
        writeln!(out, "{}  [package {}]", p.import_path, name)?;
        let lists: [(&str, &Vec<String>); 18] = [
            ("go", &p.go_files),
            ("cgo", &p.cgo_files),
            ("test", &p.test_go_files),
            ("xtest", &p.xtest_go_files),
            ("c", &p.c_files),
            ("c++", &p.cxx_files),
            ("objc", &p.m_files),
            ("h", &p.h_files),
            ("fortran", &p.f_files),
            ("asm", &p.s_files),
            ("swig", &p.swig_files),
            ("swig++", &p.swig_cxx_files),
            ("syso", &p.syso_files),
            ("embed", &p.embed_files),
            ("test embed", &p.test_embed_files),
            ("xtest embed", &p.xtest_embed_files),
            ("invalid", &p.invalid_go_files),
            ("embed patterns", &p.embed_patterns),
        ];
        for (label, files) in lists {
            if !files.is_empty() {
                writeln!(out, "{}", file_line(label, files, view.width))?;
            }
        }
        match view.ignored {
            Ignored::List => {
                for (file, reason) in &p.ignored_reasons {
                    writeln!(out, "    ignored        {file}: {reason}")?;
                }
            }
            Ignored::Count if !p.ignored_reasons.is_empty() => {
                let n = p.ignored_reasons.len();
                let s = if n == 1 { "" } else { "s" };
                writeln!(
                    out,
                    "    ignored        {n} file{s} (--ignored list shows why)"
                )?;
            }
            Ignored::Count | Ignored::Hide => {}
        }
        if let Some(e) = &p.error {
            if e.pos.is_empty() {
                writeln!(out, "    error          {}", e.err)?;
            } else {
                writeln!(out, "    error          {}: {}", e.pos, e.err)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_lists_wrap_under_the_first_file() {
        let words: Vec<String> = (0..12).map(|i| format!("file{i:02}.go")).collect();
        let text = file_line("go", &words, Some(60));
        for l in text.lines() {
            assert!(l.chars().count() <= 60, "{l:?}");
        }
        assert!(text.lines().count() > 1);
        assert!(text.lines().skip(1).all(|l| l.starts_with(&" ".repeat(19))));
        assert_eq!(file_line("go", &words, None).lines().count(), 1);
    }
}
