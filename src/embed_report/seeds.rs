//! From one file's `//go:embed` patterns (as `FileFacts` collected them) to variables: the
//! patterns are grouped into directive lines, and consecutive directives that precede the same
//! declaration into one variable ([`super::vardecl`]).
//!
//! The facts keep the patterns but not the source text, so this re-reads the `.go` file —
//! only files with directives, once per run whatever the number of platforms. Asset files
//! are never read.

use super::vardecl::{embed_import_name, find_var, VarLookup};
use crate::embed::{scan_directives, EmbedPatternAt};
use std::path::Path;

/// One `//go:embed` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedDirective {
    pub line: u32,
    /// Column of the `//`.
    pub column: u32,
    pub patterns: Vec<EmbedPatternAt>,
}

/// The directives that apply to one declaration (or that have none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarSeed {
    pub decl: VarLookup,
    pub directives: Vec<SeedDirective>,
}

/// Reads `path` and groups `embeds` (its collected patterns) into variables. If the file can
/// no longer be read, every directive gets a [`VarLookup::Missing`] saying so.
pub fn file_seeds(path: &Path, embeds: &[EmbedPatternAt]) -> Vec<VarSeed> {
    match crate::facts::read_bounded(path) {
        Ok(src) => group(Ok(&src), embeds),
        Err(e) => group(
            Err(&format!(
                "cannot re-read {}: {}",
                path.display(),
                crate::facts::go_errno_text(&e)
            )),
            embeds,
        ),
    }
}

/// [`file_seeds`] over the source text (or the reason it is missing).
pub fn group(src: Result<&[u8], &str>, embeds: &[EmbedPatternAt]) -> Vec<VarSeed> {
    // Directive lines in file order, with the column of their `//` when the rescan finds them.
    let columns: Vec<(u32, u32)> = match src {
        Ok(s) => scan_directives(s)
            .directives
            .iter()
            .map(|d| (d.line, d.column))
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut directives: Vec<SeedDirective> = Vec::new();
    for p in embeds {
        match directives.last_mut() {
            Some(d) if d.line == p.line => d.patterns.push(p.clone()),
            _ => {
                let column = columns
                    .iter()
                    .find(|(l, _)| *l == p.line)
                    .map_or(1, |(_, c)| *c);
                directives.push(SeedDirective {
                    line: p.line,
                    column,
                    patterns: vec![p.clone()],
                });
            }
        }
    }
    let embed_name = match src {
        Ok(s) => embed_import_name(s),
        Err(_) => "embed".into(),
    };
    let mut out: Vec<VarSeed> = Vec::new();
    for d in directives {
        let decl = match src {
            Ok(s) => find_var(s, d.line, &embed_name),
            Err(why) => VarLookup::Missing(why.to_string()),
        };
        let same_var = match (out.last(), &decl) {
            (Some(prev), VarLookup::Found(v)) => {
                matches!(&prev.decl, VarLookup::Found(p) if p.line == v.line && p.column == v.column)
            }
            _ => false,
        };
        match out.last_mut() {
            Some(prev) if same_var => prev.directives.push(d),
            _ => out.push(VarSeed {
                decl,
                directives: vec![d],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed_report::vardecl::VarType;

    fn pats(src: &str) -> Vec<EmbedPatternAt> {
        scan_directives(src.as_bytes())
            .directives
            .into_iter()
            .flat_map(|d| d.patterns)
            .collect()
    }

    #[test]
    fn directives_group_into_variables() {
        let src = "package p\n\nimport \"embed\"\n\n//go:embed a b\n//go:embed c\nvar f embed.FS\n\n\t//go:embed d\nvar s string\n//go:embed e\n";
        let seeds = group(Ok(src.as_bytes()), &pats(src));
        assert_eq!(seeds.len(), 3);
        assert_eq!(seeds[0].directives.len(), 2);
        assert_eq!(seeds[0].directives[0].patterns.len(), 2);
        let VarLookup::Found(v) = &seeds[0].decl else {
            panic!("no var")
        };
        assert_eq!((v.name.as_str(), v.ty.clone()), ("f", Some(VarType::Fs)));
        assert_eq!(seeds[1].directives[0].column, 2);
        assert!(matches!(&seeds[2].decl, VarLookup::Missing(m) if m.contains("end of file")));
    }

    #[test]
    fn unreadable_source_keeps_patterns() {
        let src = "package p\nimport \"embed\"\n//go:embed a\nvar s string\n";
        let seeds = group(Err("gone"), &pats(src));
        assert_eq!(seeds.len(), 1);
        assert_eq!(seeds[0].decl, VarLookup::Missing("gone".into()));
        assert_eq!(seeds[0].directives[0].patterns[0].pattern, "a");
    }
}
