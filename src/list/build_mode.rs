//! cmd/go's build mode for every command: the facts of each main module gathered through a
//! [`Source`] ([`gather`], [`set_modes`]), the one decision all commands ask ([`mode`]) and
//! the loader it implies ([`loader`]). The rule itself is `go::build_mode`.

pub use crate::go::build_mode::{BuildMode, ModeFacts, VendorDir};

use crate::classify::Loader;
use crate::context::BuildContext;
use crate::packages::{MainModule, MainModules};
use crate::source::{FileKind, Source};
use crate::walk::{DirFacts, Module};
use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

/// How many bytes of `vendor/modules.txt` cmd/go reads for the workspace mark.
const MODULES_TXT_HEAD: u64 = 512;

/// The facts for one main module: `vendor_parent` is the directory whose `vendor` cmd/go
/// looks at (the module root, or go.work's directory in workspace mode) and `go_line` the
/// `go` line of go.mod (of go.work in workspace mode). `vendor` counts when `stat` says it is
/// a directory (a symlink to one counts, as `os.Stat` follows it).
pub fn gather(
    source: &dyn Source,
    vendor_parent: &Path,
    go_line: Option<&str>,
    workspace: bool,
    mod_flag: Option<&str>,
) -> ModeFacts {
    let vendor = vendor_parent.join("vendor");
    let is_dir = source.stat(&vendor).is_ok_and(|m| m.kind == FileKind::Dir);
    let head = is_dir.then(|| {
        let mut head = Vec::new();
        if let Ok(r) = source.open(&vendor.join("modules.txt")) {
            // An unreadable modules.txt counts as one without the mark (cmd/go stops there).
            let _ = r.take(MODULES_TXT_HEAD).read_to_end(&mut head);
        }
        head
    });
    ModeFacts::new(mod_flag, workspace, go_line, head.as_deref())
}

/// Sets the build-mode facts of every main module: in workspace mode go.work's directory and
/// `go` line decide for all of them, else each module's own ([`set_module_mode`]).
pub fn set_modes(source: &dyn Source, main: &mut MainModules, mod_flag: Option<&str>) {
    let Some(work_file) = &main.work_file else {
        for m in &mut main.modules {
            set_module_mode(source, m, mod_flag);
        }
        return;
    };
    let dir = work_file.parent().unwrap_or(Path::new("/"));
    let facts = gather(source, dir, main.work_go.as_deref(), true, mod_flag);
    for m in &mut main.modules {
        Arc::make_mut(&mut m.module).mode = facts;
    }
}

/// Sets the build-mode facts of one main module outside workspace mode: its own `vendor`
/// directory and go.mod `go` line.
pub fn set_module_mode(source: &dyn Source, m: &mut MainModule, mod_flag: Option<&str>) {
    let facts = gather(source, &m.module.root, m.go.as_deref(), false, mod_flag);
    Arc::make_mut(&mut m.module).mode = facts;
}

/// cmd/go's build mode for `module`'s packages under `ctx`'s release: the one decision every
/// command uses.
pub fn mode(module: &Module, ctx: &BuildContext) -> BuildMode {
    module.mode.decide(ctx.release)
}

/// The loader cmd/go uses for directory `d` of `module` under `ctx`: go/build for every
/// package in vendor mode and for a directory the module index cannot hold, else the index.
pub fn loader(module: &Module, d: &DirFacts, ctx: &BuildContext) -> Loader {
    loader_in(d, mode(module, ctx))
}

/// [`loader`] for a mode already decided.
pub fn loader_in(d: &DirFacts, mode: BuildMode) -> Loader {
    if d.irregular || mode == BuildMode::Vendor {
        Loader::GoBuild
    } else {
        Loader::Index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Disk, Overlay};

    #[test]
    fn gathers_through_the_source() {
        let root = Path::new("/nonexistent-gotags-build-mode/m");
        let mut o = Overlay::new(Disk);
        let none = gather(&o, root, Some("1.22"), false, None);
        assert_eq!(none.vendor, None);
        o.set(root.join("vendor/modules.txt"), b"## workspace\n".to_vec());
        let f = gather(&o, root, Some("1.22"), false, Some("mod"));
        assert_eq!(
            f.vendor,
            Some(VendorDir {
                for_workspace: true
            })
        );
        assert!(f.go_1_14 && !f.workspace);
        assert_eq!(f.explicit, Some(BuildMode::Module));
    }
}
