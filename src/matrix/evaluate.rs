//! Evaluation of every configuration at once. Per file, the file-name constraint and the
//! `//go:build` / `// +build` expressions are evaluated once each over [`Bits`] (one bit per
//! configuration) by [`crate::configs::eval`]. Those bits, with cgo and the external-linking rule, are everything
//! `classify`/`list` consult about a configuration, so configurations with equal bits in a
//! directory form one *class* and `list::package_view` runs once per class, with one of its
//! configurations: the per-configuration file lists are `list`'s own, by construction.

use super::view::{ClassView, Interner, List, PackageRef, Strings, COMPILED};
pub use crate::configs::eval::{FileBits, TagOracle};
use crate::configs::{Bits, Config, ConfigError, ConfigSet, Evaluator};
use crate::context::BuildContext;
use crate::embed::AssetCache;
use crate::facts::HeaderOutcome;
use crate::hashing::FastMap as HashMap;
use crate::list::{self, ListOptions, ListedPackage};
use crate::platform;
use crate::walk::{DirFacts, Module};
use rayon::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// Configurations that see a directory identically, and what `go list` shows for them.
#[derive(Clone, Debug)]
pub struct Class {
    pub configs: Bits,
    /// `None` when `./...` does not list the directory under these configurations; read it
    /// through [`DirMatrix::package`].
    pub view: Option<ClassView>,
    /// The whole view, built from `view` the first time [`Evaluation::listed_for`] asks.
    full: OnceLock<Box<ListedPackage>>,
}

/// One walked directory across the matrix.
#[derive(Clone, Debug)]
pub struct DirMatrix {
    /// Index into the walked directories.
    pub dir_index: usize,
    pub rel: String,
    pub import_path: String,
    pub classes: Vec<Class>,
    /// Configuration index → class index.
    pub class_of: Vec<usize>,
    /// Parallel to the directory's `FileFacts`.
    pub bits: Vec<FileBits>,
    /// Parallel to the directory's `FileFacts`: where the file is in a compiled list.
    pub compiled: Vec<Bits>,
    /// The strings the class views point into: the file names first, at their index.
    pub strings: Strings,
}

impl DirMatrix {
    /// Configurations where the package has non-test Go files (GoFiles or CgoFiles).
    pub fn builds(&self, n: usize) -> Bits {
        let mut b = Bits::empty(n);
        for c in &self.classes {
            if let Some(l) = self.package(c) {
                if !l.is_empty(List::GoFiles) || !l.is_empty(List::CgoFiles) {
                    b.union_with(&c.configs);
                }
            }
        }
        b
    }

    /// A class's package view, if the directory is listed there.
    pub fn package<'a>(&'a self, class: &'a Class) -> Option<PackageRef<'a>> {
        class.view.as_ref().map(|view| PackageRef {
            view,
            strings: &self.strings,
        })
    }

    /// The listing under configuration `c`.
    pub fn listed(&self, c: usize) -> Option<PackageRef<'_>> {
        self.package(self.classes.get(*self.class_of.get(c)?)?)
    }

    /// The whole `go list` view under configuration `c` (built once per class, on demand).
    pub fn listed_full(&self, c: usize) -> Option<&ListedPackage> {
        let class = self.classes.get(*self.class_of.get(c)?)?;
        let p = self.package(class)?;
        Some(class.full.get_or_init(|| Box::new(p.to_listed())))
    }
}

/// `list::is_package`, answered without classifying when a plain `.go` file (read, no
/// `import "C"`, not `package documentation`) is selected under configuration `c`: go/build
/// lists such a file, so the directory cannot be "no Go files".
fn is_package(d: &DirFacts, bits: &[FileBits], c: usize, ctx: &BuildContext) -> bool {
    let listed_go = d.files.iter().zip(bits).any(|(f, b)| {
        f.is_go()
            && b.name.get(c)
            && b.header.get(c)
            && matches!(&f.header, HeaderOutcome::Read(h)
                if !h.imports_c() && h.package_name != "documentation")
    });
    listed_go || list::is_package(d, ctx)
}

/// Everything the matrix knows before gaps: configurations, contexts and per-directory classes.
pub struct Evaluation {
    pub configs: Vec<Config>,
    pub contexts: Vec<BuildContext>,
    pub dirs: Vec<DirMatrix>,
}

impl Evaluation {
    /// The packages `list` would print for configuration `c`, in walk order.
    pub fn listed_for(&self, c: usize) -> Vec<&ListedPackage> {
        self.dirs.iter().filter_map(|d| d.listed_full(c)).collect()
    }
}

/// Evaluates every configuration over the walked facts.
pub fn evaluate(
    module: &Module,
    dirs: &[DirFacts],
    configs: Vec<Config>,
    cache: &AssetCache,
    cwd: &Path,
) -> Result<Evaluation, ConfigError> {
    let set = ConfigSet::new(configs)?;
    let bits = Evaluator::new(&set).file_bits(dirs);
    Ok(evaluate_set(module, dirs, set, bits, cache, cwd))
}

/// [`evaluate`] over a configuration set whose file bits ([`Evaluator::file_bits`]) are
/// already computed: nothing is evaluated twice.
pub fn evaluate_set(
    module: &Module,
    dirs: &[DirFacts],
    set: ConfigSet,
    bits: Vec<Vec<FileBits>>,
    cache: &AssetCache,
    cwd: &Path,
) -> Evaluation {
    let ConfigSet {
        configs, contexts, ..
    } = set;
    let n = contexts.len();
    let cgo = Bits::from_fn(n, |i| contexts[i].cgo_enabled);
    let mle = Bits::from_fn(n, |i| {
        let race = contexts[i].tool_tags.iter().any(|t| t == "race");
        platform::external_linking_reason(
            contexts[i].release,
            &contexts[i].goos,
            &contexts[i].goarch,
            race,
        )
        .is_some()
    });
    let out: Vec<DirMatrix> = dirs
        .par_iter()
        .zip(bits)
        .enumerate()
        .map(|(i, (d, bits))| eval_dir(module, i, d, bits, &contexts, &cgo, &mle, cache, cwd))
        .collect();
    Evaluation {
        configs,
        contexts,
        dirs: out,
    }
}

/// Every bit `classify`/`list` consult, plus the port when its name shows in an error.
type Signature<'a> = (Vec<u8>, Option<(&'a str, &'a str, u32)>);

#[allow(clippy::too_many_arguments)]
fn eval_dir(
    module: &Module,
    dir_index: usize,
    d: &DirFacts,
    bits: Vec<FileBits>,
    contexts: &[BuildContext],
    cgo: &Bits,
    mle: &Bits,
    cache: &AssetCache,
    cwd: &Path,
) -> DirMatrix {
    let n = contexts.len();
    // The signature of a configuration: every bit classify and list could consult. A file
    // whose name does not match is excluded before its header constraint is looked at, so
    // the header bit only counts where the name matches. cgo only matters for files that
    // import "C" or need a C toolchain, and under the external-linking rule, which only
    // concerns commands (and where the platform itself appears in go list's error text).
    let cgo_matters = d.files.iter().any(|f| {
        !matches!(&*f.ext, ".go" | ".s" | ".syso")
            || matches!(&f.header, HeaderOutcome::Read(h) if h.imports_c())
    });
    let may_be_command = d
        .files
        .iter()
        .any(|f| matches!(&f.header, HeaderOutcome::Read(h) if h.package_name == "main"));
    // Release-dependent go list behaviour (embed scanning and names, import-path checks,
    // constraint size limits) only shows in directories with such files.
    let release_matters = d.files.iter().any(|f| match &f.header {
        HeaderOutcome::Read(h) => {
            !h.embeds().is_empty()
                || h.embeds_differ_by_release()
                || h.go_build
                    .as_deref()
                    .into_iter()
                    .chain(&h.plus_build)
                    .any(|c| c.unlimited.is_some())
                || h.invalid_import.is_some()
        }
        _ => false,
    });
    let mut classes_by_sig: HashMap<Signature, usize> = HashMap::default();
    let mut class_of = Vec::with_capacity(n);
    let mut members: Vec<Bits> = Vec::new();
    for (c, ctx) in contexts.iter().enumerate() {
        let mut sig = Vec::with_capacity(bits.len() + 2);
        for b in &bits {
            sig.push(match (b.name.get(c), b.header.get(c)) {
                (false, _) => 0u8,
                (true, false) => 1,
                (true, true) => 2,
            });
        }
        let external = may_be_command && mle.get(c);
        sig.push(u8::from((cgo_matters || external) && cgo.get(c)));
        sig.push(u8::from(external));
        sig.push(if release_matters {
            ctx.release.go_list.listing_key()
        } else {
            0
        });
        // A vendored workspace is loaded in module mode by Go 1.21 and in vendor mode later.
        sig.push(u8::from(
            crate::list::build_mode::mode(module, ctx) == crate::list::BuildMode::Vendor,
        ));
        let port = external.then_some((ctx.goos.as_str(), ctx.goarch.as_str(), ctx.release.minor));
        let next = members.len();
        let k = *classes_by_sig.entry((sig, port)).or_insert(next);
        if k == next {
            members.push(Bits::empty(n));
        }
        members[k].set(c);
        class_of.push(k);
    }
    let import_path = module.import_path(&d.rel);
    let listable = !(d.rel.contains('@') || module.path == "std" && d.rel == "builtin");
    let mut compiled = vec![Bits::empty(n); d.files.len()];
    let mut strings = Interner::with_files(d.files.iter().map(|f| f.name.as_str()));
    let classes: Vec<Class> = members
        .into_iter()
        .map(|configs| {
            let rep = configs.iter().next().unwrap_or(0);
            let ctx = &contexts[rep];
            let view = (listable && is_package(d, &bits, rep, ctx)).then(|| {
                let listed = list::package_view(
                    module,
                    d,
                    ctx,
                    cache,
                    cwd,
                    ListOptions {
                        test: true,
                        goroot_pattern: None,
                    },
                );
                ClassView::new(listed, &mut strings)
            });
            if let Some(v) = &view {
                for (_, list) in COMPILED {
                    for &id in v.ids(list) {
                        if let Some(b) = compiled.get_mut(id as usize) {
                            b.union_with(&configs);
                        }
                    }
                }
            }
            Class {
                configs,
                view,
                full: OnceLock::new(),
            }
        })
        .collect();
    DirMatrix {
        dir_index,
        rel: d.rel.clone(),
        import_path,
        classes,
        class_of,
        bits,
        compiled,
        strings: strings.finish(),
    }
}
