//! Rendering of `gotags matrix` results: a grouped terminal table (at most 100 columns,
//! coloured on request), Markdown for pull-request comments, JSON carrying everything, the
//! `--explain` report for one file and the `--cover` CI snippets.

use crate::configs::{describe, Bits, Config};
use crate::matrix::cover;
use crate::matrix::evaluate::DirMatrix;
use crate::matrix::explain::DirReasons;
use crate::matrix::explain::Reason;
use crate::matrix::gaps::{ConfigSet, DeclDifference, Gaps};
use crate::matrix::view::{PackageRef, COMPILED};
use crate::matrix::Matrix;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// Output width of the table when the terminal's is unknown.
pub const WIDTH: usize = 100;

/// How the terminal table is laid out.
#[derive(Clone, Debug)]
pub struct TableView {
    pub color: bool,
    /// Columns to wrap at (the terminal's, else [`WIDTH`]).
    pub width: usize,
    /// Groups and gaps only, no per-package file lists.
    pub summary: bool,
    /// Only packages whose import path contains this text (rows and gaps).
    pub package: Option<String>,
}

impl TableView {
    fn shows(&self, path: &str) -> bool {
        self.package.as_deref().map_or(true, |p| path.contains(p))
    }
}

fn describe_set(configs: &[Config], set: &ConfigSet) -> String {
    let b = Bits::from_fn(configs.len(), |i| set.contains(&i));
    describe(configs, &b)
}

/// Word-wraps `text` to `WIDTH`, continuation lines indented by `indent` spaces.
fn wrap(text: &str, first_indent: usize, indent: usize) -> String {
    wrap_to(text, first_indent, indent, WIDTH)
}

/// Word-wraps `text` to `width` columns.
fn wrap_to(text: &str, first_indent: usize, indent: usize, width: usize) -> String {
    let mut out = String::new();
    let mut col = first_indent;
    out.push_str(&" ".repeat(first_indent));
    let mut first = true;
    for word in text.split(' ') {
        if !first && col + 1 + word.chars().count() > width {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
        } else if !first {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.chars().count();
        first = false;
    }
    out
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn red(&self, s: &str) -> String {
        self.paint("31", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.paint("33", s)
    }
}

/// `go: a.go b.go; test: a_test.go` for the compiled lists, or why nothing is listed.
fn files_summary(listed: Option<PackageRef>) -> String {
    let Some(l) = listed else {
        return "not a package (no Go files)".to_string();
    };
    let short = |list: &'static str| -> &'static str {
        match list {
            "GoFiles" => "go",
            "CgoFiles" => "cgo",
            "TestGoFiles" => "test",
            "XTestGoFiles" => "xtest",
            "CFiles" => "c",
            "CXXFiles" => "c++",
            "MFiles" => "objc",
            "HFiles" => "h",
            "FFiles" => "fortran",
            "SFiles" => "asm",
            "SwigFiles" => "swig",
            "SwigCXXFiles" => "swig++",
            "SysoFiles" => "syso",
            other => other,
        }
    };
    let mut parts: Vec<String> = COMPILED
        .iter()
        .filter(|(_, list)| !l.is_empty(*list))
        .map(|(name, list)| {
            let files: Vec<&str> = l.names(*list).collect();
            format!("{}: {}", short(name), files.join(" "))
        })
        .collect();
    if let Some(e) = l.error() {
        parts.push(format!("error: {}", e.err));
    }
    if parts.is_empty() {
        "nothing compiled".to_string()
    } else {
        parts.join("; ")
    }
}

/// Per package: distinct displayed file sets with their configurations, one directory at a
/// time as the writer asks.
fn package_rows(m: &Matrix) -> impl Iterator<Item = (String, Vec<(String, Bits)>)> + '_ {
    m.eval.dirs.iter().filter_map(move |d| {
        if d.classes.iter().all(|c| c.view.is_none()) {
            return None;
        }
        let mut rows: Vec<(String, Bits)> = Vec::new();
        for class in &d.classes {
            let text = files_summary(d.package(class));
            match rows.iter_mut().find(|(t, _)| *t == text) {
                Some((_, b)) => b.union_with(&class.configs),
                None => rows.push((text, class.configs.clone())),
            }
        }
        rows.sort_by_key(|(_, b)| std::cmp::Reverse(b.count()));
        Some((d.import_path.clone(), rows))
    })
}

fn summary_line(m: &Matrix) -> String {
    let c = &m.eval.configs;
    let mut plats: Vec<String> = c.iter().map(|x| x.platform.label()).collect();
    plats.dedup();
    plats.sort();
    plats.dedup();
    format!(
        "{} configurations ({} platforms), {} distinct module-wide file sets",
        c.len(),
        plats.len(),
        m.groups.len()
    )
}

/// Gap findings as (kind, text) lines.
fn gap_lines(g: &Gaps, configs: &[Config]) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for f in &g.dead_files {
        let why: Vec<String> = f
            .reasons
            .iter()
            .map(|r| {
                format!(
                    "{} on {}",
                    r.reason.text(),
                    describe_set(configs, &r.configs)
                )
            })
            .collect();
        out.push((
            "dead file",
            format!(
                "{}: no configuration compiles it: {}",
                join_path(&f.dir, &f.file),
                why.join("; ")
            ),
        ));
    }
    for f in &g.needs_tags {
        out.push((
            "needs tags",
            format!(
                "{}: only builds with -tags {} (no tag set has it)",
                join_path(&f.dir, &f.file),
                f.tags.join(",")
            ),
        ));
    }
    for p in &g.empty_packages {
        let mut t = format!(
            "{}: no Go files on {}",
            p.import_path,
            describe_set(configs, &p.configs)
        );
        for i in &p.importers {
            t.push_str(&format!(
                "; breaks importer {} ({}) on {}",
                i.import_path,
                i.file,
                describe_set(configs, &i.configs)
            ));
        }
        out.push(("empty package", t));
    }
    for d in &g.missing_decls {
        out.push((
            "missing decl",
            format!(
                "{}: {} (in {}) is used by {} but undefined on {}",
                d.import_path,
                d.decl,
                d.declared_in.join(", "),
                d.used_in.join(", "),
                describe_set(configs, &d.missing)
            ),
        ));
    }
    for d in &g.duplicate_decls {
        out.push((
            "duplicate decl",
            format!(
                "{}: {} declared at {} on {}",
                d.import_path,
                d.name,
                d.locations.join(", "),
                describe_set(configs, &d.configs)
            ),
        ));
    }
    out
}

/// The informational declaration differences as (kind, text) lines.
fn difference_lines(diffs: &[DeclDifference], configs: &[Config]) -> Vec<(&'static str, String)> {
    diffs
        .iter()
        .map(|d| {
            (
                "decl difference",
                format!(
                    "{}: {} (in {}) absent on {}",
                    d.import_path,
                    d.decl,
                    d.declared_in.join(", "),
                    describe_set(configs, &d.missing)
                ),
            )
        })
        .collect()
}

fn join_path(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}/{file}")
    }
}

fn cover_text(m: &Matrix, c: &cover::Cover) -> String {
    let chosen: Vec<&Config> = c.configs.iter().map(|&i| &m.eval.configs[i]).collect();
    let quality = if c.exact {
        "exact minimum".to_string()
    } else {
        c.bound.clone().unwrap_or_default()
    };
    let note = cover::cross_cgo_note(&m.eval.configs, c)
        .map(|n| format!("{n}\n\n"))
        .unwrap_or_default();
    format!(
        "{} configurations compile every file the matrix compiles ({quality}):\n\n{note}# GitHub Actions\n{}\n# staticcheck -matrix\n{}\n# plain\n{}",
        chosen.len(),
        cover::github_actions(&chosen),
        cover::staticcheck_lines(&chosen),
        cover::plain_lines(&chosen)
    )
}

/// The terminal table, laid out as `view` says.
pub fn write_table_view(out: &mut impl Write, m: &Matrix, view: &TableView) -> io::Result<()> {
    let s = Style { on: view.color };
    let wrap = |text: &str, first: usize, indent: usize| wrap_to(text, first, indent, view.width);
    let configs = &m.eval.configs;
    writeln!(
        out,
        "{}",
        s.bold(&format!("gotags matrix: {}", m.module.path))
    )?;
    writeln!(out, "{}", wrap(&summary_line(m), 0, 2))?;
    for (i, g) in m.groups.iter().enumerate() {
        let text = format!("{} {}", group_name(i), describe(configs, g));
        writeln!(out, "{}", wrap(&text, 2, 6))?;
    }
    writeln!(out)?;
    let rows = package_rows(m).take_while(|_| !view.summary);
    for (path, rows) in rows.filter(|(p, _)| view.shows(p)) {
        writeln!(out, "{}", s.bold(&path))?;
        for (text, b) in rows {
            let label = describe(configs, &b);
            writeln!(out, "{}", s.dim(&wrap(&label, 2, 4)))?;
            let body = wrap(&text, 6, 8);
            if text.starts_with("not a package") {
                writeln!(out, "{}", s.red(&body))?;
            } else {
                writeln!(out, "{body}")?;
            }
        }
    }
    writeln!(out)?;
    let lines: Vec<_> = gap_lines(&m.gaps, configs)
        .into_iter()
        .filter(|(_, text)| view.shows(text))
        .collect();
    writeln!(
        out,
        "{}",
        s.bold(&format!("Gaps ({} findings)", lines.len()))
    )?;
    for (kind, text) in lines {
        let kind_col = format!("{kind:<15}");
        let body = wrap(&text, 17, 17);
        writeln!(out, "  {}{}", s.yellow(&kind_col), &body[17..])?;
    }
    if let Some(diffs) = &m.gaps.decl_differences {
        writeln!(
            out,
            "{}",
            s.bold(&format!(
                "Declaration differences ({}, not findings)",
                diffs.len()
            ))
        )?;
        for (_, text) in difference_lines(diffs, configs) {
            writeln!(out, "{}", wrap(&text, 2, 4))?;
        }
    }
    if !m.gaps.opt_outs.is_empty() {
        writeln!(out, "{}", s.bold("Deliberate opt-outs (not findings)"))?;
        for o in &m.gaps.opt_outs {
            writeln!(
                out,
                "{}",
                wrap(&format!("{}: {}", join_path(&o.dir, &o.file), o.why), 2, 4)
            )?;
        }
    }
    if let Some(c) = &m.cover {
        writeln!(out)?;
        writeln!(out, "{}", s.bold("Minimal CI matrix"))?;
        write!(out, "{}", cover_text(m, c))?;
    }
    Ok(())
}

fn group_name(i: usize) -> String {
    format!("G{}", i + 1)
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// Markdown for a pull-request comment.
pub fn write_markdown(out: &mut impl Write, m: &Matrix) -> io::Result<()> {
    let configs = &m.eval.configs;
    writeln!(out, "## gotags matrix: `{}`\n", m.module.path)?;
    writeln!(out, "{}\n", summary_line(m))?;
    writeln!(out, "| package | configurations | compiled files |")?;
    writeln!(out, "| --- | --- | --- |")?;
    for (path, rows) in package_rows(m) {
        for (i, (text, b)) in rows.iter().enumerate() {
            let p = if i == 0 {
                format!("`{path}`")
            } else {
                String::new()
            };
            writeln!(
                out,
                "| {p} | {} | {} |",
                md_escape(&describe(configs, b)),
                md_escape(text)
            )?;
        }
    }
    let lines = gap_lines(&m.gaps, configs);
    writeln!(out, "\n### Gaps ({} findings)\n", lines.len())?;
    for (kind, text) in lines {
        writeln!(out, "- **{kind}** {text}")?;
    }
    if let Some(diffs) = &m.gaps.decl_differences {
        writeln!(
            out,
            "\n<details><summary>Declaration differences ({}, not findings)</summary>\n",
            diffs.len()
        )?;
        for (_, text) in difference_lines(diffs, configs) {
            writeln!(out, "- {text}")?;
        }
        writeln!(out, "\n</details>")?;
    }
    if !m.gaps.opt_outs.is_empty() {
        writeln!(out, "\n<details><summary>Deliberate opt-outs</summary>\n")?;
        for o in &m.gaps.opt_outs {
            writeln!(out, "- `{}`: {}", join_path(&o.dir, &o.file), o.why)?;
        }
        writeln!(out, "\n</details>")?;
    }
    if let Some(c) = &m.cover {
        writeln!(
            out,
            "\n### Minimal CI matrix\n\n```\n{}```",
            cover_text(m, c)
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonConfig<'a> {
    index: usize,
    label: String,
    #[serde(flatten)]
    config: &'a Config,
}

/// A set of configurations as the JSON array of its indices, without collecting them.
struct BitsSeq<'a>(&'a Bits);

impl Serialize for BitsSeq<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

#[derive(Serialize)]
struct JsonClass<'a> {
    configs: BitsSeq<'a>,
    /// `go list -json` for these configurations; null when `./...` does not list the directory.
    package: Option<PackageRef<'a>>,
}

#[derive(Serialize)]
struct JsonReason<'a> {
    #[serde(flatten)]
    reason: &'a Reason,
    text: String,
    configs: BitsSeq<'a>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    name: &'a str,
    reasons: Vec<JsonReason<'a>>,
}

#[derive(Serialize)]
struct JsonDir<'a> {
    dir: &'a str,
    import_path: &'a str,
    classes: Vec<JsonClass<'a>>,
    files: Vec<JsonFile<'a>>,
    hidden_files: &'a [String],
}

/// Every directory, each built as it is written (a chunk at a time, in parallel), so the
/// whole document is never held at once.
struct JsonDirs<'a> {
    m: &'a Matrix,
    reasons: &'a [DirReasons],
}

/// Directories built ahead of the writer at a time.
const JSON_CHUNK: usize = 64;

impl Serialize for JsonDirs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.m;
        let indexed: Vec<(usize, &DirMatrix)> = m.eval.dirs.iter().enumerate().collect();
        s.collect_seq(indexed.chunks(JSON_CHUNK).flat_map(|chunk| {
            chunk
                .par_iter()
                .map(|&(di, d)| json_dir(m, di, d, self.reasons.get(di)))
                .collect::<Vec<_>>()
        }))
    }
}

fn json_dir<'a>(
    m: &'a Matrix,
    di: usize,
    d: &'a DirMatrix,
    reasons: Option<&'a DirReasons>,
) -> JsonDir<'a> {
    let facts = &m.dirs[d.dir_index];
    JsonDir {
        dir: &d.rel,
        import_path: &d.import_path,
        classes: d
            .classes
            .iter()
            .map(|c| JsonClass {
                configs: BitsSeq(&c.configs),
                package: d.package(c),
            })
            .collect(),
        files: facts
            .files
            .iter()
            .enumerate()
            .filter_map(|(fi, f)| Some((f, reasons?.file(fi))))
            .map(|(f, reasons)| JsonFile {
                name: &f.name,
                reasons: reasons
                    .map(|(r, b)| JsonReason {
                        text: r.text(),
                        reason: r,
                        configs: BitsSeq(b),
                    })
                    .collect(),
            })
            .collect(),
        hidden_files: m.hidden.get(di).map_or(&[], Vec::as_slice),
    }
}

#[derive(Serialize)]
struct JsonCover<'a> {
    #[serde(flatten)]
    cover: &'a cover::Cover,
    github_actions: String,
    staticcheck_matrix: String,
    plain: String,
}

#[derive(Serialize)]
struct JsonMatrix<'a> {
    module: &'a str,
    root: String,
    configs: Vec<JsonConfig<'a>>,
    groups: Vec<ConfigSet>,
    dirs: JsonDirs<'a>,
    gaps: &'a Gaps,
    findings: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover: Option<JsonCover<'a>>,
}

/// Everything, as one JSON document. The matrix must have been run with
/// [`crate::matrix::RunOptions::reasons`].
pub fn write_json(out: &mut impl Write, m: &Matrix) -> io::Result<()> {
    let configs = &m.eval.configs;
    let set = |b: &Bits| b.iter().collect::<Vec<_>>();
    let Some(all_reasons) = &m.reasons else {
        return Err(io::Error::other(
            "the matrix was run without per-file reasons (RunOptions::reasons)",
        ));
    };
    let doc = JsonMatrix {
        module: &m.module.path,
        root: m.module.root.to_string_lossy().into_owned(),
        configs: configs
            .iter()
            .enumerate()
            .map(|(index, c)| JsonConfig {
                index,
                label: c.label(),
                config: c,
            })
            .collect(),
        groups: m.groups.iter().map(set).collect(),
        dirs: JsonDirs {
            m,
            reasons: all_reasons,
        },
        gaps: &m.gaps,
        findings: m.gaps.findings(),
        cover: m.cover.as_ref().map(|c| {
            let chosen: Vec<&Config> = c.configs.iter().map(|&i| &configs[i]).collect();
            JsonCover {
                cover: c,
                github_actions: cover::github_actions(&chosen),
                staticcheck_matrix: cover::staticcheck_lines(&chosen),
                plain: cover::plain_lines(&chosen),
            }
        }),
    };
    serde_json::to_writer(&mut *out, &doc).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// `--explain FILE`: the file's verdict on every configuration, grouped
/// ([`Matrix::explain_file`]).
pub fn write_explain(
    out: &mut impl Write,
    m: &Matrix,
    shown: &str,
    groups: &[(Reason, Bits)],
) -> io::Result<()> {
    let configs = &m.eval.configs;
    writeln!(out, "{shown}")?;
    for (r, b) in groups {
        if *r == Reason::Hidden && b.is_full() {
            writeln!(out, "  {}: {}", describe(configs, b), r.text())?;
            continue;
        }
        writeln!(out, "{}", wrap(&format!("{}:", describe(configs, b)), 2, 4))?;
        writeln!(out, "{}", wrap(&r.text(), 6, 8))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_to_width() {
        let long = vec!["word"; 80].join(" ");
        for line in wrap(&long, 2, 4).lines() {
            assert!(line.len() <= WIDTH);
        }
    }
}
