//! What differs between Go releases, as data: one table per release (`go1_21` … `go1_27`)
//! with its ports, release tags, experiments and `GO$GOARCH` feature levels, plus the
//! `go list` behaviour that changed. Facts for releases with a toolchain here were recorded
//! from that toolchain; 1.24 and 1.25 are derived from the 1.23 and 1.26 sources
//! (`Release::derived`). Nothing here reads the environment; `detect` does that.

mod go1_21;
mod go1_22;
mod go1_23;
mod go1_24;
mod go1_25;
mod go1_26;
mod go1_27;
pub mod syslist;

use std::fmt;
use std::sync::OnceLock;

/// One first-party port, as `go tool dist list -json` prints it
/// (`internal/platform/zosarch.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Port {
    pub goos: &'static str,
    pub goarch: &'static str,
    pub cgo_supported: bool,
    pub first_class: bool,
}

pub(crate) const fn port(goos: &'static str, goarch: &'static str, cgo: bool, first: bool) -> Port {
    Port {
        goos,
        goarch,
        cgo_supported: cgo,
        first_class: first,
    }
}

/// The experiment facts of one release (`internal/goexperiment/flags.go`,
/// `internal/buildcfg/exp.go: ParseGOEXPERIMENT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Experiments {
    /// Every name `GOEXPERIMENT` accepts, lower-cased, in `Flags` field order (the order the
    /// `goexperiment.*` tool tags are printed in).
    pub known: &'static [&'static str],
    /// On by default for every target (besides regabi and dwarf5, which depend on it).
    pub baseline: &'static [&'static str],
    /// Architectures whose register ABI is forced on, whatever `GOEXPERIMENT` says.
    pub regabi_always: &'static [&'static str],
    /// Architectures whose register ABI is on by default but may be turned off.
    pub regabi_optional: &'static [&'static str],
    /// Whether `dwarf5` is on by default, and the systems where it is not.
    pub dwarf5_default: bool,
    pub dwarf5_unsupported_goos: &'static [&'static str],
}

/// The feature-level variables of one release (`internal/buildcfg/cfg.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levels {
    /// An invalid `GOAMD64` or `GOARM` stops `go` (1.21, 1.22); later releases fall back
    /// to the default silently in `go list`.
    pub strict_goamd64_goarm: bool,
    /// `GOARM` takes a `,softfloat`/`,hardfloat` suffix (1.22 on).
    pub goarm_float_suffix: bool,
    /// `GOARM64` exists and yields `arm64.vX.Y` tags (1.23 on).
    pub goarm64: bool,
    /// The `GORISCV64` values, lowest first; empty before 1.23 (no `riscv64.*` tags).
    pub goriscv64: &'static [&'static str],
    /// `wasm.satconv` and `wasm.signext` are always set (1.26 on; before, only when named
    /// in `GOWASM`).
    pub wasm_features_always: bool,
    /// The upstream `cmd/dist` defaults (`cmd/dist/build.go`, `cmd/dist/util.go`).
    pub defaults: Defaults,
}

/// Upstream `cmd/dist` defaults of the `GO$GOARCH` variables. Debian's packaged toolchains
/// bake `GO386=softfloat`; gotags follows upstream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Defaults {
    pub go386: &'static str,
    pub goamd64: &'static str,
    pub goarm: &'static str,
    pub goarm64: &'static str,
    pub gomips: &'static str,
    pub gomips64: &'static str,
    pub goppc64: &'static str,
    pub goriscv64: &'static str,
}

/// The defaults every release from 1.21 to 1.27 shares (`cmd/dist/build.go: init`).
pub(crate) const UPSTREAM_DEFAULTS: Defaults = Defaults {
    go386: "sse2",
    goamd64: "v1",
    goarm: "7",
    goarm64: "v8.0",
    gomips: "hardfloat",
    gomips64: "hardfloat",
    goppc64: "power8",
    goriscv64: "rva20u64",
};

/// `go list` and go.mod behaviour that changed between releases, in what gotags prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoList {
    /// go.mod `ignore` directives hide directories from `./...` (1.25 on,
    /// `cmd/go/internal/modload/init.go`).
    pub ignore_directive: bool,
    /// A directory a `./...` walk cannot read is named relative to the working directory
    /// (`open b: permission denied`) rather than absolutely: 1.24 on, where cmd/go's
    /// `fsys.Walk` became `fsys.WalkDir` over the pattern's own directory.
    pub relative_walk_errors: bool,
    /// `//go:build` expressions are limited to 1000 operand positions (`build expression too
    /// large`) and `// +build` lines to 100 operators (the line is then ignored): 1.22 on,
    /// `go/build/constraint/expr.go` (`maxSize`, `maxOldSize`). Before, any size parses.
    pub constraint_size_limits: bool,
    /// `//go:embed` directives are every `//go:embed` line comment go/scanner finds in the
    /// whole file, split by `go/ast.ParseDirective` (byte columns, line one included, the
    /// header reaching the end of the file no longer hides them): 1.26 on,
    /// `go/build/read.go: readGoInfo`. Before, `findEmbed`'s byte scan after the imports.
    pub embed_token_scan: bool,
    /// A file with a name that cannot be embedded (`isBadEmbedName`) inside an embedded
    /// directory is an error (`cannot embed file d/x: invalid name x`) instead of being
    /// skipped (hidden names are still skipped): 1.26 on, `cmd/go/internal/load/pkg.go:
    /// resolveEmbed`.
    pub embed_bad_name_error: bool,
    /// The module index rejects an invalid import path as go/build does (`invalid import
    /// path: a b`, the file invalid even when constraints exclude it): 1.26 on,
    /// `cmd/go/internal/modindex/build_read.go: readGoInfo`. Before, the index accepted it.
    pub index_checks_import_paths: bool,
}

impl GoList {
    /// The behaviours that can make `list` print a directory differently under two releases
    /// whose file selection is the same, as one value (equal values: same listing).
    pub fn listing_key(&self) -> u8 {
        u8::from(self.constraint_size_limits)
            | u8::from(self.embed_token_scan) << 1
            | u8::from(self.embed_bad_name_error) << 2
            | u8::from(self.index_checks_import_paths) << 3
    }
}

/// When a command needs the external linker though it has no cgo
/// (`internal/platform/supported.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Linking {
    /// A `main` package for a port that must link externally, with cgo off, gets `<port>
    /// requires external (cgo) linking, but cgo is not enabled`: 1.22 on,
    /// `cmd/go/internal/load/pkg.go: externalLinkingReason`. 1.21's go list says nothing.
    pub cgo_required_error: bool,
    /// Whether darwin/amd64 builds PIE by default (1.22 on; darwin/arm64 always does).
    pub default_pie_darwin_amd64: bool,
    /// `goos/goarch` pairs whose PIE binaries link internally.
    pub internal_link_pie: &'static [&'static str],
}

/// Everything gotags knows about one Go release.
#[derive(Debug, PartialEq, Eq)]
pub struct Release {
    /// The minor number: 26 for Go 1.26.
    pub minor: u32,
    /// The toolchain the facts were recorded from (`go1.26.8`); `None` when the release had
    /// no toolchain here and its facts are derived from neighbouring sources.
    pub recorded_from: Option<&'static str>,
    /// `go tool dist list` (without `-broken`), in its order.
    pub ports: &'static [Port],
    /// The ports `go tool dist list -broken` adds.
    pub broken_ports: &'static [Port],
    pub experiments: Experiments,
    pub levels: Levels,
    pub go_list: GoList,
    pub linking: Linking,
}

impl Release {
    /// `1.26`.
    pub fn version(&self) -> String {
        format!("1.{}", self.minor)
    }

    /// Whether the facts are derived rather than recorded from a toolchain.
    pub fn derived(&self) -> bool {
        self.recorded_from.is_none()
    }

    /// `go1.1` … `go1.N` (`go/build/build.go: defaultContext`, from `internal/goversion`).
    pub fn release_tags(&self) -> Vec<String> {
        (1..=self.minor).map(|m| format!("go1.{m}")).collect()
    }

    /// The port `go tool dist list` prints for this pair.
    pub fn find_port(&self, goos: &str, goarch: &str) -> Option<&'static Port> {
        self.ports
            .iter()
            .find(|p| p.goos == goos && p.goarch == goarch)
    }

    /// The port `go tool dist list -broken` prints for this pair: a port, or one the
    /// release marks broken (`cmd/dist/build.go: broken`). `go list` accepts both, and any
    /// other pair too (measured on every recorded release), so only named platforms of
    /// `matrix` and `check` are limited to these.
    pub fn find_port_or_broken(&self, goos: &str, goarch: &str) -> Option<&'static Port> {
        self.find_port(goos, goarch).or_else(|| {
            self.broken_ports
                .iter()
                .find(|p| p.goos == goos && p.goarch == goarch)
        })
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Go 1.{}", self.minor)
    }
}

/// The architectures the gc compiler has a back end for (`cmd/compile/main.go: archInits`),
/// the same in 1.21 … 1.27. `go list -json` asks the compiler for its build ID, which fails
/// for any other GOARCH, a broken port such as linux/sparc64 (`compile: unknown architecture
/// "sparc64"`, exit 1).
pub const COMPILER_ARCHS: &[&str] = &[
    "386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64",
    "ppc64le", "riscv64", "s390x", "wasm",
];

/// Every release gotags knows, oldest first.
pub static ALL: &[&Release] = &[
    &go1_21::RELEASE,
    &go1_22::RELEASE,
    &go1_23::RELEASE,
    &go1_24::RELEASE,
    &go1_25::RELEASE,
    &go1_26::RELEASE,
    &go1_27::RELEASE,
];

/// The newest release gotags knows.
pub static NEWEST: &Release = &go1_27::RELEASE;

/// The release whose facts gotags had before releases were data; the library default.
pub static GO1_23: &Release = &go1_23::RELEASE;

/// A release name gotags does not know (or cannot read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRelease {
    pub given: String,
}

impl fmt::Display for UnknownRelease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown Go release {:?}; known releases: {}",
            self.given,
            known_list()
        )
    }
}

impl std::error::Error for UnknownRelease {}

/// `1.21, 1.22, …` for messages.
pub fn known_list() -> String {
    ALL.iter()
        .map(|r| r.version())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A Go version as the go command writes it: `1.26`, `1.26.3`, `1.26rc1`, `go1.26.3`,
/// with an optional `go` prefix. Returns (major, minor, rest) or `None` when malformed.
pub fn parse_version(text: &str) -> Option<(u32, u32, &str)> {
    let t = text.strip_prefix("go").unwrap_or(text);
    let (major, rest) = split_number(t)?;
    if rest.is_empty() {
        return Some((major, 0, ""));
    }
    let rest = rest.strip_prefix('.')?;
    let (minor, rest) = split_number(rest)?;
    if rest.is_empty() {
        return Some((major, minor, ""));
    }
    if let Some(patch) = rest.strip_prefix('.') {
        let (_, tail) = split_number(patch)?;
        return tail.is_empty().then_some((major, minor, rest));
    }
    // Pre-releases: 1.26rc1, 1.26beta2.
    for pre in ["rc", "beta"] {
        if let Some(n) = rest.strip_prefix(pre) {
            let (_, tail) = split_number(n)?;
            return tail.is_empty().then_some((major, minor, rest));
        }
    }
    None
}

/// A leading decimal number without superfluous zeros, and the text after it.
fn split_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let digits = &s[..end];
    if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    Some((digits.parse().ok()?, &s[end..]))
}

/// The release named `1.26`, `1.26.3`, `go1.26` or `go1.26.3` (or `1.26rc1`).
pub fn find(name: &str) -> Result<&'static Release, UnknownRelease> {
    let unknown = || UnknownRelease {
        given: name.to_string(),
    };
    let (major, minor, _) = parse_version(name.trim()).ok_or_else(unknown)?;
    if major != 1 {
        return Err(unknown());
    }
    by_minor(minor).ok_or_else(unknown)
}

/// The version of the `go` directive of a go.mod or go.work text (`go 1.21` → `1.21`): the
/// first field after the keyword, comments removed.
pub fn go_directive(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let line = line.split("//").next().unwrap_or("");
        let mut fields = line.split_whitespace();
        match (fields.next(), fields.next()) {
            (Some("go"), Some(v)) => Some(v.to_string()),
            _ => None,
        }
    })
}

/// The table for Go 1.`minor`, if gotags has one.
pub fn by_minor(minor: u32) -> Option<&'static Release> {
    ALL.iter().copied().find(|r| r.minor == minor)
}

static SELECTED: OnceLock<&'static Release> = OnceLock::new();

/// Sets the release a front end detected or was told to use, once per process; contexts
/// built without an explicit release take it. Later calls are ignored (returns false).
pub fn select(release: &'static Release) -> bool {
    SELECTED.set(release).is_ok()
}

/// The release `select` chose, else Go 1.23 (the library's historical default).
pub fn selected() -> &'static Release {
    SELECTED.get().copied().unwrap_or(GO1_23)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_accepts_the_spellings() {
        for name in ["1.26", "1.26.3", "go1.26", "go1.26.3", "1.26rc1", " 1.26 "] {
            assert_eq!(find(name).map(|r| r.minor), Ok(26), "{name}");
        }
        for name in ["1.20", "2.26", "1.026", "1.26.x", "", "go", "1.28"] {
            let err = find(name).unwrap_err();
            assert!(err.to_string().contains("1.21, 1.22, 1.23"), "{err}");
        }
    }

    #[test]
    fn tables_are_ordered_and_sized_as_recorded() {
        let minors: Vec<u32> = ALL.iter().map(|r| r.minor).collect();
        assert_eq!(minors, [21, 22, 23, 24, 25, 26, 27]);
        let counts: Vec<usize> = ALL.iter().map(|r| r.ports.len()).collect();
        assert_eq!(counts, [47, 48, 49, 48, 48, 47, 47]);
        for r in ALL {
            assert_eq!(r.ports.iter().filter(|p| p.first_class).count(), 8);
            for p in r.ports.iter().chain(r.broken_ports) {
                assert!(syslist::is_known_os(p.goos), "{}", p.goos);
                assert!(syslist::is_known_arch(p.goarch), "{}", p.goarch);
            }
            for e in r.experiments.baseline {
                assert!(r.experiments.known.contains(e), "{} {e}", r.minor);
            }
            assert_eq!(r.release_tags().last(), Some(&format!("go1.{}", r.minor)));
            // `BuildContext::match_tag` looks up only `go1.`-prefixed names among them.
            assert!(r.release_tags().iter().all(|t| t.starts_with("go1.")));
        }
        assert_eq!(NEWEST.minor, 27);
        assert!(by_minor(24).is_some_and(|r| r.derived()));
        assert!(by_minor(26).is_some_and(|r| !r.derived()));
    }
}
