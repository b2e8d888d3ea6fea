//! `--platforms goreleaser` honours each build's `env: [CGO_ENABLED=…]` and `flags: [-tags=…]`,
//! and `matrix --cover` says when it picks cgo builds a plain linux/amd64 runner cannot do.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write");
    }
}

fn gotags(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gotags"))
        .args(args)
        .current_dir(dir)
        .env_remove("CGO_ENABLED")
        .env_remove("GOFLAGS")
        .output()
        .expect("run gotags");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn module(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let t = tempfile::tempdir().expect("tempdir");
    write(
        t.path(),
        &[
            ("go.mod", "module example.com/gr\n\ngo 1.21\n"),
            ("a.go", "package gr\n"),
            ("p.go", "//go:build prod\n\npackage gr\n"),
            ("c.go", "//go:build cgo\n\npackage gr\n"),
        ],
    );
    write(t.path(), extra);
    t
}

fn configs(doc: &Value) -> Vec<(String, bool, Vec<String>)> {
    doc["configs"]
        .as_array()
        .expect("configs")
        .iter()
        .map(|c| {
            let tags = c["tags"]["tags"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect();
            (
                format!("{}/{}", c["platform"]["goos"].as_str().unwrap_or(""), {
                    c["platform"]["goarch"].as_str().unwrap_or("")
                }),
                c["cgo"].as_bool().unwrap_or(false),
                tags,
            )
        })
        .collect()
}

fn dead(doc: &Value) -> Vec<String> {
    doc["gaps"]["dead_files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["file"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn goreleaser_env_and_tag_flags_shape_the_configurations() {
    let m = module(&[(
        ".goreleaser.yaml",
        "env:\n  - CGO_ENABLED=1\nbuilds:\n  - id: cli\n    env: [CGO_ENABLED=0]\n    goos: [linux, darwin]\n    goarch: [amd64, arm64]\n    flags: [-trimpath, \"-tags=prod,netgo\"]\n",
    )]);
    let (code, out, err) = gotags(
        m.path(),
        &[
            "matrix",
            "--platforms",
            "goreleaser",
            "--cgo",
            "on",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("json");
    let got = configs(&doc);
    assert_eq!(got.len(), 4, "{got:?}");
    for (label, cgo, tags) in &got {
        assert!(
            !cgo,
            "{label}: the build's CGO_ENABLED=0 wins over the file's and --cgo"
        );
        assert_eq!(tags, &["prod", "netgo"], "{label}");
    }
    // p.go compiles (tag from flags); c.go never does (cgo off).
    assert_eq!(dead(&doc), ["c.go"]);

    // Without env, the file's top-level CGO_ENABLED=1 applies.
    let m = module(&[(
        ".goreleaser.yaml",
        "env:\n  - CGO_ENABLED=1\nbuilds:\n  - goos: [linux]\n    goarch: [amd64]\n    flags:\n      - -tags\n      - prod\n",
    )]);
    let (code, out, err) = gotags(
        m.path(),
        &["matrix", "--platforms", "goreleaser", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("json");
    let got = configs(&doc);
    assert_eq!(
        got,
        [("linux/amd64".to_string(), true, vec!["prod".to_string()])]
    );
    assert!(dead(&doc).is_empty(), "{:?}", dead(&doc));
}

#[test]
fn cover_names_cgo_cross_builds() {
    let m = module(&[("n_darwin.go", "//go:build cgo\n\npackage gr\n")]);
    let args = [
        "matrix",
        "--platforms",
        "linux/amd64,darwin/arm64",
        "--cgo",
        "both",
        "--cover",
    ];
    let (code, out, err) = gotags(m.path(), &args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("need cgo for another platform than linux/amd64")
            && out.contains("darwin/arm64 cgo"),
        "{out}"
    );
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    let (_, out, _) = gotags(m.path(), &json);
    let doc: Value = serde_json::from_str(&out).expect("json");
    let cross = doc["cover"]["cross_cgo"].as_array().expect("cross_cgo");
    assert_eq!(cross.len(), 1);
    let i = cross[0].as_u64().unwrap_or(0) as usize;
    assert_eq!(doc["configs"][i]["platform"]["goos"], "darwin");

    // Nothing needs cgo off linux/amd64: no note, no field.
    let plain = module(&[]);
    let (_, out, _) = gotags(
        plain.path(),
        &[
            "matrix",
            "--platforms",
            "linux/amd64,darwin/arm64",
            "--cgo",
            "both",
            "--cover",
        ],
    );
    assert!(!out.contains("need cgo for another platform"), "{out}");
}
