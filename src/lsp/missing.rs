//! The code lens on a top-level declaration: on which configurations it is missing, i.e.
//! where the package builds (some non-test Go file compiles) but no compiled file of the
//! package declares the name (for a method, on its receiver type).

use super::explain::{compiles, group};
use crate::configs::ConfigSet;
use crate::facts::FileFacts;
use crate::syntax::decls::Decl;
use crate::walk::DirFacts;

/// One lens: the declaration's 1-based line and column, and its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lens {
    pub line: u32,
    pub column: u32,
    pub title: String,
}

fn decls(f: &FileFacts) -> &[Decl] {
    f.body
        .as_ref()
        .and_then(|b| b.decls.as_ref())
        .map(|s| s.decls.as_slice())
        .unwrap_or_default()
}

/// The lenses of `f` (a file of `d`): one per top-level name missing somewhere.
pub fn lenses(d: &DirFacts, f: &FileFacts, configs: &ConfigSet) -> Vec<Lens> {
    if !f.is_go() || f.is_test() {
        return Vec::new();
    }
    let files: Vec<&FileFacts> = d
        .files
        .iter()
        .filter(|g| g.is_go() && !g.is_test())
        .collect();
    let built: Vec<Vec<bool>> = files
        .iter()
        .map(|g| configs.contexts.iter().map(|c| compiles(g, c)).collect())
        .collect();
    let present: Vec<bool> = (0..configs.len())
        .map(|p| built.iter().any(|b| b[p]))
        .collect();
    let mut out = Vec::new();
    for decl in decls(f) {
        if decl.name == "_" || (decl.name == "init" && decl.receiver.is_none()) {
            continue;
        }
        let key = decl.key();
        let declared: Vec<bool> = (0..configs.len())
            .map(|p| {
                files
                    .iter()
                    .zip(&built)
                    .any(|(g, b)| b[p] && decls(g).iter().any(|x| x.key() == key))
            })
            .collect();
        let missing: Vec<usize> = (0..configs.len())
            .filter(|&p| present[p] && !declared[p])
            .collect();
        if missing.is_empty() {
            continue;
        }
        out.push(Lens {
            line: decl.line,
            column: decl.column,
            title: format!(
                "{} missing on {} of {} configurations: {}",
                decl.name,
                missing.len(),
                configs.len(),
                group(configs, &missing).join("; ")
            ),
        });
    }
    out
}
