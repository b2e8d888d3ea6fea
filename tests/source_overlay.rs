//! Analysing unsaved editor buffers: an `Overlay` whose buffer differs from the file on disk
//! changes what `list`, `matrix` and `check` answer, and the overlaid file is never read from
//! the disk (a recording source below the overlay sees every call that reaches it).

use gotags::check::command::{self, CheckOptions};
use gotags::context::BuildContext;
use gotags::embed::AssetCache;
use gotags::facts::ReadDepth;
use gotags::list::{self, ListOptions};
use gotags::matrix::{self, configs::CgoMode};
use gotags::source::{Disk, Entry, Meta, Overlay, Reader, SharedSource, Source, SourceError};
use gotags::walk;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The disk, recording every path a call is made for.
#[derive(Clone, Default)]
struct Recording {
    calls: Arc<Mutex<Vec<(&'static str, PathBuf)>>>,
}

impl Recording {
    fn note(&self, op: &'static str, path: &Path) {
        if let Ok(mut c) = self.calls.lock() {
            c.push((op, path.to_path_buf()));
        }
    }

    fn calls_for(&self, path: &Path) -> Vec<&'static str> {
        self.calls
            .lock()
            .map(|c| {
                c.iter()
                    .filter(|(_, p)| p == path)
                    .map(|(op, _)| *op)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn count(&self, op: &str) -> usize {
        self.calls
            .lock()
            .map(|c| c.iter().filter(|(o, _)| *o == op).count())
            .unwrap_or_default()
    }
}

impl Source for Recording {
    fn read_dir(&self, dir: &Path) -> Result<Vec<Entry>, SourceError> {
        self.note("read_dir", dir);
        Disk.read_dir(dir)
    }
    fn open(&self, path: &Path) -> Result<Reader, SourceError> {
        self.note("open", path);
        Disk.open(path)
    }
    fn read(&self, path: &Path) -> Result<Vec<u8>, SourceError> {
        self.note("read", path);
        Disk.read(path)
    }
    fn lstat(&self, path: &Path) -> Result<Meta, SourceError> {
        self.note("lstat", path);
        Disk.lstat(path)
    }
    fn stat(&self, path: &Path) -> Result<Meta, SourceError> {
        self.note("stat", path);
        Disk.stat(path)
    }
    fn read_link(&self, path: &Path) -> Result<PathBuf, SourceError> {
        self.note("read_link", path);
        Disk.read_link(path)
    }
    fn canonicalize(&self, path: &Path) -> Result<PathBuf, SourceError> {
        self.note("canonicalize", path);
        Disk.canonicalize(path)
    }
}

const ON_DISK: &str = "//go:build linux\n\npackage p\n\nfunc F() {}\n";
/// The unsaved buffer: a misspelt GOOS, so the file builds nowhere.
const BUFFER: &str = "//go:build linx\n\npackage p\n\nfunc F() {}\n";

fn module() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().canonicalize().expect("canonical");
    std::fs::write(root.join("go.mod"), "module example.com/o\n\ngo 1.23\n").expect("go.mod");
    std::fs::write(root.join("a.go"), ON_DISK).expect("a.go");
    std::fs::write(root.join("b.go"), "package p\n\nfunc G() { F() }\n").expect("b.go");
    std::fs::write(root.join("_hidden.go"), "package p\n").expect("_hidden.go");
    (tmp, root)
}

fn go_files(source: &dyn Source, root: &Path) -> Vec<String> {
    let m = walk::find_module_in(source, root).expect("module");
    let (dirs, problems) = walk::walk_in(source, &m, root, ReadDepth::Header);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(dirs[0].hidden, ["_hidden.go"]);
    let ctx = BuildContext::for_port("linux", "amd64", false, &[]).expect("port");
    let pkgs = list::list(
        &m,
        &dirs,
        &ctx,
        &AssetCache::new(),
        root,
        ListOptions::default(),
    );
    pkgs.iter().flat_map(|p| p.go_files.clone()).collect()
}

#[test]
fn list_sees_the_buffer_and_never_reads_the_file() {
    let (_tmp, root) = module();
    assert_eq!(go_files(&Disk, &root), ["a.go", "b.go"]);
    let rec = Recording::default();
    let mut overlay = Overlay::new(rec.clone());
    overlay.set(root.join("a.go"), BUFFER.as_bytes().to_vec());
    assert_eq!(go_files(&overlay, &root), ["b.go"]);
    assert_eq!(rec.calls_for(&root.join("a.go")), Vec::<&str>::new());
    // b.go was read, and every directory listed once.
    assert_eq!(rec.calls_for(&root.join("b.go")), ["open"]);
    assert_eq!(rec.count("read_dir"), 1);
}

#[test]
fn matrix_walk_scans_declarations_in_its_single_read() {
    let (_tmp, root) = module();
    let rec = Recording::default();
    let mut overlay = Overlay::new(rec.clone());
    overlay.set(root.join("a.go"), BUFFER.as_bytes().to_vec());
    let shared: SharedSource = Arc::new(overlay);
    let m = walk::find_module_in(&*shared, &root).expect("module");
    let (dirs, _) = walk::walk_in(&*shared, &m, &root, ReadDepth::Decls);
    let configs =
        matrix::resolve_in(&*shared, &root, "linux/amd64", None, CgoMode::Off).expect("configs");
    let before = rec.count("open") + rec.count("read");
    let mx = matrix::run_in(
        shared.clone(),
        m,
        dirs,
        configs,
        matrix::RunOptions::default(),
        &root,
    )
    .expect("matrix");
    assert_eq!(
        rec.count("open") + rec.count("read"),
        before,
        "matrix re-read a file"
    );
    let listed = mx.eval.listed_for(0);
    assert_eq!(listed[0].go_files, ["b.go"]);
    assert_eq!(mx.hidden[0], ["_hidden.go"]);
    assert_eq!(rec.calls_for(&root.join("a.go")), Vec::<&str>::new());
}

#[test]
fn check_reports_the_buffer_with_its_own_snippet() {
    let (_tmp, root) = module();
    let opts = CheckOptions {
        platforms: Some("linux/amd64".into()),
        select: vec!["GT201".into()],
        ..CheckOptions::default()
    };
    let on_disk = command::run(&opts, &root).expect("check");
    assert!(on_disk.diagnostics.is_empty(), "{:?}", on_disk.diagnostics);

    let rec = Recording::default();
    let mut overlay = Overlay::new(rec.clone());
    overlay.set(root.join("a.go"), BUFFER.as_bytes().to_vec());
    let report = command::run_in(Arc::new(overlay), &opts, &root).expect("check");
    let codes: Vec<(&str, &str, u32)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.file.as_str(), d.line))
        .collect();
    assert_eq!(codes, [("GT201", "a.go", 1)]);
    // The snippet is the buffer's text, read only as far as the findings' last line.
    assert_eq!(
        report.texts.get("a.go").map(String::as_str),
        Some("//go:build linx\n")
    );
    assert_eq!(rec.calls_for(&root.join("a.go")), Vec::<&str>::new());
    // go.mod was read once, by the module lookup.
    assert_eq!(rec.calls_for(&root.join("go.mod")), ["stat", "read"]);
}

#[test]
fn buffers_add_files_the_disk_does_not_have() {
    let (_tmp, root) = module();
    let mut overlay = Overlay::new(Disk);
    overlay.set(
        root.join("sub/c.go"),
        b"package sub\n\nimport \"example.com/o\"\n".to_vec(),
    );
    let m = walk::find_module_in(&overlay, &root).expect("module");
    let (dirs, problems) = walk::walk_in(&overlay, &m, &root, ReadDepth::Header);
    assert!(problems.is_empty(), "{problems:?}");
    let rels: Vec<&str> = dirs.iter().map(|d| d.rel.as_str()).collect();
    assert_eq!(rels, ["", "sub"]);
    assert_eq!(dirs[1].files[0].name, "c.go");
}
