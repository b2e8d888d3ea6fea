//! `gotags matrix --format html` in a real browser: headless Chromium loads the page, a
//! screenshot is produced, and the page's own error trap reports no script error (the
//! script marks `<body data-state="rendered">`, or writes errors into the title and an error
//! box). Without Chromium the test is skipped with a printed reason, unless
//! GOTAGS_REQUIRE_BROWSER=1 (CI), where a missing browser fails it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn page(module: &Path, out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(["matrix", "--cover", "--format", "html"])
        .current_dir(module)
        .output()
        .expect("run gotags");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::write(out, &o.stdout).expect("write page");
}

fn chromium(browser: &Path, profile: &Path, extra: &[&str], page: &Path) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium")
}

#[test]
fn the_page_renders_in_chromium_without_script_errors() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/sample");
    let tmp = tempfile::tempdir().expect("tempdir");
    let html = tmp.path().join("matrix.html");
    page(&sample, &html);
    let text = std::fs::read_to_string(&html).expect("read page");
    // Self-contained: nothing fetched from anywhere.
    for external in [
        "src=\"http",
        "href=\"http",
        "@import",
        "url(",
        "<link",
        "<script src",
    ] {
        assert!(!text.contains(external), "page refers to {external}");
    }
    let Some(browser) = browser() else {
        if std::env::var("GOTAGS_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!("GOTAGS_REQUIRE_BROWSER=1 but no chromium on PATH");
        }
        println!("skipped: no chromium on PATH (apt-get install chromium); set GOTAGS_REQUIRE_BROWSER=1 to require it");
        return;
    };
    let dom = chromium(
        &browser,
        &tmp.path().join("profile-dom"),
        &["--dump-dom"],
        &html,
    );
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom_text.contains("data-state=\"rendered\""),
        "the script did not finish: {dom_text:.2000}\n{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    assert!(
        dom_text.contains("<title>gotags matrix: example.com/sample (")
            && dom_text.contains("id=\"errors\" hidden"),
        "script error: {dom_text:.2000}"
    );
    assert!(dom_text.contains("example.com/sample/web"), "rows drawn");
    assert!(dom_text.contains("class=\"s0\""), "cells drawn");
    let shot = std::env::var_os("GOTAGS_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("matrix.png"));
    let arg = format!("--screenshot={}", shot.display());
    let out = chromium(
        &browser,
        &tmp.path().join("profile-shot"),
        &[&arg, "--window-size=1400,900"],
        &html,
    );
    let png = std::fs::read(&shot).unwrap_or_default();
    assert!(
        png.len() > 1000 && png.starts_with(b"\x89PNG"),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
