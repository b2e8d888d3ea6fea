//! From one file's `//go:embed` patterns (as `FileFacts` collected them) to variables: the
//! patterns are grouped into directive lines, and consecutive directives that precede the same
//! declaration into one variable ([`crate::syntax::embed`]).
//!
//! The facts located each directive line and the declaration after it in their single read
//! ([`crate::facts::EmbedDecl`]), so nothing is read here. Asset files are never read.

use crate::embed::{scan_directives, EmbedPatternAt};
use crate::facts::{embed_decls, EmbedDecl, HeaderFacts};
use crate::syntax::embed::VarLookup;

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

/// Groups a file's collected patterns into variables, from its header facts.
pub fn file_seeds(h: &HeaderFacts) -> Vec<VarSeed> {
    from_decls(h.embeds(), Ok(h.embed_decls()))
}

/// Groups `embeds` into variables over the source text (or the reason it is missing).
pub fn group(src: Result<&[u8], &str>, embeds: &[EmbedPatternAt]) -> Vec<VarSeed> {
    match src {
        Ok(s) => from_decls(embeds, Ok(&embed_decls(s, &scan_directives(s).directives))),
        Err(why) => from_decls(embeds, Err(why)),
    }
}

/// Groups `embeds` by directive line, then consecutive directives that precede the same
/// declaration into one variable.
fn from_decls(embeds: &[EmbedPatternAt], decls: Result<&[EmbedDecl], &str>) -> Vec<VarSeed> {
    let found = |line: u32| match decls {
        Ok(d) => d.iter().find(|d| d.line == line),
        Err(_) => None,
    };
    let mut directives: Vec<SeedDirective> = Vec::new();
    for p in embeds {
        match directives.last_mut() {
            Some(d) if d.line == p.line => d.patterns.push(p.clone()),
            _ => directives.push(SeedDirective {
                line: p.line,
                column: found(p.line).map_or(1, |d| d.column),
                patterns: vec![p.clone()],
            }),
        }
    }
    let mut out: Vec<VarSeed> = Vec::new();
    for d in directives {
        let decl = match decls {
            Ok(_) => found(d.line).map_or_else(
                || VarLookup::Missing("no //go:embed line here".into()),
                |e| e.decl.clone(),
            ),
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
    use crate::syntax::embed::VarType;

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
