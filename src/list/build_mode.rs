//! cmd/go's build mode (`-mod`) as far as it changes what `go list` reports: in vendor mode
//! `modload.PackageModRoot` gives no module root, so cmd/go loads even the main module's
//! packages with go/build's `ImportDir` instead of the module index. This module decides the
//! mode the way `modload.setDefaultBuildMod` does, from facts the caller gathered.

/// How cmd/go resolves the main module's packages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BuildMode {
    /// `-mod=mod` or `-mod=readonly`: main-module packages come from the module index.
    #[default]
    Module,
    /// `-mod=vendor`: every package is loaded with go/build.
    Vendor,
}

/// What cmd/go looks at to choose the mode.
#[derive(Clone, Copy, Debug, Default)]
pub struct ModeFacts<'a> {
    /// The release's minor version (`23` for Go 1.23).
    pub release_minor: u32,
    /// An explicit `-mod=` value (from the command line or `$GOFLAGS`).
    pub mod_flag: Option<&'a str>,
    /// go.work is in effect.
    pub workspace: bool,
    /// The `go` line of go.mod (of go.work in workspace mode).
    pub go_line: Option<&'a str>,
    /// `None` when there is no `vendor` directory beside go.mod (beside go.work in workspace
    /// mode); else the start of `vendor/modules.txt` (empty when there is none).
    pub vendor: Option<&'a [u8]>,
}

impl BuildMode {
    /// cmd/go's choice: an explicit `-mod` wins; otherwise vendor mode needs a `vendor`
    /// directory, a `go` line of at least 1.14 and, since Go 1.22, a `modules.txt` written for
    /// the same mode (workspace or not) — Go 1.21 never defaults to vendor in a workspace.
    pub fn decide(f: &ModeFacts) -> BuildMode {
        if let Some(flag) = f.mod_flag {
            return if flag == "vendor" {
                BuildMode::Vendor
            } else {
                BuildMode::Module
            };
        }
        let Some(modules_txt) = f.vendor else {
            return BuildMode::Module;
        };
        if f.workspace && f.release_minor < 22 {
            return BuildMode::Module;
        }
        let Some(go) = f.go_line else {
            return BuildMode::Module;
        };
        if !at_least_1_14(go) {
            return BuildMode::Module;
        }
        if f.release_minor >= 22 && for_workspace(modules_txt) != f.workspace {
            return BuildMode::Module;
        }
        BuildMode::Vendor
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

/// `modules.txt` written by `go work vendor`: its first line is `## ` annotations naming
/// `workspace` (cmd/go reads the first 512 bytes).
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

    fn facts<'a>(minor: u32, go: Option<&'a str>, vendor: Option<&'a [u8]>) -> ModeFacts<'a> {
        ModeFacts {
            release_minor: minor,
            mod_flag: None,
            workspace: false,
            go_line: go,
            vendor,
        }
    }

    #[test]
    fn vendor_directory_and_go_line() {
        let v: &[u8] = b"";
        assert_eq!(
            BuildMode::decide(&facts(23, Some("1.23"), Some(v))),
            BuildMode::Vendor
        );
        assert_eq!(
            BuildMode::decide(&facts(21, Some("1.14"), Some(v))),
            BuildMode::Vendor
        );
        assert_eq!(
            BuildMode::decide(&facts(23, Some("1.13"), Some(v))),
            BuildMode::Module
        );
        assert_eq!(
            BuildMode::decide(&facts(23, None, Some(v))),
            BuildMode::Module
        );
        assert_eq!(
            BuildMode::decide(&facts(23, Some("1.23"), None)),
            BuildMode::Module
        );
    }

    #[test]
    fn explicit_flag_wins() {
        let v: &[u8] = b"";
        let mut f = facts(23, Some("1.23"), Some(v));
        f.mod_flag = Some("mod");
        assert_eq!(BuildMode::decide(&f), BuildMode::Module);
        let mut f = facts(23, Some("1.23"), None);
        f.mod_flag = Some("vendor");
        assert_eq!(BuildMode::decide(&f), BuildMode::Vendor);
    }

    #[test]
    fn workspace_modules_txt() {
        let ws: &[u8] = b"## workspace\n# example.com/m v1.0.0\n";
        // A workspace's vendor directory outside workspace mode is not used (Go 1.22+)…
        assert_eq!(
            BuildMode::decide(&facts(22, Some("1.22"), Some(ws))),
            BuildMode::Module
        );
        // …and one for a module is not used in workspace mode.
        let mut f = facts(23, Some("1.23"), Some(b"# example.com/m v1.0.0\n"));
        f.workspace = true;
        assert_eq!(BuildMode::decide(&f), BuildMode::Module);
        let mut f = facts(23, Some("1.23"), Some(ws));
        f.workspace = true;
        assert_eq!(BuildMode::decide(&f), BuildMode::Vendor);
        // Go 1.21 checks neither, and never defaults to vendor in a workspace.
        assert_eq!(
            BuildMode::decide(&facts(21, Some("1.21"), Some(ws))),
            BuildMode::Vendor
        );
        f.release_minor = 21;
        assert_eq!(BuildMode::decide(&f), BuildMode::Module);
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
}
