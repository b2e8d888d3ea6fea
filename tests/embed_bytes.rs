//! What `//go:embed` adds to a real binary, against `gotags embed --exact`'s binary estimate.
//!
//! `corpus/embedbytes/generate.go` writes the module twice (with and without its `//go:embed`
//! lines) into a temporary directory; `cmd/app` is built stripped (`-trimpath -ldflags='-s
//! -w'`, CGO_ENABLED=0) for linux/amd64, windows/arm64 and linux/386, and the growth of the
//! binary must match gotags's estimate for that main package within 0.5%. Needs `go` (or
//! `GOTAGS_GO`); skipped without it, a failure when `GOTAGS_REQUIRE_GO=1` (CI).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const PLATFORMS: [&str; 3] = ["linux/amd64", "windows/arm64", "linux/386"];
/// The largest relative error allowed.
const TOLERANCE: f64 = 0.005;

fn go() -> Option<PathBuf> {
    let go = std::env::var_os("GOTAGS_GO").map_or_else(|| PathBuf::from("go"), PathBuf::from);
    let ok = Command::new(&go)
        .arg("version")
        .env("GOTOOLCHAIN", "local")
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some(go);
    }
    assert!(
        std::env::var("GOTAGS_REQUIRE_GO").as_deref() != Ok("1"),
        "embed_bytes: GOTAGS_REQUIRE_GO=1 but no Go toolchain runs ({})",
        go.display()
    );
    println!("embed_bytes: skipped (no Go toolchain)");
    None
}

fn go_cmd(go: &Path, dir: &Path) -> Command {
    let mut c = Command::new(go);
    c.current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "")
        .env("GO111MODULE", "on")
        .env("CGO_ENABLED", "0")
        .env("GOWORK", "off");
    c
}

fn run(mut c: Command, what: &str) {
    let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn generate(go: &Path, to: &Path, without: bool) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/embedbytes/generate.go");
    let mut c = go_cmd(go, to.parent().unwrap_or(to));
    c.arg("run").arg(&script);
    if without {
        c.arg("-without");
    }
    c.arg(to);
    run(c, "go run generate.go");
}

fn build(go: &Path, module: &Path, platform: &str, out: &Path) -> u64 {
    let (goos, goarch) = platform.split_once('/').unwrap_or((platform, ""));
    let mut c = go_cmd(go, module);
    c.env("GOOS", goos)
        .env("GOARCH", goarch)
        .args(["build", "-trimpath", "-ldflags=-s -w", "-o"]);
    c.arg(out).arg("./cmd/app");
    run(c, &format!("go build {platform}"));
    std::fs::metadata(out).map(|m| m.len()).unwrap_or(0)
}

fn gotags_embed(module: &Path, platform: &str, exact: bool) -> Value {
    let mut args = vec!["embed", "--platforms", platform, "--format", "json"];
    if exact {
        args.push("--exact");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(&args)
        .current_dir(module)
        .output()
        .expect("run gotags");
    assert!(
        out.status.success(),
        "gotags embed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// The binary estimate of `main` on the report's only platform.
fn estimate(report: &Value, main: &str) -> u64 {
    let binaries = report["platforms"][0]["binaries"]
        .as_array()
        .expect("binaries");
    let b = binaries
        .iter()
        .find(|b| b["package"] == main)
        .unwrap_or_else(|| panic!("{main} missing from {binaries:?}"));
    b["binary"]["total"].as_u64().expect("total")
}

#[test]
fn binary_estimate_matches_go_build_within_half_a_percent() {
    let Some(go) = go() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let with = tmp.path().join("with");
    let without = tmp.path().join("without");
    generate(&go, &with, false);
    generate(&go, &without, true);
    let mut failures = Vec::new();
    for platform in PLATFORMS {
        let grown = build(&go, &with, platform, &tmp.path().join("with.bin"))
            - build(&go, &without, platform, &tmp.path().join("without.bin"));
        let exact = gotags_embed(&with, platform, true);
        let est = estimate(&exact, "example.com/embedbytes/cmd/app");
        let contents_only = exact["platforms"][0]["totals"]["total"]
            .as_u64()
            .unwrap_or(0);
        let err = (est as f64 - grown as f64) / grown as f64;
        println!(
            "{platform}: binary grows {grown} B; gotags --exact estimates {est} B ({:+.3}%); \
             file contents alone {contents_only} B ({:+.2}%)",
            err * 100.0,
            (contents_only as f64 - grown as f64) / grown as f64 * 100.0
        );
        if err.abs() > TOLERANCE {
            failures.push(format!(
                "{platform}: {est} vs {grown} ({:+.3}%)",
                err * 100.0
            ));
        }
        // cmd/tiny links nothing that embeds; the module-wide estimate is cmd/app's.
        assert_eq!(estimate(&exact, "example.com/embedbytes/cmd/tiny"), 0);
        assert_eq!(exact["platforms"][0]["binary"]["total"].as_u64(), Some(est));
        // Without --exact the five identical 30,000-byte files are five contents (each
        // 32-byte aligned: 30,016 B).
        let meta = gotags_embed(&with, platform, false);
        assert_eq!(
            estimate(&meta, "example.com/embedbytes/cmd/app"),
            est + 4 * 30_016,
            "{platform}: metadata-only estimate"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Per-binary totals follow each main package's imports, and `--budget-binary` fails (exit 1)
/// naming the main package; no Go needed.
#[test]
fn per_binary_totals_and_budget() {
    let t = tempfile::tempdir().expect("tempdir");
    let files: &[(&str, &str)] = &[
        ("go.mod", "module example.com/bin\n\ngo 1.21\n"),
        (
            "web/web.go",
            "package web\n\nimport \"embed\"\n\n//go:embed static\nvar Static embed.FS\n",
        ),
        ("web/static/index.html", "<html>hello</html>\n"),
        ("web/static/app.js", "console.log(1)\n"),
        (
            "lib/lib.go",
            "package lib\n\nimport _ \"example.com/bin/web\"\n",
        ),
        (
            "cmd/server/main.go",
            "package main\n\nimport _ \"example.com/bin/lib\"\n\nfunc main() {}\n",
        ),
        ("cmd/tool/main.go", "package main\n\nfunc main() {}\n"),
    ];
    for (name, text) in files {
        let p = t.path().join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let report = gotags_embed(t.path(), "linux/amd64", false);
    let server = estimate(&report, "example.com/bin/cmd/server");
    // Two files (19 + 15 B), entries static/, static/app.js, static/index.html: names
    // 7 + 13 + 17 B; the var (8 B) and the table (24 + 3 × 48 = 168 → 192 B).
    assert_eq!(server, 19 + 15 + 7 + 13 + 17 + 8 + 192);
    assert_eq!(estimate(&report, "example.com/bin/cmd/tool"), 0);
    let b = report["platforms"][0]["binaries"]
        .as_array()
        .expect("binaries")
        .iter()
        .find(|b| b["package"] == "example.com/bin/cmd/server")
        .cloned()
        .unwrap_or_default();
    assert_eq!(b["embeds_from"], serde_json::json!(["example.com/bin/web"]));
    assert_eq!(b["totals"]["total"], 34);

    let run = |budget: &str| {
        Command::new(env!("CARGO_BIN_EXE_gotags"))
            .args(["embed", "--platforms", "linux/386,linux/amd64"])
            .args(["--budget-binary", budget])
            .current_dir(t.path())
            .output()
            .expect("run gotags")
    };
    let over = run("200B");
    assert_eq!(over.status.code(), Some(1));
    let text = String::from_utf8_lossy(&over.stdout);
    assert!(text.contains("per binary budget 200 B"), "{text}");
    assert!(
        text.contains("main package: example.com/bin/cmd/server"),
        "{text}"
    );
    let within = run(&server.to_string());
    assert_eq!(
        within.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&within.stdout)
    );
}
