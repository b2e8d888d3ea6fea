//! Library-level checks on the corpus modules: the asset tree is read once however many
//! platforms are reported.

use super::collect;
use crate::context::BuildContext;
use crate::embed::AssetCache;
use crate::platform::ports;
use crate::walk;
use std::path::Path;

fn contexts(ports: &[(&str, &str)]) -> Vec<BuildContext> {
    ports
        .iter()
        .map(|(os, arch)| BuildContext::for_port(os, arch, false, &[]).expect("port"))
        .collect()
}

fn all_ports() -> Vec<BuildContext> {
    let p: Vec<(&str, &str)> = ports().iter().map(|p| (p.goos, p.goarch)).collect();
    contexts(&p)
}

/// Disk calls made by one report over `module` for `ctxs`, with a fresh cache.
fn disk_calls(module: &str, ctxs: &[BuildContext]) -> u64 {
    let start = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(module);
    let m = walk::find_module(&start).expect("module");
    let (dirs, _) = walk::walk(&m, &start);
    let cache = AssetCache::new();
    let r = collect(&m, &dirs, ctxs, &cache, ctxs.len() > 1);
    assert!(!r.variables.is_empty());
    cache.disk_calls()
}

#[test]
fn forty_nine_platforms_read_the_assets_once() {
    let one = disk_calls("sample", &contexts(&[("linux", "amd64")]));
    assert!(one > 0);
    assert_eq!(disk_calls("sample", &all_ports()), one);
    // With platform-specific directives, 49 platforms cost what the distinct variants cost:
    // linux (LinuxFS) plus windows (Icon); the other 47 add nothing.
    let variants = disk_calls(
        "embedsizes",
        &contexts(&[("linux", "amd64"), ("windows", "amd64")]),
    );
    assert_eq!(disk_calls("embedsizes", &all_ports()), variants);
}

#[test]
fn a_second_report_on_the_same_cache_makes_no_disk_calls() {
    let start = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/embedsizes");
    let m = walk::find_module(&start).expect("module");
    let (dirs, _) = walk::walk(&m, &start);
    let cache = AssetCache::new();
    let first = collect(&m, &dirs, &all_ports(), &cache, true);
    let calls = cache.disk_calls();
    let second = collect(&m, &dirs, &all_ports(), &cache, true);
    assert_eq!(cache.disk_calls(), calls);
    assert_eq!(first.variables, second.variables);
    assert_eq!(first.platforms, second.platforms);
}
