//! Human-readable listing: one block per package with its non-empty file lists and error.

use crate::context::BuildContext;
use crate::list::ListedPackage;
use std::io::{self, Write};

pub fn write_packages(
    out: &mut impl Write,
    packages: &[ListedPackage],
    ctx: &BuildContext,
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
                writeln!(out, "    {label:<14} {}", files.join(" "))?;
            }
        }
        for (file, reason) in &p.ignored_reasons {
            writeln!(out, "    ignored        {file}: {reason}")?;
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
