//! The `list` command as a pure function of walked facts and one `BuildContext`: which
//! directories are packages (`./...` rules), each package's `go list` fields, embed resolution
//! and cmd/go's package-level checks. Returns data; renderers print it.

use crate::classify::{classify, ImportError, Loader, PackageFiles, SourcePos};
use crate::context::BuildContext;
use crate::embed::{self, AssetCache};
use crate::walk::{DirFacts, Module};
use serde::Serialize;
use std::path::Path;

pub mod build_mode;
pub use build_mode::{loader, loader_in, BuildMode, ModeFacts};

/// `go list`'s `Error` object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PackageError {
    pub import_stack: Vec<String>,
    pub pos: String,
    pub err: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One package as `go list -e -json` prints it (the fields gotags reproduces), in Go's field
/// order; empty lists are omitted as Go omits them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListedPackage {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dir: String,
    pub import_path: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "is_false")]
    pub binary_only: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub incomplete: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub go_files: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cgo_files: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored_go_files: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_go_files: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored_other_files: Vec<String>,
    #[serde(rename = "CFiles", skip_serializing_if = "Vec::is_empty")]
    pub c_files: Vec<String>,
    #[serde(rename = "CXXFiles", skip_serializing_if = "Vec::is_empty")]
    pub cxx_files: Vec<String>,
    #[serde(rename = "MFiles", skip_serializing_if = "Vec::is_empty")]
    pub m_files: Vec<String>,
    #[serde(rename = "HFiles", skip_serializing_if = "Vec::is_empty")]
    pub h_files: Vec<String>,
    #[serde(rename = "FFiles", skip_serializing_if = "Vec::is_empty")]
    pub f_files: Vec<String>,
    #[serde(rename = "SFiles", skip_serializing_if = "Vec::is_empty")]
    pub s_files: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub swig_files: Vec<String>,
    #[serde(rename = "SwigCXXFiles", skip_serializing_if = "Vec::is_empty")]
    pub swig_cxx_files: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub syso_files: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub embed_patterns: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub embed_files: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<PackageError>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub test_go_files: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub test_embed_patterns: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub test_embed_files: Vec<String>,
    #[serde(rename = "XTestGoFiles", skip_serializing_if = "Vec::is_empty")]
    pub xtest_go_files: Vec<String>,
    #[serde(rename = "XTestEmbedPatterns", skip_serializing_if = "Vec::is_empty")]
    pub xtest_embed_patterns: Vec<String>,
    #[serde(rename = "XTestEmbedFiles", skip_serializing_if = "Vec::is_empty")]
    pub xtest_embed_files: Vec<String>,
    /// Why each ignored file is ignored, for the human listing (not a `go list` field).
    #[serde(skip)]
    pub ignored_reasons: Vec<(String, String)>,
}

/// Options of one listing.
#[derive(Clone, Copy, Debug, Default)]
pub struct ListOptions {
    /// Fill `TestEmbedFiles`/`XTestEmbedFiles` as `go list -test` does for the package.
    pub test: bool,
    /// List `std` or `cmd` (import-path pattern rules) instead of `./...`.
    pub goroot_pattern: Option<crate::walk::GorootPattern>,
}

/// Decides which walked directories are packages under `ctx` and builds their `go list` view.
/// `cwd` shortens positions in errors as cmd/go does.
pub fn list(
    module: &Module,
    dirs: &[DirFacts],
    ctx: &BuildContext,
    cache: &AssetCache,
    cwd: &Path,
    opts: ListOptions,
) -> Vec<ListedPackage> {
    let mut out = Vec::new();
    let mut pattern_error: Option<String> = None;
    for d in dirs.iter().filter(|d| is_package(d, ctx)) {
        // The standard library's `builtin` exists only for documentation; cmd/go keeps it
        // out of wildcard patterns.
        if module.path == "std" && d.rel == "builtin" {
            continue;
        }
        if let Some(pattern) = opts.goroot_pattern {
            if !goroot_keeps(module, d, ctx, pattern) {
                continue;
            }
        }
        // A path with `@` cannot be resolved to a package of the main module; cmd/go
        // reports it once, against the pattern, after the packages.
        if d.rel.contains('@') {
            pattern_error.get_or_insert_with(|| {
                format!(
                    "pattern ./...: directory {} outside main module or its selected dependencies",
                    d.rel
                )
            });
            continue;
        }
        out.push(package_view(module, d, ctx, cache, cwd, opts));
    }
    if opts.goroot_pattern.is_some() {
        // Import-path patterns list packages sorted by path, not in walk order.
        out.sort_by(|a, b| a.import_path.cmp(&b.import_path));
    }
    if let Some(err) = pattern_error {
        out.push(ListedPackage {
            import_path: "./...".to_string(),
            incomplete: true,
            error: Some(PackageError {
                import_stack: Vec::new(),
                pos: String::new(),
                err,
            }),
            ..ListedPackage::default()
        });
    }
    out
}

/// Whether `std`/`cmd` lists a walked directory of the Go distribution: a package, not
/// `builtin`; `std` skips runtime/cgo when cgo is off; `cmd` skips vendored commands.
pub fn goroot_keeps(
    module: &Module,
    d: &DirFacts,
    ctx: &BuildContext,
    pattern: crate::walk::GorootPattern,
) -> bool {
    if !is_package(d, ctx) || (module.path == "std" && d.rel == "builtin") {
        return false;
    }
    if pattern == crate::walk::GorootPattern::Std && d.rel == "runtime/cgo" && !ctx.cgo_enabled {
        return false;
    }
    if pattern == crate::walk::GorootPattern::Cmd && d.rel.starts_with("vendor/") {
        let dir = d.dir.to_string_lossy();
        if classify(&d.files, &dir, ctx, Loader::GoBuild).name == "main" {
            return false;
        }
    }
    true
}

/// `./...` keeps a directory unless go/build's `ImportDir` finds no Go files at all.
pub fn is_package(d: &DirFacts, ctx: &BuildContext) -> bool {
    let dir = d.dir.to_string_lossy();
    let probe = classify(&d.files, &dir, ctx, Loader::GoBuild);
    !matches!(probe.error, Some(ImportError::NoGo))
}

/// Builds one package's `go list` fields, loaded as cmd/go loads it in the module's build
/// mode under `ctx`'s release ([`build_mode::mode`]).
pub fn package_view(
    module: &Module,
    d: &DirFacts,
    ctx: &BuildContext,
    cache: &AssetCache,
    cwd: &Path,
    opts: ListOptions,
) -> ListedPackage {
    let dir = d.dir.to_string_lossy().into_owned();
    let files = classify(&d.files, &dir, ctx, loader(module, d, ctx));
    let import_path = module.import_path(&d.rel);
    let mut errors = ErrorSlot::default();

    if let Some(e) = &files.error {
        let (pos, err) = match e {
            ImportError::BadFile { message, pos } => (
                pos.as_ref().map(|p| short_pos(p, cwd)).unwrap_or_default(),
                message.clone(),
            ),
            ImportError::NoGo => (String::new(), no_go_message(&files, &dir)),
        };
        errors.set(pos, err);
    }
    if let Err(e) = crate::modpath::check_import_path(&import_path) {
        // cmd/go never loads such a directory: only the path and the error are printed.
        return ListedPackage {
            import_path: import_path.clone(),
            incomplete: true,
            error: Some(PackageError {
                import_stack: Vec::new(),
                pos: String::new(),
                err: format!("malformed import path {import_path:?}: {e}"),
            }),
            ..ListedPackage::default()
        };
    }

    let PackageFiles {
        name,
        go_files,
        cgo_files,
        ignored_go_files,
        ignored_other_files,
        invalid_go_files,
        test_go_files,
        xtest_go_files,
        c_files,
        cxx_files,
        m_files,
        h_files,
        f_files,
        s_files,
        swig_files,
        swig_cxx_files,
        syso_files,
        embed_patterns,
        test_embed_patterns,
        xtest_embed_patterns,
        binary_only,
        error: _,
    } = files;

    let mut view = ListedPackage {
        dir: dir.clone(),
        import_path: import_path.clone(),
        name,
        binary_only,
        go_files,
        cgo_files,
        ignored_go_files,
        invalid_go_files,
        ignored_other_files,
        c_files,
        cxx_files,
        m_files,
        h_files,
        f_files,
        s_files,
        swig_files,
        swig_cxx_files,
        syso_files,
        embed_patterns: embed_patterns.keys().cloned().collect(),
        test_go_files,
        test_embed_patterns: test_embed_patterns.keys().cloned().collect(),
        xtest_go_files,
        xtest_embed_patterns: xtest_embed_patterns.keys().cloned().collect(),
        ..ListedPackage::default()
    };

    // A command for a port that must link externally needs cgo; cmd/go stops loading the
    // package there, before embed resolution and the file checks (from Go 1.22 on).
    if view.name == "main"
        && !ctx.cgo_enabled
        && ctx.compiler != "gccgo"
        && ctx.release.linking.cgo_required_error
    {
        let race = ctx.tool_tags.iter().any(|t| t == "race");
        if let Some(reason) =
            crate::platform::external_linking_reason(ctx.release, &ctx.goos, &ctx.goarch, race)
        {
            errors.set(
                String::new(),
                format!("{reason} requires external (cgo) linking, but cgo is not enabled"),
            );
            // The test variants are loaded apart, and fill the lists in even so.
            if opts.test {
                test_embeds(&mut view, cache, d, ctx);
            }
            return finish_view(view, errors);
        }
    }
    let bad_names = embed::BadNames::of(ctx.release);
    match embed::resolve_with(cache, &d.dir, &view.embed_patterns, bad_names) {
        Ok(found) => view.embed_files = found.into_iter().map(|f| f.rel).collect(),
        Err(e) => {
            let pos = embed_patterns
                .get(&e.pattern)
                .and_then(|v| v.first())
                .map(|p| short_pos(p, cwd));
            errors.set(String::new(), e.to_string());
            // cmd/go moves the package error, even an earlier one, to the pattern's position
            // (in vendor mode go/build goes on past a bad file and collects its patterns).
            if let Some(pos) = pos {
                errors.move_to(pos);
            }
        }
    }
    if opts.test {
        test_embeds(&mut view, cache, d, ctx);
    }

    package_checks(&mut view, &mut errors, ctx);
    // One name index per package, not a scan of every file per ignored file (quadratic in
    // a 100,000-file package, times every matrix configuration). The first entry wins, as
    // `find` did.
    let by_name: std::collections::HashMap<&str, &crate::facts::FileFacts> =
        d.files.iter().rev().map(|f| (f.name.as_str(), f)).collect();
    view.ignored_reasons = view
        .ignored_go_files
        .iter()
        .chain(&view.ignored_other_files)
        .filter_map(|name| {
            let f = by_name.get(name.as_str())?;
            Some((name.clone(), ignore_reason(f, ctx)))
        })
        .collect();
    finish_view(view, errors)
}

/// A one-line reason why `f` is not compiled under `ctx`, in the order go/build decides.
pub fn ignore_reason(f: &crate::facts::FileFacts, ctx: &BuildContext) -> String {
    use crate::facts::HeaderOutcome;
    if !f.name_constraint.matches(&mut |t| ctx.match_tag(t)) {
        return format!(
            "file name requires {}",
            f.name_constraint.tags().join(" && ")
        );
    }
    let HeaderOutcome::Read(h) = &f.header else {
        return "header could not be read".to_string();
    };
    for c in crate::syntax::constraints::deciding(h.go_build.as_deref(), &h.plus_build) {
        if let Ok(expr) = c.expr_for(ctx.release) {
            if !crate::classify::eval_expr(expr, ctx) {
                return format!("{} is false", c.line.text);
            }
        }
    }
    if f.is_go() && h.package_name == "documentation" {
        return "package documentation is never built".to_string();
    }
    if f.is_go() && h.imports_c() && !ctx.cgo_enabled {
        return "imports \"C\" and cgo is off".to_string();
    }
    if f.ext == ".S" || f.ext == ".sx" {
        return "preprocessed assembly needs a cgo file in the package".to_string();
    }
    "excluded".to_string()
}

/// `go list -test` resolves the test patterns while loading the test variants and records
/// the files on the base package; a failure there belongs to those variants, so the base
/// package only loses the list.
fn test_embeds(view: &mut ListedPackage, cache: &AssetCache, d: &DirFacts, ctx: &BuildContext) {
    let bad_names = embed::BadNames::of(ctx.release);
    if let Ok(found) = embed::resolve_with(cache, &d.dir, &view.test_embed_patterns, bad_names) {
        view.test_embed_files = found.into_iter().map(|f| f.rel).collect();
    }
    if let Ok(found) = embed::resolve_with(cache, &d.dir, &view.xtest_embed_patterns, bad_names) {
        view.xtest_embed_files = found.into_iter().map(|f| f.rel).collect();
    }
}

fn finish_view(mut view: ListedPackage, errors: ErrorSlot) -> ListedPackage {
    if let Some((pos, err)) = errors.first {
        view.incomplete = true;
        view.error = Some(PackageError {
            import_stack: vec![view.import_path.clone()],
            pos,
            err,
        });
    }
    view
}

/// cmd/go's `setError`: only the first error is kept.
#[derive(Default)]
struct ErrorSlot {
    first: Option<(String, String)>,
}

impl ErrorSlot {
    fn set(&mut self, pos: String, err: String) {
        if self.first.is_none() {
            self.first = Some((pos, err));
        }
    }

    /// cmd/go's `setPos` on the kept error.
    fn move_to(&mut self, pos: String) {
        if let Some(first) = &mut self.first {
            first.0 = pos;
        }
    }
}

/// The checks `(*Package).load` makes after loading, in its order.
fn package_checks(p: &mut ListedPackage, errors: &mut ErrorSlot, ctx: &BuildContext) {
    let mut inputs: Vec<&String> = [
        &p.go_files,
        &p.cgo_files,
        &p.ignored_go_files,
        &p.ignored_other_files,
        &p.c_files,
        &p.cxx_files,
        &p.m_files,
        &p.h_files,
        &p.f_files,
        &p.s_files,
        &p.swig_files,
        &p.swig_cxx_files,
        &p.syso_files,
        &p.test_go_files,
        &p.xtest_go_files,
    ]
    .into_iter()
    .flatten()
    .collect();
    for f in &p.embed_files {
        if !inputs.contains(&f) {
            inputs.push(f);
        }
    }
    let mut folded: std::collections::HashMap<String, &String> = std::collections::HashMap::new();
    let mut checks_failed = false;
    for f in &inputs {
        let key = f.to_lowercase();
        if let Some(other) = folded.get(&key) {
            let (a, b) = if f < other {
                (*f, *other)
            } else {
                (*other, *f)
            };
            errors.set(
                String::new(),
                format!("case-insensitive file name collision: {a:?} and {b:?}"),
            );
            checks_failed = true;
            break;
        }
        folded.insert(key, f);
    }
    if !checks_failed {
        if let Some(bad) = inputs
            .iter()
            .find(|f| !safe_arg(f) || f.starts_with("_cgo_"))
        {
            errors.set(String::new(), format!("invalid input file name {bad:?}"));
            checks_failed = true;
        }
    }
    if !checks_failed {
        let base = p.import_path.rsplit('/').next().unwrap_or("");
        if !safe_arg(base) {
            errors.set(
                String::new(),
                format!("invalid input directory name {base:?}"),
            );
            checks_failed = true;
        }
    }
    if checks_failed {
        return;
    }
    if !ctx.cgo_enabled {
        p.c_files.clear();
        p.cxx_files.clear();
        p.m_files.clear();
        p.swig_files.clear();
        p.swig_cxx_files.clear();
    }
    let uses_cgo_or_swig =
        !p.cgo_files.is_empty() || !p.swig_files.is_empty() || !p.swig_cxx_files.is_empty();
    if uses_cgo_or_swig {
        return;
    }
    let checks: [(&Vec<String>, &str); 4] = [
        (&p.c_files, "C"),
        (&p.cxx_files, "C++"),
        (&p.m_files, "Objective-C"),
        (&p.f_files, "Fortran"),
    ];
    for (list, what) in checks {
        if what == "C" && ctx.compiler != "gc" {
            continue;
        }
        if !list.is_empty() {
            errors.set(
                String::new(),
                format!(
                    "{what} source files not allowed when not using cgo or SWIG: {}",
                    list.join(" ")
                ),
            );
            return;
        }
    }
}

/// cmd/go's `SafeArg`: a name may not start with `-` or other ASCII punctuation that a
/// compiler could take for a flag.
fn safe_arg(name: &str) -> bool {
    match name.bytes().next() {
        None => false,
        Some(c) => c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || c == b'/' || c >= 0x80,
    }
}

/// `load.NoGoError`'s message.
fn no_go_message(p: &PackageFiles, dir: &str) -> String {
    if !p.ignored_go_files.is_empty() {
        format!("build constraints exclude all Go files in {dir}")
    } else if !p.test_go_files.is_empty() || !p.xtest_go_files.is_empty() {
        format!("no non-test Go files in {dir}")
    } else {
        format!("no Go files in {dir}")
    }
}

/// `file:line:col` with the file relative to `cwd` when that is shorter (`base.ShortPath`).
pub fn short_pos(p: &SourcePos, cwd: &Path) -> String {
    format!(
        "{}:{}:{}",
        short_path(Path::new(&p.file), cwd),
        p.line,
        p.column
    )
}

/// cmd/go's `base.ShortPath`: the relative form when it is shorter.
pub fn short_path(path: &Path, cwd: &Path) -> String {
    let abs = path.to_string_lossy().into_owned();
    match relative(path, cwd) {
        Some(rel) if rel.len() < abs.len() => rel,
        _ => abs,
    }
}

/// `filepath.Rel` for absolute, clean paths.
fn relative(path: &Path, base: &Path) -> Option<String> {
    let p: Vec<_> = path.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = std::iter::repeat("..".to_string())
        .take(b.len() - common)
        .collect();
    parts.extend(
        p[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        return Some(".".to_string());
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paths() {
        for (path, cwd, want) in [
            ("/a/b/c.go", "/a/b", "c.go"),
            ("/a/b/c.go", "/a/b/d", "../c.go"),
            ("/x.go", "/a/b/c/d", "/x.go"),
            ("/m/a/b.go", "/m", "a/b.go"),
            ("/mod/b.go", "/mod/x", "../b.go"),
            ("/b.go", "/very/deep/dir", "/b.go"),
        ] {
            assert_eq!(short_path(Path::new(path), Path::new(cwd)), want);
        }
    }

    #[test]
    fn safe_args() {
        assert!(
            safe_arg("a.go")
                && safe_arg("_x")
                && safe_arg("é")
                && !safe_arg("-x")
                && !safe_arg("[x].txt")
                && !safe_arg("")
        );
    }
}
