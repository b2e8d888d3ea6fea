//! Whole-`list` benchmarks over a generated module of 10,000 files (500 packages × 20 files
//! with platform suffixes, `//go:build` lines, tests, cgo and assembly): the parallel walk that
//! reads every file once, and the evaluation of one context against the facts.

use criterion::{criterion_group, criterion_main, Criterion};
use gotags::context::BuildContext;
use gotags::embed::AssetCache;
use gotags::list::{self, ListOptions};
use gotags::walk;
use std::fs;
use std::path::Path;

fn generate(root: &Path) {
    fs::write(root.join("go.mod"), "module example.com/big\n\ngo 1.23\n").expect("write go.mod");
    let suffixes = [
        "",
        "_linux",
        "_windows",
        "_darwin_arm64",
        "_amd64",
        "_test",
        "_linux_test",
    ];
    let constraints = [
        "",
        "//go:build unix\n\n",
        "//go:build !windows && (amd64 || arm64)\n\n",
        "// +build linux darwin\n\n",
    ];
    for p in 0..500 {
        let dir = root.join(format!("pkg{:03}/sub{}", p / 10, p % 10));
        fs::create_dir_all(&dir).expect("mkdir");
        for f in 0..20 {
            let suffix = suffixes[f % suffixes.len()];
            let name = format!("file{f:02}{suffix}.go");
            let body = format!(
                "// Copyright 2024 The Authors.\n\n{}package sub{}\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc F{f}() {{ fmt.Println(os.Args) }}\n",
                constraints[f % constraints.len()],
                p % 10
            );
            fs::write(dir.join(name), body).expect("write");
        }
    }
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    generate(tmp.path());
    let module = walk::find_module(tmp.path()).expect("module");
    let ctx = BuildContext::for_port("linux", "amd64", true, &[]).expect("port");
    let mut group = c.benchmark_group("list 10k files");
    group.sample_size(20);
    group.bench_function("walk + read facts", |b| {
        b.iter(|| walk::walk(&module, tmp.path()))
    });
    let (dirs, _) = walk::walk(&module, tmp.path());
    group.bench_function("evaluate one context", |b| {
        b.iter(|| {
            let cache = AssetCache::new();
            list::list(
                &module,
                &dirs,
                &ctx,
                &cache,
                tmp.path(),
                ListOptions::default(),
            )
        })
    });
    group.bench_function("evaluate 49 ports × cgo on/off", |b| {
        let contexts: Vec<_> = gotags::platform::ports()
            .iter()
            .flat_map(|p| {
                [true, false]
                    .map(|cgo| BuildContext::for_port(p.goos, p.goarch, cgo, &[]).expect("port"))
            })
            .collect();
        b.iter(|| {
            let cache = AssetCache::new();
            for ctx in &contexts {
                list::list(
                    &module,
                    &dirs,
                    ctx,
                    &cache,
                    tmp.path(),
                    ListOptions::default(),
                );
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
