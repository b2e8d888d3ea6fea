//! Replays every committed fuzz input (`fuzz/corpus/<target>/*` seeds and
//! `fuzz/regressions/<target>/*`, inputs that once crashed) through the same entry points the
//! libFuzzer targets use, on stable Rust, so CI exercises the fuzz invariants without nightly.

#[path = "../fuzz/src/lib.rs"]
mod entries;

use std::path::Path;

type Entry = fn(&[u8]);

const TARGETS: &[(&str, Entry)] = &[
    ("build_expr", entries::build_expr),
    ("plus_build", entries::plus_build),
    ("eval_cli", entries::eval_cli),
    ("file_facts", entries::file_facts),
    ("go_scanner", entries::go_scanner),
    ("embed_patterns", entries::embed_patterns),
    ("path_match", entries::path_match),
    ("generate_words", entries::generate_words),
    ("gomod", entries::gomod),
    ("gotags_toml", entries::gotags_toml),
    ("goreleaser", entries::goreleaser),
    ("lsp_messages", entries::lsp_messages),
];

fn inputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(kind: &str, min_per_target: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind);
    let mut total = 0;
    for (name, entry) in TARGETS {
        let files = inputs(&root.join(name));
        assert!(
            files.len() >= min_per_target,
            "{kind}/{name}: {} inputs, want at least {min_per_target}",
            files.len()
        );
        for f in files {
            let data = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let run = std::panic::catch_unwind(|| entry(&data));
            assert!(run.is_ok(), "{name}: {} fails", f.display());
            total += 1;
        }
    }
    eprintln!("replayed {total} {kind} inputs");
}

#[test]
fn seed_corpora_replay_cleanly() {
    replay("corpus", 5);
}

#[test]
fn crash_regressions_replay_cleanly() {
    replay("regressions", 0);
}

/// Every libFuzzer target has a replay entry and a seed corpus, and vice versa.
#[test]
fn every_fuzz_target_is_replayed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/fuzz_targets");
    let mut on_disk: Vec<String> = inputs(&dir)
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = TARGETS.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}
