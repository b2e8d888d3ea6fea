//! "Flags that compile this file": the smallest `-tags` set, with a GOOS/GOARCH (the host's
//! first, then the checked configurations in order), under which a file compiles, offered
//! as the gopls settings `build.env` and `build.buildFlags` a user pastes to make gopls
//! build that file.

use super::explain::compiles;
use crate::configs::ConfigSet;
use crate::constraint::Expr;
use crate::context::BuildContext;
use crate::facts::{FileFacts, HeaderOutcome};
use serde_json::{json, Value};

/// The most user tags tried together (2^N subsets at most).
const MAX_TAGS: usize = 10;

/// The flags found for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flags {
    pub goos: String,
    pub goarch: String,
    /// `Some` when the file's answer depends on cgo (it imports "C" or names the tag).
    pub cgo: Option<bool>,
    pub tags: Vec<String>,
}

impl Flags {
    /// The gopls settings, as JSON.
    pub fn gopls_settings(&self) -> Value {
        let mut env = json!({"GOOS": self.goos, "GOARCH": self.goarch});
        if let Some(cgo) = self.cgo {
            env["CGO_ENABLED"] = json!(if cgo { "1" } else { "0" });
        }
        let flags: Vec<String> = if self.tags.is_empty() {
            Vec::new()
        } else {
            vec![format!("-tags={}", self.tags.join(","))]
        };
        json!({"build.env": env, "build.buildFlags": flags})
    }

    /// `GOOS=windows GOARCH=amd64 -tags=a,b`, for titles.
    pub fn summary(&self) -> String {
        let mut s = format!("GOOS={} GOARCH={}", self.goos, self.goarch);
        if let Some(cgo) = self.cgo {
            s.push_str(&format!(" CGO_ENABLED={}", u8::from(cgo)));
        }
        if !self.tags.is_empty() {
            s.push_str(&format!(" -tags={}", self.tags.join(",")));
        }
        s
    }
}

/// The expressions of the file's constraint lines, as Go 1.21 reads them (it reads lines
/// over the later size limits: their tags count for it).
fn exprs(f: &FileFacts) -> impl Iterator<Item = &Expr> {
    let h = match &f.header {
        HeaderOutcome::Read(h) => Some(h),
        _ => None,
    };
    h.into_iter()
        .flat_map(|h| h.go_build.as_deref().into_iter().chain(&h.plus_build))
        .filter_map(|c| c.without_limits().as_ref().ok())
}

/// Tags a user sets with `-tags`: the constraint's tags that are not systems,
/// architectures, releases, experiments, feature levels or the compiler's own.
fn user_tags(f: &FileFacts) -> Vec<String> {
    let mut out: Vec<String> = exprs(f)
        .flat_map(|e| e.tags())
        .filter(|t| {
            !crate::platform::is_known_os(t)
                && !crate::platform::is_known_arch(t)
                && !matches!(
                    *t,
                    "unix" | "cgo" | "gc" | "gccgo" | "race" | "msan" | "asan"
                )
                && !t.starts_with("go1.")
                && !t.starts_with("goexperiment.")
                && !t.contains('.')
        })
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Does the file's answer depend on cgo?
fn cgo_matters(f: &FileFacts) -> bool {
    matches!(&f.header, HeaderOutcome::Read(h) if h.imports_c())
        || exprs(f).any(|e| e.tags().contains(&"cgo"))
}

/// The smallest flags under which `f` compiles, trying the configurations in `configs`
/// (the host's GOOS/GOARCH first); `None` when no tag set makes any of them compile it.
pub fn smallest(f: &FileFacts, configs: &ConfigSet) -> Option<Flags> {
    let mut tags = user_tags(f);
    tags.truncate(MAX_TAGS);
    let host = crate::context::HostInfo::current();
    let mut order: Vec<&BuildContext> = configs.contexts.iter().collect();
    order.sort_by_key(|c| c.goos != host.goos || c.goarch != host.goarch);
    let mut subsets: Vec<u32> = (0..(1u32 << tags.len())).collect();
    subsets.sort_by_key(|m| (m.count_ones(), *m));
    let cgo = cgo_matters(f);
    for mask in subsets {
        let chosen: Vec<String> = (0..tags.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| tags[i].clone())
            .collect();
        for &c in &order {
            let mut ctx = c.clone();
            ctx.build_tags.extend(chosen.iter().cloned());
            if compiles(f, &ctx) {
                return Some(Flags {
                    goos: ctx.goos.clone(),
                    goarch: ctx.goarch.clone(),
                    cgo: cgo.then_some(ctx.cgo_enabled),
                    tags: chosen,
                });
            }
        }
    }
    None
}
