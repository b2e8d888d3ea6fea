//! What the hovers and code lenses say: which configurations compile a file (grouped by
//! GOOS as `gotags matrix` groups them, with the reason for the others), what a
//! `//go:embed` pattern matches, and the command a `//go:generate` line runs per platform.

use crate::classify::eval_expr;
use crate::configs::ConfigSet;
use crate::context::BuildContext;
use crate::embed::AssetCache;
use crate::facts::{FileFacts, HeaderOutcome};
use crate::generate::{self, KeepAll, RunEnv};
use crate::walk::DirFacts;
use std::collections::BTreeMap;
use std::path::Path;

/// Does `f` compile under `ctx` (file name, constraints, cgo)?
pub fn compiles(f: &FileFacts, ctx: &BuildContext) -> bool {
    let mut tag = |t: &str| ctx.match_tag(t);
    if !f.name_constraint.matches(&mut tag) {
        return false;
    }
    match &f.header {
        HeaderOutcome::NotRead => true,
        HeaderOutcome::Read(h) => {
            let by_lines = match &h.go_build {
                Some(gb) => gb
                    .expr_for(ctx.release)
                    .as_ref()
                    .is_ok_and(|e| eval_expr(e, ctx)),
                None => h.plus_build.iter().all(|pb| {
                    pb.expr_for(ctx.release)
                        .as_ref()
                        .map_or(true, |e| eval_expr(e, ctx))
                }),
            };
            by_lines && (!f.is_go() || !h.imports_c() || ctx.cgo_enabled)
        }
        _ => false,
    }
}

/// Per configuration: does the file compile there?
pub fn compile_set(f: &FileFacts, configs: &ConfigSet) -> Vec<bool> {
    configs.contexts.iter().map(|c| compiles(f, c)).collect()
}

/// "compiles on N of M configurations".
pub fn lens_title(f: &FileFacts, configs: &ConfigSet) -> String {
    let n = compile_set(f, configs).iter().filter(|b| **b).count();
    format!("compiles on {n} of {} configurations", configs.len())
}

/// Groups configuration indexes by GOOS: `windows/*` when every checked configuration of
/// that GOOS is in the set, else the `goos/goarch` labels; each with "(n of total)".
pub fn group(configs: &ConfigSet, set: &[usize]) -> Vec<String> {
    let mut by_os: BTreeMap<&str, (Vec<usize>, usize)> = BTreeMap::new();
    for c in &configs.contexts {
        by_os.entry(c.goos.as_str()).or_default().1 += 1;
    }
    for &i in set {
        if let Some(c) = configs.contexts.get(i) {
            by_os.entry(c.goos.as_str()).or_default().0.push(i);
        }
    }
    let total = configs.len();
    by_os
        .into_iter()
        .filter(|(_, (got, _))| !got.is_empty())
        .map(|(os, (got, all))| {
            if got.len() == all {
                format!("{os}/* ({} of {total})", got.len())
            } else {
                let labels: Vec<&str> = got.iter().map(|&i| configs.label(i)).collect();
                format!("{} ({} of {total})", labels.join(", "), got.len())
            }
        })
        .collect()
}

/// Why `f` does not compile under `ctx`.
fn reason(f: &FileFacts, ctx: &BuildContext) -> String {
    let mut tag = |t: &str| ctx.match_tag(t);
    if !f.name_constraint.matches(&mut tag) {
        return format!(
            "the file name suffix ({})",
            f.name_constraint.tags().join(", ")
        );
    }
    match &f.header {
        HeaderOutcome::Read(h) => {
            let line = h.go_build.as_deref().filter(|gb| {
                !gb.expr_for(ctx.release)
                    .as_ref()
                    .is_ok_and(|e| crate::classify::eval_expr(e, ctx))
            });
            if let Some(gb) = line {
                return format!("`{}` is false", gb.line.text);
            }
            for pb in &h.plus_build {
                if pb
                    .expr_for(ctx.release)
                    .as_ref()
                    .is_ok_and(|e| !crate::classify::eval_expr(e, ctx))
                {
                    return format!("`{}` is false", pb.line.text);
                }
            }
            if h.imports_c() && !ctx.cgo_enabled {
                return "cgo is off (the file imports \"C\")".into();
            }
            "the header".into()
        }
        HeaderOutcome::NotRead => "not read".into(),
        _ => "the file cannot be read".into(),
    }
}

/// The hover over a constraint line, in Markdown.
pub fn constraint_hover(f: &FileFacts, configs: &ConfigSet) -> String {
    let set = compile_set(f, configs);
    let yes: Vec<usize> = (0..set.len()).filter(|&i| set[i]).collect();
    let mut out = format!(
        "**{}** compiles on {} of {} configurations\n",
        f.name,
        yes.len(),
        configs.len()
    );
    for g in group(configs, &yes) {
        out.push_str(&format!("- {g}\n"));
    }
    let mut why: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, ctx) in configs.contexts.iter().enumerate() {
        if !set[i] {
            why.entry(reason(f, ctx)).or_default().push(i);
        }
    }
    if !why.is_empty() {
        out.push_str("\nExcluded:\n");
        for (r, idx) in why {
            out.push_str(&format!("- {r}: {}\n", group(configs, &idx).join("; ")));
        }
    }
    out
}

/// The hover over a `//go:embed` line: per pattern on `line`, the files with sizes and the
/// hidden files a directory pattern dropped.
pub fn embed_hover(dir: &Path, f: &FileFacts, line: u32) -> Option<String> {
    let HeaderOutcome::Read(h) = &f.header else {
        return None;
    };
    let pats: Vec<_> = h.embeds().iter().filter(|p| p.line == line).collect();
    if pats.is_empty() {
        return None;
    }
    let cache = AssetCache::new();
    let mut out = String::new();
    for p in pats {
        out.push_str(&format!("**{}**\n", p.pattern));
        match crate::embed::resolve::explain_pattern(&cache, dir, &p.pattern) {
            Err(e) => out.push_str(&format!("- error: {e}\n")),
            Ok(r) => {
                let total: u64 = r.files.iter().map(|f| f.size).sum();
                out.push_str(&format!("{} files, {total} bytes\n", r.files.len()));
                for file in r.files.iter().take(50) {
                    out.push_str(&format!("- {} ({} bytes)\n", file.rel, file.size));
                }
                if r.files.len() > 50 {
                    out.push_str(&format!("- … {} more\n", r.files.len() - 50));
                }
                if !r.skipped_hidden.is_empty() {
                    out.push_str(&format!(
                        "\nLeft out (names starting with `.` or `_`; `all:{}` keeps them):\n",
                        p.pattern
                    ));
                    for s in &r.skipped_hidden {
                        out.push_str(&format!("- {s}\n"));
                    }
                }
            }
        }
    }
    Some(out)
}

/// The hover over a `//go:generate` line: the command go generate runs, per group of
/// platforms where it differs.
pub fn generate_hover(
    d: &DirFacts,
    f: &FileFacts,
    line: u32,
    configs: &ConfigSet,
    goroot: &str,
) -> Option<String> {
    let no_env = |_: &str| None;
    let env = RunEnv {
        goroot: goroot.to_string(),
        path: String::new(),
        cwd: &d.dir,
        process_env: &no_env,
    };
    let mut by_cmd: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in configs.contexts.iter().enumerate() {
        let ctx = generate::generate_context(c);
        if !compiles(f, &ctx) {
            continue;
        }
        let Some(plan) = generate::plan::plan_one(d, f, &ctx, &env, &KeepAll) else {
            continue;
        };
        let cmd = match plan.steps.iter().find(|s| s.line == line) {
            Some(s) => s
                .words
                .iter()
                .map(|w| shell_word(&String::from_utf8_lossy(w)))
                .collect::<Vec<_>>()
                .join(" "),
            None => match &plan.error {
                Some(e) if e.line <= line => format!("(not run: {})", e.message),
                _ => continue,
            },
        };
        by_cmd.entry(cmd).or_default().push(i);
    }
    if by_cmd.is_empty() {
        return Some("go generate does not run this line on any checked configuration".into());
    }
    let single = by_cmd.len() == 1;
    let mut out = String::from("go generate runs:\n");
    for (cmd, idx) in by_cmd {
        out.push_str(&format!("```sh\n{cmd}\n```\n"));
        if !single || idx.len() != configs.len() {
            out.push_str(&format!("on {}\n", group(configs, &idx).join("; ")));
        }
    }
    Some(out)
}

fn shell_word(w: &str) -> String {
    let plain = !w.is_empty()
        && w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:@,+%".contains(&b));
    if plain {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{ContextOverrides, HostInfo};
    use crate::facts::ReadDepth;

    fn linux_under(minor: u32) -> BuildContext {
        let overrides = ContextOverrides {
            goos: Some("linux".into()),
            goarch: Some("amd64".into()),
            tags: Some(Vec::new()),
            cgo: Some(false),
            release: crate::go::release::by_minor(minor),
        };
        let host = HostInfo {
            goos: "linux".into(),
            goarch: "amd64".into(),
        };
        BuildContext::from_env(&|_| None, &overrides, &host, &|_| false).expect("context")
    }

    /// Go 1.21 has no size limit on constraint lines and 1.22 on does: a 1,001-term line
    /// compiles under 1.21 and is an error under 1.22, and the hover says so per release.
    #[test]
    fn an_over_long_constraint_line_is_judged_by_each_release() {
        let terms: Vec<String> = (0..1000).map(|i| format!("tag{i}")).collect();
        let src = format!("//go:build linux || {}\n\npackage p\n", terms.join(" || "));
        let f = FileFacts::from_bytes(
            Path::new("/m/p.go"),
            "p.go",
            src.as_bytes(),
            false,
            ReadDepth::Header,
        );
        assert!(compiles(&f, &linux_under(21)));
        assert!(!compiles(&f, &linux_under(22)));
    }
}
