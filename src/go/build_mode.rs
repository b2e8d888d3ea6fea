//! cmd/go's build mode (`-mod`) for one main module, as far as it changes what is loaded:
//! in vendor mode cmd/go has no module root for the main module's packages, so it loads them
//! with go/build's `ImportDir` instead of the module index. [`ModeFacts`] holds what
//! `modload.setDefaultBuildMod` looks at, gathered once per module; [`ModeFacts::decide`]
//! makes its choice for one release. Pure: the caller reads the files.

use crate::go::release::Release;

/// How cmd/go resolves the main module's packages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BuildMode {
    /// `-mod=mod` or `-mod=readonly`: main-module packages come from the module index.
    #[default]
    Module,
    /// `-mod=vendor`: every package is loaded with go/build.
    Vendor,
}

/// The `vendor` directory cmd/go looks at (beside go.mod, or beside go.work in workspace
/// mode).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VendorDir {
    /// `vendor/modules.txt` was written by `go work vendor`: its first line is `## `
    /// annotations naming `workspace`.
    pub for_workspace: bool,
}

/// What cmd/go reads to choose one main module's build mode. The default (nothing known:
/// no flag, no vendor directory) is module mode on every release.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ModeFacts {
    /// An explicit `-mod=` (command line or `$GOFLAGS`): `vendor` is vendor mode, any other
    /// value module mode.
    pub explicit: Option<BuildMode>,
    /// go.work is in effect.
    pub workspace: bool,
    /// The `go` line (of go.work in workspace mode, else of go.mod) is present and at least
    /// 1.14.
    pub go_1_14: bool,
    /// The `vendor` directory, when there is one.
    pub vendor: Option<VendorDir>,
}

impl ModeFacts {
    /// The facts from their sources: the `-mod` value, workspace mode, the `go` line and,
    /// when a `vendor` directory exists, the start of its `modules.txt` (empty when there is
    /// none; cmd/go reads the first 512 bytes).
    pub fn new(
        mod_flag: Option<&str>,
        workspace: bool,
        go_line: Option<&str>,
        modules_txt: Option<&[u8]>,
    ) -> ModeFacts {
        ModeFacts {
            // `-mod=` with no value is no choice: cmd/go decides as if it were absent.
            explicit: mod_flag.filter(|f| !f.is_empty()).map(|f| {
                if f == "vendor" {
                    BuildMode::Vendor
                } else {
                    BuildMode::Module
                }
            }),
            workspace,
            go_1_14: go_line.is_some_and(at_least_1_14),
            vendor: modules_txt.map(|t| VendorDir {
                for_workspace: for_workspace(t),
            }),
        }
    }

    /// cmd/go's choice under `release`: an explicit `-mod` wins; otherwise vendor mode needs
    /// a `vendor` directory and a `go` line of at least 1.14 and, since Go 1.22, a
    /// `modules.txt` written for the same mode (workspace or not). Go 1.21 never defaults to
    /// vendor mode in a workspace (`go work vendor` came with 1.22).
    pub fn decide(&self, release: &Release) -> BuildMode {
        if let Some(mode) = self.explicit {
            return mode;
        }
        let Some(vendor) = self.vendor else {
            return BuildMode::Module;
        };
        let checks_workspace_mark = release.minor >= 22;
        if self.workspace && !checks_workspace_mark {
            return BuildMode::Module;
        }
        if !self.go_1_14 {
            return BuildMode::Module;
        }
        if checks_workspace_mark && vendor.for_workspace != self.workspace {
            return BuildMode::Module;
        }
        BuildMode::Vendor
    }
}

/// A `-mod` value cmd/go refuses before it reads go.mod or go.work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModFlagError {
    /// Not one of the four values cmd/go knows.
    Unsupported { value: String },
    /// In workspace mode only `readonly` is accepted, and from Go 1.22 also `vendor`
    /// (`go work vendor`).
    InWorkspace { value: String, vendor_allowed: bool },
}

impl std::fmt::Display for ModFlagError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModFlagError::Unsupported { value } => write!(
                f,
                "-mod={value} not supported (can be '', 'mod', 'readonly', or 'vendor')"
            ),
            // Go 1.22 added "or vendor", and with it a space before the line break.
            ModFlagError::InWorkspace {
                value,
                vendor_allowed,
            } => {
                let (allowed, gap) = if *vendor_allowed {
                    ("readonly or vendor", " ")
                } else {
                    ("readonly", "")
                };
                write!(
                    f,
                    "-mod may only be set to {allowed} when in workspace mode, but it is set to \"{value}\"\n\
                     \tRemove the -mod flag to use the default readonly value,{gap}\n\
                     \tor set GOWORK=off to disable workspace mode."
                )
            }
        }
    }
}

impl std::error::Error for ModFlagError {}

/// Checks `-mod=value` as cmd/go does first of all, once it knows whether a go.work is in
/// effect: in workspace mode against the workspace's short list, otherwise against the four
/// known values. The empty value always passes.
pub fn check_mod_flag(value: &str, workspace: bool, release: &Release) -> Result<(), ModFlagError> {
    if value.is_empty() {
        return Ok(());
    }
    if workspace {
        let vendor_allowed = release.minor >= 22;
        if value == "readonly" || (vendor_allowed && value == "vendor") {
            return Ok(());
        }
        return Err(ModFlagError::InWorkspace {
            value: value.to_string(),
            vendor_allowed,
        });
    }
    match value {
        "mod" | "readonly" | "vendor" => Ok(()),
        _ => Err(ModFlagError::Unsupported {
            value: value.to_string(),
        }),
    }
}

/// Whether a go.mod/go.work `go` version (`1.14`, `1.21.0`, `1.22rc1`, `2`) is at least 1.14.
fn at_least_1_14(v: &str) -> bool {
    let mut parts = v.splitn(2, '.');
    let major: u32 = parts
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or_default();
    let minor: u32 = parts
        .next()
        .map(|m| {
            let digits = m.len() - m.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            m[..digits].parse().unwrap_or_default()
        })
        .unwrap_or_default();
    major > 1 || (major == 1 && minor >= 14)
}

/// Whether `modules.txt` was written by `go work vendor`: its first line is `## `
/// annotations naming `workspace` (only the first 512 bytes count).
fn for_workspace(modules_txt: &[u8]) -> bool {
    let head = &modules_txt[..modules_txt.len().min(512)];
    let text = String::from_utf8_lossy(head);
    let first = text.split('\n').next().unwrap_or("");
    first
        .strip_prefix("## ")
        .is_some_and(|a| a.split(';').any(|e| e.trim() == "workspace"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::go::release::by_minor;

    fn decide(minor: u32, f: ModeFacts) -> BuildMode {
        match by_minor(minor) {
            Some(r) => f.decide(r),
            None => panic!("no table for go1.{minor}"),
        }
    }

    fn module(go: Option<&str>, modules_txt: Option<&[u8]>) -> ModeFacts {
        ModeFacts::new(None, false, go, modules_txt)
    }

    #[test]
    fn vendor_directory_and_go_line() {
        let v: &[u8] = b"";
        assert_eq!(decide(23, module(Some("1.23"), Some(v))), BuildMode::Vendor);
        assert_eq!(decide(21, module(Some("1.14"), Some(v))), BuildMode::Vendor);
        assert_eq!(decide(23, module(Some("1.13"), Some(v))), BuildMode::Module);
        assert_eq!(decide(23, module(None, Some(v))), BuildMode::Module);
        assert_eq!(decide(23, module(Some("1.23"), None)), BuildMode::Module);
        assert_eq!(decide(27, ModeFacts::default()), BuildMode::Module);
    }

    #[test]
    fn explicit_flag_wins() {
        let v: &[u8] = b"";
        let f = ModeFacts::new(Some("mod"), false, Some("1.23"), Some(v));
        assert_eq!(decide(23, f), BuildMode::Module);
        let f = ModeFacts::new(Some("readonly"), false, Some("1.23"), Some(v));
        assert_eq!(decide(23, f), BuildMode::Module);
        let f = ModeFacts::new(Some("vendor"), false, Some("1.23"), None);
        assert_eq!(decide(23, f), BuildMode::Vendor);
    }

    #[test]
    fn workspace_modules_txt() {
        let ws: &[u8] = b"## workspace\n# example.com/m v1.0.0\n";
        let plain: &[u8] = b"# example.com/m v1.0.0\n";
        // A workspace's vendor directory outside workspace mode is not used (Go 1.22+)…
        assert_eq!(
            decide(22, module(Some("1.22"), Some(ws))),
            BuildMode::Module
        );
        // …and one for a module is not used in workspace mode.
        let in_work = |t| ModeFacts::new(None, true, Some("1.23"), Some(t));
        assert_eq!(decide(23, in_work(plain)), BuildMode::Module);
        assert_eq!(decide(23, in_work(ws)), BuildMode::Vendor);
        // Go 1.21 checks neither, and never defaults to vendor in a workspace.
        assert_eq!(
            decide(21, module(Some("1.21"), Some(ws))),
            BuildMode::Vendor
        );
        assert_eq!(decide(21, in_work(ws)), BuildMode::Module);
    }

    #[test]
    fn empty_flag_is_no_choice() {
        let v: &[u8] = b"";
        let f = ModeFacts::new(Some(""), false, Some("1.23"), Some(v));
        assert_eq!(decide(23, f), BuildMode::Vendor);
    }

    #[test]
    fn mod_flag_values() {
        let check = |minor: u32, value: &str, workspace: bool| match by_minor(minor) {
            Some(r) => check_mod_flag(value, workspace, r),
            None => panic!("no table for go1.{minor}"),
        };
        for v in ["", "mod", "readonly", "vendor"] {
            assert_eq!(check(23, v, false), Ok(()));
        }
        assert_eq!(
            check(21, "bogus", false).map_err(|e| e.to_string()),
            Err("-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')".into())
        );
        assert_eq!(check(22, "vendor", true), Ok(()));
        assert_eq!(check(21, "readonly", true), Ok(()));
        assert_eq!(check(21, "", true), Ok(()));
        let e21 = check(21, "vendor", true).map_err(|e| e.to_string());
        assert_eq!(
            e21,
            Err("-mod may only be set to readonly when in workspace mode, but it is set to \"vendor\"\n\tRemove the -mod flag to use the default readonly value,\n\tor set GOWORK=off to disable workspace mode.".into())
        );
        let e26 = check(26, "mod", true).map_err(|e| e.to_string());
        assert_eq!(
            e26,
            Err("-mod may only be set to readonly or vendor when in workspace mode, but it is set to \"mod\"\n\tRemove the -mod flag to use the default readonly value, \n\tor set GOWORK=off to disable workspace mode.".into())
        );
    }

    #[test]
    fn go_versions() {
        assert!(at_least_1_14("1.14"));
        assert!(at_least_1_14("1.22rc1"));
        assert!(at_least_1_14("1.21.0"));
        assert!(at_least_1_14("2"));
        assert!(!at_least_1_14("1.9"));
        assert!(!at_least_1_14("1"));
        assert!(!at_least_1_14("junk"));
    }

    #[test]
    fn workspace_mark() {
        assert!(for_workspace(b"## workspace\n"));
        assert!(for_workspace(b"## explicit; workspace\n"));
        assert!(!for_workspace(b"# example.com/m v1.0.0\n## workspace\n"));
        assert!(!for_workspace(b""));
        assert!(!for_workspace(b"##workspace\n"));
    }
}
