//! Which Go release the user's `go` would run, found without running Go
//! (`cmd/go/internal/toolchain/select.go`): `--go`, else `GOTOOLCHAIN` when it names a
//! release, else the local toolchain (`$GOROOT`, else the `go` first on `PATH` with symlinks
//! resolved) by its `VERSION` file; raised to the main module's `toolchain` or `go` line when
//! `GOTOOLCHAIN` allows switching; else the newest release gotags knows. The file-system
//! reads go through `Probe` so the rules can be tested on fake trees.

use crate::go::release::{self, parse_version, Release, UnknownRelease};
use std::fmt;
use std::path::{Path, PathBuf};

/// Where the chosen release came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `--go VALUE`.
    Flag(String),
    /// `GOTOOLCHAIN=VALUE` named the release.
    Gotoolchain(String),
    /// The local toolchain's `VERSION` file.
    VersionFile(PathBuf),
    /// The main module's (or workspace's) `toolchain` or `go` line raised the release;
    /// `gotoolchain` is the setting that allowed the switch.
    ModuleLine {
        file: PathBuf,
        directive: &'static str,
        version: String,
        gotoolchain: String,
    },
    /// No toolchain was found: the newest release gotags knows.
    Newest,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag(v) => write!(f, "from --go {v}"),
            Origin::Gotoolchain(v) => write!(f, "from GOTOOLCHAIN={v}"),
            Origin::VersionFile(p) => write!(f, "from {}", p.display()),
            Origin::ModuleLine {
                file,
                directive,
                version,
                gotoolchain,
            } => write!(
                f,
                "from the {directive} {version} line in {}, as GOTOOLCHAIN={gotoolchain} allows switching",
                file.display()
            ),
            Origin::Newest => write!(f, "no Go toolchain found: the newest release gotags knows"),
        }
    }
}

/// The release in force and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub release: &'static Release,
    pub origin: Origin,
    /// Things the user should know that did not stop the run (e.g. a go line newer than
    /// every known release).
    pub warnings: Vec<String>,
}

impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.release, self.origin)?;
        if self.release.derived() {
            write!(f, " [facts derived from the Go 1.23 and 1.26 sources]")?;
        }
        Ok(())
    }
}

/// Why no release could be chosen; each is a usage error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetectError {
    /// `--go` named a release gotags does not know.
    UnknownFlag(UnknownRelease),
    /// `GOTOOLCHAIN` is malformed; `go` itself would refuse it with this text.
    InvalidGotoolchain { value: String, reason: String },
    /// `GOTOOLCHAIN` names a valid release gotags has no table for.
    UnknownGotoolchain { value: String },
    /// The toolchain's `VERSION` file is missing, unreadable or names no release.
    Version { path: PathBuf, reason: String },
    /// The `VERSION` file names a release gotags has no table for.
    UnknownVersion { path: PathBuf, version: String },
    /// The module's `toolchain` line is malformed (go stops with `invalid toolchain`).
    InvalidToolchainLine { file: PathBuf, value: String },
}

impl fmt::Display for DetectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known = release::known_list();
        match self {
            DetectError::UnknownFlag(e) => write!(f, "--go: {e}"),
            DetectError::InvalidGotoolchain { value, reason } => {
                write!(f, "invalid GOTOOLCHAIN {value:?}{reason}")
            }
            DetectError::UnknownGotoolchain { value } => write!(
                f,
                "GOTOOLCHAIN={value} names a Go release gotags has no table for; known releases: {known} (pass --go to choose one)"
            ),
            DetectError::Version { path, reason } => write!(
                f,
                "cannot tell the Go release from {}: {reason} (pass --go RELEASE; known releases: {known})",
                path.display()
            ),
            DetectError::UnknownVersion { path, version } => write!(
                f,
                "{} names {version}, a Go release gotags has no table for; known releases: {known} (pass --go to choose one)",
                path.display()
            ),
            DetectError::InvalidToolchainLine { file, value } => {
                write!(f, "invalid toolchain {value:?} in {}", file.display())
            }
        }
    }
}

impl std::error::Error for DetectError {}

/// The outside world detection reads: variables (process, then the go env file, then
/// `$GOROOT/go.env` for `GOTOOLCHAIN`), files and `PATH` lookups.
pub trait Probe {
    /// A variable as `go` sees it (process environment, then the `go env -w` file).
    fn var(&self, name: &str) -> Option<String>;
    fn read(&self, path: &Path) -> std::io::Result<String>;
    fn is_file(&self, path: &Path) -> bool;
    /// The `go` executable first on `PATH`, symlinks resolved.
    fn go_on_path(&self) -> Option<PathBuf>;
}

/// Chooses the release: `flag` (from `--go`) wins; otherwise Go's own rules, with `dir`
/// the directory whose main module may raise the release.
pub fn select(flag: Option<&str>, dir: &Path, probe: &dyn Probe) -> Result<Selection, DetectError> {
    if let Some(v) = flag {
        let release = release::find(v).map_err(DetectError::UnknownFlag)?;
        return Ok(Selection {
            release,
            origin: Origin::Flag(v.to_string()),
            warnings: Vec::new(),
        });
    }
    let goroot = local_goroot(probe);
    let gotoolchain = probe
        .var("GOTOOLCHAIN")
        .filter(|v| !v.is_empty())
        .or_else(|| goroot.as_deref().and_then(|r| go_env_default(r, probe)))
        .unwrap_or_default();
    let (min, mode) = parse_gotoolchain(&gotoolchain)?;
    let mut warnings = Vec::new();
    // The starting point: the release GOTOOLCHAIN names, else the local toolchain's.
    let (mut chosen, mut origin) = match min {
        Some(version) => {
            let Some(release) = release_for(&version) else {
                return Err(DetectError::UnknownGotoolchain { value: gotoolchain });
            };
            (Some(release), Origin::Gotoolchain(gotoolchain.clone()))
        }
        None => match &goroot {
            Some(root) => {
                let path = root.join("VERSION");
                let release = local_release(&path, probe)?;
                (Some(release), Origin::VersionFile(path))
            }
            None => (None, Origin::Newest),
        },
    };
    if mode.switches() {
        if let Some(line) = module_line(dir, probe)? {
            let current = chosen.map_or(0, |r| r.minor);
            if line.minor > current {
                match release::by_minor(line.minor) {
                    Some(r) => chosen = Some(r),
                    None => {
                        warnings.push(format!(
                            "{} says {} {}, newer than every release gotags knows; using {}",
                            line.file.display(),
                            line.directive,
                            line.version,
                            release::NEWEST
                        ));
                        chosen = Some(release::NEWEST);
                    }
                }
                origin = Origin::ModuleLine {
                    file: line.file,
                    directive: line.directive,
                    version: line.version,
                    gotoolchain: if gotoolchain.is_empty() {
                        "auto".to_string()
                    } else {
                        gotoolchain.clone()
                    },
                };
            }
        }
    }
    Ok(Selection {
        release: chosen.unwrap_or(release::NEWEST),
        origin,
        warnings,
    })
}

/// Whether go may switch to a newer toolchain for the module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Fixed,
    Auto,
    Path,
}

impl Mode {
    fn switches(self) -> bool {
        self != Mode::Fixed
    }
}

/// `GOTOOLCHAIN`: `local`, `auto`, `path`, `NAME`, `NAME+auto`, `NAME+path` (NAME `local` or
/// a toolchain name such as `go1.26.3`). Returns the named version (None for `local`) and
/// the mode. An empty value behaves like `local`, as go does without a `go.env`.
fn parse_gotoolchain(value: &str) -> Result<(Option<String>, Mode), DetectError> {
    let invalid = |reason: String| DetectError::InvalidGotoolchain {
        value: value.to_string(),
        reason,
    };
    match value {
        "" | "local" => return Ok((None, Mode::Fixed)),
        "auto" => return Ok((None, Mode::Auto)),
        "path" => return Ok((None, Mode::Path)),
        _ => {}
    }
    let (min, suffix) = value
        .split_once('+')
        .map_or((value, None), |(m, s)| (m, Some(s)));
    let version = if min == "local" {
        None
    } else {
        match toolchain_version(min) {
            Some(v) => Some(v),
            None if suffix.is_some() => {
                return Err(invalid(format!(": invalid minimum toolchain {min:?}")))
            }
            None => return Err(invalid(String::new())),
        }
    };
    let mode = match suffix {
        None => Mode::Fixed,
        Some("auto") => Mode::Auto,
        Some("path") => Mode::Path,
        Some(_) => {
            return Err(invalid(
                ": only version suffixes are +auto and +path".to_string(),
            ))
        }
    };
    Ok((version, mode))
}

/// `gover.FromToolchain`: `go1.26.3` (optionally with a `-suffix` or ` suffix`) → `1.26.3`.
fn toolchain_version(name: &str) -> Option<String> {
    if name.contains(['/', '\\']) {
        return None;
    }
    let v = name.strip_prefix("go")?;
    let v = v.split([' ', '\t', '-']).next().unwrap_or(v);
    parse_version(v).map(|_| v.to_string())
}

/// The release table for a version text such as `1.26.3`, if gotags has one.
fn release_for(version: &str) -> Option<&'static Release> {
    let (major, minor, _) = parse_version(version)?;
    (major == 1).then(|| release::by_minor(minor)).flatten()
}

/// `$GOROOT` if set, else the directory above the `bin/` of the `go` on `PATH`.
fn local_goroot(probe: &dyn Probe) -> Option<PathBuf> {
    if let Some(root) = probe.var("GOROOT").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(root));
    }
    let go = probe.go_on_path()?;
    let bin = go.parent()?;
    Some(bin.parent()?.to_path_buf())
}

/// `GOTOOLCHAIN` from `$GOROOT/go.env` (the distribution's default, `auto` upstream).
fn go_env_default(goroot: &Path, probe: &dyn Probe) -> Option<String> {
    let text = probe.read(&goroot.join("go.env")).ok()?;
    text.lines().find_map(|l| {
        l.trim()
            .strip_prefix("GOTOOLCHAIN=")
            .map(|v| v.trim().to_string())
    })
}

/// The release named by the first line of a `VERSION` file (`go1.26.8`).
fn local_release(path: &Path, probe: &dyn Probe) -> Result<&'static Release, DetectError> {
    let text = probe.read(path).map_err(|e| DetectError::Version {
        path: path.to_path_buf(),
        reason: crate::facts::go_errno_text(&e),
    })?;
    let first = text.lines().next().unwrap_or("").trim();
    let Some(version) = toolchain_version(first) else {
        return Err(DetectError::Version {
            path: path.to_path_buf(),
            reason: format!("first line {first:?} is not a Go release such as go1.26.3"),
        });
    };
    release_for(&version).ok_or_else(|| DetectError::UnknownVersion {
        path: path.to_path_buf(),
        version: first.to_string(),
    })
}

/// The main module's (or workspace's) request: the `toolchain` line when it asks for more
/// than the `go` line, else the `go` line.
struct ModuleLine {
    file: PathBuf,
    directive: &'static str,
    version: String,
    minor: u32,
}

fn module_line(dir: &Path, probe: &dyn Probe) -> Result<Option<ModuleLine>, DetectError> {
    let Some(file) = module_file(dir, probe) else {
        return Ok(None);
    };
    let Ok(text) = probe.read(&file) else {
        return Ok(None);
    };
    let (go, toolchain) = directives(&text);
    let mut best: Option<ModuleLine> = None;
    if let Some(t) = toolchain.filter(|t| t != "default") {
        let Some(v) = toolchain_version(&t) else {
            return Err(DetectError::InvalidToolchainLine { file, value: t });
        };
        if let Some((1, minor, _)) = parse_version(&v) {
            best = Some(ModuleLine {
                file: file.clone(),
                directive: "toolchain",
                version: t,
                minor,
            });
        }
    }
    if let Some(g) = go {
        if let Some((1, minor, _)) = parse_version(&g) {
            if best.as_ref().map_or(true, |b| minor > b.minor) {
                best = Some(ModuleLine {
                    file,
                    directive: "go",
                    version: g,
                    minor,
                });
            }
        }
    }
    Ok(best)
}

/// `go.work` (unless `GOWORK=off`; `GOWORK=FILE` names it), else the nearest `go.mod`.
fn module_file(dir: &Path, probe: &dyn Probe) -> Option<PathBuf> {
    let work = match probe.var("GOWORK").as_deref() {
        Some("off") => None,
        Some(v) if !v.is_empty() => return Some(PathBuf::from(v)),
        _ => find_up(dir, "go.work", probe),
    };
    work.or_else(|| find_up(dir, "go.mod", probe))
}

fn find_up(dir: &Path, name: &str, probe: &dyn Probe) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(name))
        .find(|p| probe.is_file(p))
}

/// The `go` and `toolchain` directives of a go.mod/go.work text (single-line forms; the
/// values are the first field after the keyword).
fn directives(text: &str) -> (Option<String>, Option<String>) {
    let mut go = None;
    let mut toolchain = None;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("").trim();
        let mut fields = line.split_whitespace();
        match (fields.next(), fields.next()) {
            (Some("go"), Some(v)) => go = Some(v.to_string()),
            (Some("toolchain"), Some(v)) => toolchain = Some(v.to_string()),
            _ => {}
        }
    }
    (go, toolchain)
}

/// Detects the release for `dir` on this system and makes it the process default
/// (`go::release::select`), so every context built afterwards follows it.
pub fn apply(flag: Option<&str>, dir: &Path) -> Result<Selection, DetectError> {
    let selection = select(flag, dir, &SystemProbe::new())?;
    release::select(selection.release);
    Ok(selection)
}

/// Where to look for the main module: `path` (its directory when it names a file, relative
/// to the current directory), else the current directory.
pub fn module_search_dir(path: Option<&Path>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let Some(p) = path else {
        return cwd;
    };
    let p = cwd.join(p);
    if p.is_file() {
        p.parent().map(Path::to_path_buf).unwrap_or(cwd)
    } else {
        p
    }
}

/// The real world: process environment over the go env file, the file system and `PATH`.
pub struct SystemProbe {
    env: crate::goenv::GoEnv,
}

impl SystemProbe {
    pub fn new() -> SystemProbe {
        SystemProbe {
            env: crate::goenv::GoEnv::load(),
        }
    }
}

impl Default for SystemProbe {
    fn default() -> Self {
        SystemProbe::new()
    }
}

impl Probe for SystemProbe {
    fn var(&self, name: &str) -> Option<String> {
        let process = |n: &str| std::env::var(n).ok();
        self.env.lookup(name, &process)
    }
    fn read(&self, path: &Path) -> std::io::Result<String> {
        std::fs::read_to_string(path)
    }
    fn is_file(&self, path: &Path) -> bool {
        path.is_file()
    }
    fn go_on_path(&self) -> Option<PathBuf> {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .map(|d| d.join("go"))
            .find(|c| c.is_file())
            .map(|c| std::fs::canonicalize(&c).unwrap_or(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Fake {
        vars: HashMap<String, String>,
        files: HashMap<PathBuf, String>,
        go: Option<PathBuf>,
    }

    impl Probe for Fake {
        fn var(&self, name: &str) -> Option<String> {
            self.vars.get(name).cloned()
        }
        fn read(&self, path: &Path) -> std::io::Result<String> {
            self.files
                .get(path)
                .cloned()
                .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
        }
        fn is_file(&self, path: &Path) -> bool {
            self.files.contains_key(path)
        }
        fn go_on_path(&self) -> Option<PathBuf> {
            self.go.clone()
        }
    }

    fn fake(vars: &[(&str, &str)], files: &[(&str, &str)]) -> Fake {
        Fake {
            vars: vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            files: files
                .iter()
                .map(|(k, v)| (PathBuf::from(k), v.to_string()))
                .collect(),
            go: Some(PathBuf::from("/usr/local/go/bin/go")),
        }
    }

    fn minor(s: Result<Selection, DetectError>) -> Result<u32, DetectError> {
        s.map(|s| s.release.minor)
    }

    const ROOT: &str = "/usr/local/go/VERSION";

    #[test]
    fn flag_then_gotoolchain_then_version_file() {
        let f = fake(
            &[("GOTOOLCHAIN", "go1.22.4")],
            &[(ROOT, "go1.26.8\ntime x\n")],
        );
        let dir = Path::new("/m");
        assert_eq!(minor(select(Some("go1.21"), dir, &f)), Ok(21));
        assert_eq!(minor(select(None, dir, &f)), Ok(22));
        let f = fake(&[("GOTOOLCHAIN", "local")], &[(ROOT, "go1.26.8\n")]);
        let s = select(None, dir, &f).unwrap();
        assert_eq!(s.release.minor, 26);
        assert_eq!(
            s.to_string(),
            "Go 1.26 (from /usr/local/go/VERSION)".to_string()
        );
        let f = fake(
            &[("GOROOT", "/opt/go"), ("GOTOOLCHAIN", "local")],
            &[(ROOT, "go1.26.8\n"), ("/opt/go/VERSION", "go1.23.5\n")],
        );
        assert_eq!(minor(select(None, dir, &f)), Ok(23));
        let mut f = fake(&[], &[]);
        f.go = None;
        let s = select(None, dir, &f).unwrap();
        assert_eq!((s.release.minor, s.origin), (27, Origin::Newest));
    }

    #[test]
    fn module_lines_raise_only_when_switching_is_allowed() {
        let gomod = ("/m/go.mod", "module m\n\ngo 1.22\ntoolchain go1.27.1\n");
        let dir = Path::new("/m/sub");
        for (gt, want) in [
            ("local", 23),
            ("auto", 27),
            ("path", 27),
            ("local+auto", 27),
            ("go1.21.0+auto", 27),
            ("go1.21.0", 21),
        ] {
            let f = fake(&[("GOTOOLCHAIN", gt)], &[(ROOT, "go1.23.5\n"), gomod]);
            assert_eq!(minor(select(None, dir, &f)), Ok(want), "{gt}");
        }
        // The GOROOT's go.env supplies the default (auto upstream).
        let f = fake(
            &[],
            &[
                (ROOT, "go1.23.5\n"),
                ("/usr/local/go/go.env", "GOTOOLCHAIN=auto\n"),
                ("/m/go.mod", "module m\ngo 1.26.1\n"),
            ],
        );
        let s = select(None, dir, &f).unwrap();
        assert_eq!(s.release.minor, 26);
        assert!(s.to_string().contains("go 1.26.1 line in /m/go.mod"), "{s}");
        // An older module line never lowers the release.
        let f = fake(
            &[("GOTOOLCHAIN", "auto")],
            &[(ROOT, "go1.26.8\n"), ("/m/go.mod", "go 1.21\n")],
        );
        assert_eq!(minor(select(None, dir, &f)), Ok(26));
        // go.work wins over go.mod unless GOWORK=off.
        let files = [
            (ROOT, "go1.21.1\n"),
            ("/m/go.mod", "go 1.22\n"),
            ("/go.work", "go 1.23\n"),
        ];
        let f = fake(&[("GOTOOLCHAIN", "auto")], &files);
        assert_eq!(minor(select(None, dir, &f)), Ok(23));
        let f = fake(&[("GOTOOLCHAIN", "auto"), ("GOWORK", "off")], &files);
        assert_eq!(minor(select(None, dir, &f)), Ok(22));
    }

    #[test]
    fn bad_input_is_explained() {
        let dir = Path::new("/m");
        let f = fake(&[], &[(ROOT, "go1.26.8\n")]);
        let err = minor(select(Some("1.19"), dir, &f))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("unknown Go release \"1.19\"") && err.contains("1.27"),
            "{err}"
        );
        for (gt, want) in [
            ("bash", "invalid GOTOOLCHAIN \"bash\""),
            ("go1.x+auto", "invalid minimum toolchain \"go1.x\""),
            (
                "go1.26.1+sometimes",
                "only version suffixes are +auto and +path",
            ),
            ("go1.19.2", "no table for"),
        ] {
            let f = fake(&[("GOTOOLCHAIN", gt)], &[(ROOT, "go1.26.8\n")]);
            let err = minor(select(None, dir, &f)).unwrap_err().to_string();
            assert!(err.contains(want), "{gt}: {err}");
        }
        let f = fake(&[("GOTOOLCHAIN", "local")], &[]);
        let err = minor(select(None, dir, &f)).unwrap_err().to_string();
        assert!(
            err.contains("/usr/local/go/VERSION") && err.contains("--go"),
            "{err}"
        );
        let f = fake(&[("GOTOOLCHAIN", "local")], &[(ROOT, "devel +abc\n")]);
        let err = minor(select(None, dir, &f)).unwrap_err().to_string();
        assert!(err.contains("not a Go release"), "{err}");
        // A go line newer than every known release: a warning, the newest, no error.
        let f = fake(
            &[("GOTOOLCHAIN", "auto")],
            &[(ROOT, "go1.26.8\n"), ("/m/go.mod", "go 1.31\n")],
        );
        let s = select(None, dir, &f).unwrap();
        assert_eq!(s.release.minor, 27);
        assert!(
            s.warnings[0].contains("newer than every release"),
            "{:?}",
            s.warnings
        );
        let f = fake(
            &[("GOTOOLCHAIN", "auto")],
            &[(ROOT, "go1.26.8\n"), ("/m/go.mod", "toolchain bash\n")],
        );
        let err = minor(select(None, dir, &f)).unwrap_err().to_string();
        assert!(err.contains("invalid toolchain \"bash\""), "{err}");
    }
}
