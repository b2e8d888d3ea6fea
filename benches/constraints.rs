//! Parser benchmarks: `//go:build` and `// +build` parsing, and evaluation.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use gotags::constraint;
use gotags::context::BuildContext;

const GO_BUILD: &[&str] = &[
    "linux",
    "linux && amd64",
    "(linux || darwin || freebsd) && !cgo && go1.21",
    "!windows && !plan9 && !js && !wasip1 && (amd64 || arm64 || ppc64le || s390x) && !purego",
];

fn bench(c: &mut Criterion) {
    c.bench_function("parse //go:build (4 expressions)", |b| {
        b.iter(|| {
            for e in GO_BUILD {
                black_box(constraint::parse_go_build(black_box(e)).ok());
            }
        })
    });
    c.bench_function("parse // +build line", |b| {
        b.iter(|| {
            black_box(
                constraint::parse_plus_build(black_box("linux,amd64 darwin,!cgo freebsd,386")).ok(),
            )
        })
    });
    let ctx = BuildContext::for_port("linux", "amd64", true, &[]).expect("linux/amd64 is a port");
    let exprs: Vec<_> = GO_BUILD
        .iter()
        .filter_map(|e| constraint::parse_go_build(e).ok())
        .collect();
    c.bench_function("evaluate (4 expressions, one context)", |b| {
        b.iter(|| {
            for e in &exprs {
                black_box(e.eval(&mut |t| ctx.match_tag(t)));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
