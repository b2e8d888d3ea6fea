//! `BuildContext`: one build configuration (GOOS, GOARCH, cgo, tags) and Go's tag matcher.
//! Builds the context from the environment the way `go` reads it, with command-line
//! overrides on top, and answers `match_tag` exactly as `go/build.(*Context).matchTag`.
//! Every release-dependent fact (ports, experiments, feature levels, release tags) comes
//! from the context's `go::release::Release`.

use crate::go::release::{self, Release};
use crate::platform;
use std::fmt;

/// One build configuration. Plain data: evaluate any number of them against the same facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildContext {
    pub goos: String,
    pub goarch: String,
    pub cgo_enabled: bool,
    /// `gc`, or `gccgo` with `-compiler=gccgo`.
    pub compiler: String,
    /// User tags from `-tags` (or `GOFLAGS=-tags=…`), in the order given.
    pub build_tags: Vec<String>,
    /// `goexperiment.*` tags, then the `GO$GOARCH` feature-level tags, then `race`/`msan`/`asan`.
    pub tool_tags: Vec<String>,
    /// `go1.1` … `go1.N` for the release.
    pub release_tags: Vec<String>,
    /// The Go release whose rules the context follows.
    pub release: &'static Release,
}

/// Why a context could not be built; each is a usage error for the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContextError {
    UnsupportedPlatform {
        goos: String,
        goarch: String,
        release: &'static Release,
    },
    /// A port the release lists (a broken one) whose GOARCH the gc compiler has no back end
    /// for: `go list -json` fails asking the compiler for its build ID.
    NoCompiler {
        goos: String,
        goarch: String,
        release: &'static Release,
    },
    InvalidVariable {
        name: &'static str,
        message: String,
    },
    UnknownExperiment(String),
    Goflags(GoflagsError),
}

/// Why `$GOFLAGS` (or a quoted `-tags` list) does not split into flags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoflagsError {
    /// A field opened with this quote never closes.
    Unterminated { quote: char },
    /// A field that is not a flag.
    NonFlag { field: String },
}

impl fmt::Display for GoflagsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoflagsError::Unterminated { quote } => write!(f, "unterminated {quote} string"),
            GoflagsError::NonFlag { field } => write!(f, "non-flag {field:?}"),
        }
    }
}

impl fmt::Display for ContextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContextError::UnsupportedPlatform {
                goos,
                goarch,
                release,
            } => {
                write!(
                    f,
                    "unsupported GOOS/GOARCH pair {goos}/{goarch}; {}",
                    valid_pairs(release)
                )
            }
            ContextError::NoCompiler {
                goos,
                goarch,
                release,
            } => write!(
                f,
                "compile: unknown architecture {goarch:?}; go list fails for the broken port {goos}/{goarch} (go: error obtaining buildID for go tool compile); {}",
                valid_pairs(release)
            ),
            ContextError::InvalidVariable { name, message } => {
                write!(f, "invalid {name}: {message}")
            }
            ContextError::UnknownExperiment(name) => write!(f, "unknown GOEXPERIMENT {name}"),
            ContextError::Goflags(msg) => write!(f, "parsing $GOFLAGS: {msg}"),
        }
    }
}

impl std::error::Error for ContextError {}

/// `valid pairs (go tool dist list): aix/ppc64 …`: the release's ports, for messages.
fn valid_pairs(release: &Release) -> String {
    let valid: Vec<String> = release
        .ports
        .iter()
        .map(|p| format!("{}/{}", p.goos, p.goarch))
        .collect();
    format!("valid pairs (go tool dist list): {}", valid.join(" "))
}

/// What the command line asked for; `None` means "take it from the environment".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContextOverrides {
    pub goos: Option<String>,
    pub goarch: Option<String>,
    pub tags: Option<Vec<String>>,
    pub cgo: Option<bool>,
    /// The Go release; `None` takes `go::release::selected()`.
    pub release: Option<&'static Release>,
}

/// The process facts `go` consults besides its own variables: the host platform and
/// whether a C compiler is reachable. Separated so tests can pin them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostInfo {
    pub goos: String,
    pub goarch: String,
}

impl HostInfo {
    /// The platform this binary runs on, named the Go way.
    pub fn current() -> HostInfo {
        let goos = match std::env::consts::OS {
            "macos" => "darwin",
            other => other,
        };
        let goarch = match std::env::consts::ARCH {
            "x86_64" => "amd64",
            "x86" => "386",
            "aarch64" => "arm64",
            "powerpc64" if cfg!(target_endian = "little") => "ppc64le",
            "powerpc64" => "ppc64",
            "loongarch64" => "loong64",
            "s390x" => "s390x",
            "riscv64" => "riscv64",
            "mips64" if cfg!(target_endian = "little") => "mips64le",
            "mips" if cfg!(target_endian = "little") => "mipsle",
            other => other,
        };
        HostInfo {
            goos: goos.to_string(),
            goarch: goarch.to_string(),
        }
    }
}

impl BuildContext {
    /// Builds a context from environment lookups (`env("GOOS")` …) and overrides, as `go`
    /// would for `go list`. `has_c_compiler(name)` answers whether `name` is on PATH; it is
    /// only consulted for a native build with `CGO_ENABLED` unset.
    pub fn from_env(
        env: &dyn Fn(&str) -> Option<String>,
        overrides: &ContextOverrides,
        host: &HostInfo,
        has_c_compiler: &dyn Fn(&str) -> bool,
    ) -> Result<BuildContext, ContextError> {
        let nonempty = |name: &str| env(name).filter(|v| !v.is_empty());
        let goos = overrides
            .goos
            .clone()
            .or_else(|| nonempty("GOOS"))
            .unwrap_or_else(|| host.goos.clone());
        let goarch = overrides
            .goarch
            .clone()
            .or_else(|| nonempty("GOARCH"))
            .unwrap_or_else(|| host.goarch.clone());
        let release = overrides.release.unwrap_or_else(release::selected);
        let goflags = GoFlags::parse(&env("GOFLAGS").unwrap_or_default())?;
        // `go list -json` takes the release's ports and the ports it marks broken (such as
        // openbsd/mips64), and refuses every other pair, a port of another release included
        // (`cmd/go/internal/work/action.go: CheckGOOSARCHPair` over `internal/platform`'s
        // table; gccgo takes any pair): measured on 1.21 … 1.27.
        let listed = release.find_port_or_broken(&goos, &goarch);
        if listed.is_none() && goflags.compiler.as_deref() != Some("gccgo") {
            return Err(ContextError::UnsupportedPlatform {
                goos,
                goarch,
                release,
            });
        }
        let gccgo = goflags.compiler.as_deref() == Some("gccgo");
        if listed.is_some() && !gccgo && !release::COMPILER_ARCHS.contains(&goarch.as_str()) {
            return Err(ContextError::NoCompiler {
                goos,
                goarch,
                release,
            });
        }
        let port_cgo = listed.is_some_and(|p| p.cgo_supported);

        let cgo_enabled = match overrides.cgo {
            Some(on) => on,
            None => match env("CGO_ENABLED").as_deref() {
                // Only exactly "0" or "1" count; any other value is treated as unset.
                Some("1") => true,
                Some("0") => false,
                _ => {
                    if goos != host.goos || goarch != host.goarch {
                        false
                    } else {
                        port_cgo
                            && (env("CC").is_some() || has_c_compiler(platform::default_cc(&goos)))
                    }
                }
            },
        };

        let build_tags = overrides
            .tags
            .clone()
            .or(goflags.tags.clone())
            .unwrap_or_default();

        let mut tool_tags = experiment_tags(
            release,
            &goos,
            &goarch,
            &env("GOEXPERIMENT").unwrap_or_default(),
        )?;
        tool_tags.extend(arch_feature_tags(release, &goarch, env)?);
        for (on, tag) in [
            (goflags.race, "race"),
            (goflags.msan, "msan"),
            (goflags.asan, "asan"),
        ] {
            if on {
                tool_tags.push(tag.to_string());
            }
        }

        Ok(BuildContext {
            goos,
            goarch,
            cgo_enabled,
            compiler: goflags.compiler.unwrap_or_else(|| "gc".to_string()),
            build_tags,
            tool_tags,
            release_tags: release.release_tags(),
            release,
        })
    }

    /// A context for a port with upstream defaults and no environment: what the matrix uses.
    pub fn for_port(
        goos: &str,
        goarch: &str,
        cgo_enabled: bool,
        tags: &[String],
    ) -> Result<BuildContext, ContextError> {
        let overrides = ContextOverrides {
            goos: Some(goos.to_string()),
            goarch: Some(goarch.to_string()),
            tags: Some(tags.to_vec()),
            cgo: Some(cgo_enabled),
            release: None,
        };
        let host = HostInfo {
            goos: goos.to_string(),
            goarch: goarch.to_string(),
        };
        BuildContext::from_env(&|_| None, &overrides, &host, &|_| false)
    }

    /// `go/build.(*Context).matchTag`, in Go's order of rules.
    pub fn match_tag(&self, name: &str) -> bool {
        if name.is_empty() {
            return false;
        }
        if name == "cgo" && self.cgo_enabled {
            return true;
        }
        if name == self.goos || name == self.goarch || name == self.compiler {
            return true;
        }
        // Three systems imply a sibling; never the reverse.
        match (self.goos.as_str(), name) {
            ("android", "linux") | ("illumos", "solaris") | ("ios", "darwin") => return true,
            _ => {}
        }
        if name == "unix" && platform::is_unix_os(&self.goos) {
            return true;
        }
        // `-tags boringcrypto` is deliberately not enough: Go renames the tag before the
        // list lookup, so only the experiment can satisfy it.
        let name = if name == "boringcrypto" {
            "goexperiment.boringcrypto"
        } else {
            name
        };
        self.build_tags.iter().any(|t| t == name)
            || self.tool_tags.iter().any(|t| t == name)
            // Every release tag is `go1.N` (`Release::release_tags`): other names need not
            // walk the list, which grows with each release.
            || (name.starts_with("go1.") && self.release_tags.iter().any(|t| t == name))
    }

    /// A short label such as `linux/amd64 cgo` for messages.
    pub fn label(&self) -> String {
        let mut s = format!("{}/{}", self.goos, self.goarch);
        if self.cgo_enabled {
            s.push_str(" cgo");
        }
        if !self.build_tags.is_empty() {
            s.push_str(" tags=");
            s.push_str(&self.build_tags.join(","));
        }
        s
    }
}

/// The parts of `GOFLAGS` that change file selection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoFlags {
    pub tags: Option<Vec<String>>,
    pub compiler: Option<String>,
    pub race: bool,
    pub msan: bool,
    pub asan: bool,
    /// `-mod=`: the build mode (`mod`, `readonly`, `vendor`), when given.
    pub mod_flag: Option<String>,
}

impl GoFlags {
    /// Parses `GOFLAGS` as cmd/go does: fields split on white space with `'`/`"` quoting,
    /// each `-flag=value` or `--flag=value`; a later `-tags` replaces an earlier one.
    pub fn parse(text: &str) -> Result<GoFlags, ContextError> {
        let mut out = GoFlags::default();
        for field in split_quoted(text).map_err(ContextError::Goflags)? {
            let Some(flag) = field.strip_prefix("--").or_else(|| field.strip_prefix('-')) else {
                return Err(ContextError::Goflags(GoflagsError::NonFlag { field }));
            };
            let (name, value) = match flag.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (flag, None),
            };
            let is_true = |v: Option<&str>| !matches!(v, Some("false") | Some("0"));
            match name {
                "tags" => out.tags = Some(parse_tags_value(value.unwrap_or_default())?),
                "compiler" => out.compiler = value.map(str::to_string),
                "race" => out.race = is_true(value),
                "msan" => out.msan = is_true(value),
                "asan" => out.asan = is_true(value),
                "mod" => out.mod_flag = value.map(str::to_string),
                _ => {}
            }
        }
        Ok(out)
    }
}

/// The value of `-tags`: a comma list (empty items dropped), or, for compatibility with
/// Go 1.12, a space/quote separated list when it contains a space or `'`.
pub fn parse_tags_value(value: &str) -> Result<Vec<String>, ContextError> {
    if value.contains(' ') || value.contains('\'') {
        return split_quoted(value).map_err(ContextError::Goflags);
    }
    Ok(value
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// `cmd/internal/quoted.Split`: fields separated by space, tab, CR or LF; a field that starts
/// with `'` or `"` runs to the matching quote with no unescaping.
fn split_quoted(mut s: &str) -> Result<Vec<String>, GoflagsError> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let mut out = Vec::new();
    loop {
        s = s.trim_start_matches(is_space);
        let Some(first) = s.chars().next() else {
            return Ok(out);
        };
        if first == '"' || first == '\'' {
            let rest = &s[1..];
            let Some(end) = rest.find(first) else {
                return Err(GoflagsError::Unterminated { quote: first });
            };
            out.push(rest[..end].to_string());
            s = &rest[end + 1..];
        } else {
            let end = s.find(is_space).unwrap_or(s.len());
            out.push(s[..end].to_string());
            s = &s[end..];
        }
    }
}

/// The `goexperiment.*` tool tags for a target (`internal/buildcfg/exp.go`): the release's
/// baseline, then `GOEXPERIMENT` items applied in order, then the register ABI forced on
/// where it always is and off where it is unsupported. Returned in `goexperiment.Flags`
/// field order.
pub fn experiment_tags(
    release: &Release,
    goos: &str,
    goarch: &str,
    goexperiment: &str,
) -> Result<Vec<String>, ContextError> {
    let exp = &release.experiments;
    let always = exp.regabi_always.contains(&goarch);
    let supported = always || exp.regabi_optional.contains(&goarch);
    let mut on: Vec<&str> = exp.baseline.to_vec();
    if supported {
        on.extend(["regabiwrappers", "regabiargs"]);
    }
    if exp.dwarf5_default && !exp.dwarf5_unsupported_goos.contains(&goos) {
        on.push("dwarf5");
    }
    let mut set = |name: &'static str, value: bool| {
        on.retain(|n| *n != name);
        if value {
            on.push(name);
        }
    };
    for item in goexperiment.split(',') {
        if item.is_empty() {
            continue;
        }
        if item == "none" {
            for name in exp.known {
                set(name, false);
            }
            continue;
        }
        let (name, value) = match item.strip_prefix("no") {
            Some(rest) => (rest, false),
            None => (item, true),
        };
        if name == "regabi" {
            set("regabiwrappers", value);
            set("regabiargs", value);
            continue;
        }
        match exp.known.iter().find(|e| **e == name) {
            Some(known) => set(known, value),
            None => return Err(ContextError::UnknownExperiment(name.to_string())),
        }
    }
    if always {
        set("regabiwrappers", true);
        set("regabiargs", true);
    }
    if !supported {
        set("regabiwrappers", false);
        set("regabiargs", false);
    }
    if on.contains(&"regabiargs") && !on.contains(&"regabiwrappers") {
        return Err(ContextError::InvalidVariable {
            name: "GOEXPERIMENT",
            message: "regabiargs requires regabiwrappers".to_string(),
        });
    }
    Ok(exp
        .known
        .iter()
        .filter(|e| on.contains(e))
        .map(|e| format!("goexperiment.{e}"))
        .collect())
}

/// The `GO$GOARCH` feature-level tool tags (`internal/buildcfg/cfg.go: gogoarchTags`) under
/// the release's rules. Reads the variables from the process environment only, as Go does.
pub fn arch_feature_tags(
    release: &Release,
    goarch: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<String>, ContextError> {
    let levels = &release.levels;
    let defaults = &levels.defaults;
    let var = |name: &str, default: &str| {
        env(name)
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| default.to_string())
    };
    let invalid = |name: &'static str, message: &str| ContextError::InvalidVariable {
        name,
        message: message.to_string(),
    };
    let tags = match goarch {
        // GO386 is never validated: any value becomes a tag.
        "386" => vec![format!("386.{}", var("GO386", defaults.go386))],
        "amd64" => {
            // Before 1.23 an invalid GOAMD64 stops go; from 1.23 go list falls back to
            // the default.
            let level = match var("GOAMD64", defaults.goamd64).as_str() {
                "v1" => 1,
                "v2" => 2,
                "v3" => 3,
                "v4" => 4,
                _ if levels.strict_goamd64_goarm => {
                    return Err(invalid("GOAMD64", "must be v1, v2, v3, v4"))
                }
                _ => 1,
            };
            (1..=level).map(|i| format!("amd64.v{i}")).collect()
        }
        "arm" => {
            let value = var("GOARM", defaults.goarm);
            let (version, suffix) = match value.split_once(',') {
                Some((v, s)) if levels.goarm_float_suffix => (v, s),
                Some(_) => ("", ""),
                None => (value.as_str(), ""),
            };
            let level = match (version, suffix) {
                ("5", "" | "softfloat" | "hardfloat") => 5,
                ("6", "" | "softfloat" | "hardfloat") => 6,
                ("7", "" | "softfloat" | "hardfloat") => 7,
                _ if levels.strict_goamd64_goarm => {
                    return Err(invalid(
                        "GOARM",
                        if levels.goarm_float_suffix {
                            "must start with 5, 6, or 7, and may optionally end in either \",hardfloat\" or \",softfloat\""
                        } else {
                            "must be 5, 6, 7"
                        },
                    ))
                }
                _ => 7,
            };
            (5..=level).map(|i| format!("arm.{i}")).collect()
        }
        "arm64" if levels.goarm64 => {
            let value = var("GOARM64", defaults.goarm64);
            let (major, minor) = parse_goarm64(&value).ok_or_else(|| {
                invalid(
                    "GOARM64",
                    "must start with v8.{0-9} or v9.{0-5} and may optionally end in \",lse\" and/or \",crypto\"",
                )
            })?;
            let mut list: Vec<String> =
                (0..=minor).map(|i| format!("arm64.v{major}.{i}")).collect();
            if major == 9 {
                list.extend((0..=(minor + 5).min(9)).map(|i| format!("arm64.v8.{i}")));
            }
            list
        }
        "mips" | "mipsle" | "mips64" | "mips64le" => {
            let (name, default) = if goarch.starts_with("mips64") {
                ("GOMIPS64", defaults.gomips64)
            } else {
                ("GOMIPS", defaults.gomips)
            };
            let value = var(name, default);
            if value != "hardfloat" && value != "softfloat" {
                return Err(invalid(name, "must be hardfloat, softfloat"));
            }
            vec![format!("{goarch}.{value}")]
        }
        "ppc64" | "ppc64le" => {
            let level = match var("GOPPC64", defaults.goppc64).as_str() {
                "power8" => 8,
                "power9" => 9,
                "power10" => 10,
                _ => return Err(invalid("GOPPC64", "must be power8, power9, power10")),
            };
            (8..=level).map(|i| format!("{goarch}.power{i}")).collect()
        }
        "riscv64" if !levels.goriscv64.is_empty() => {
            let value = var("GORISCV64", defaults.goriscv64);
            let Some(pos) = levels.goriscv64.iter().position(|v| *v == value) else {
                return Err(invalid(
                    "GORISCV64",
                    &format!("must be {}", levels.goriscv64.join(", ")),
                ));
            };
            levels.goriscv64[..=pos]
                .iter()
                .map(|v| format!("riscv64.{v}"))
                .collect()
        }
        "wasm" => {
            let value = var("GOWASM", "");
            let mut satconv = levels.wasm_features_always;
            let mut signext = levels.wasm_features_always;
            for item in value.split(',').filter(|s| !s.is_empty()) {
                match item {
                    "satconv" => satconv = true,
                    "signext" => signext = true,
                    other => return Err(invalid("GOWASM", &format!("no such feature {other:?}"))),
                }
            }
            let mut list = Vec::new();
            if satconv {
                list.push("wasm.satconv".to_string());
            }
            if signext {
                list.push("wasm.signext".to_string());
            }
            list
        }
        _ => Vec::new(),
    };
    Ok(tags)
}

/// `v8.0`…`v9.9` with optional `,lse` and `,crypto` suffixes → (major, minor).
fn parse_goarm64(value: &str) -> Option<(u32, u32)> {
    let mut parts = value.split(',');
    let version = parts.next()?;
    for extra in parts {
        if extra != "lse" && extra != "crypto" {
            return None;
        }
    }
    let b = version.as_bytes();
    if b.len() != 4 || b[0] != b'v' || b[2] != b'.' {
        return None;
    }
    let major = (b[1] as char).to_digit(10)?;
    let minor = (b[3] as char).to_digit(10)?;
    // Go 1.23 accepts v8.0–v8.9 and v9.0–v9.5.
    match major {
        8 => Some((8, minor)),
        9 if minor <= 5 => Some((9, minor)),
        _ => None,
    }
}

/// Whether `program` is an executable file in one of the `PATH` directories.
pub fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        let candidate = dir.join(program);
        candidate.is_file()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn ctx(vars: &[(&str, &str)]) -> Result<BuildContext, ContextError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let host = HostInfo {
            goos: "linux".into(),
            goarch: "amd64".into(),
        };
        BuildContext::from_env(
            &|k| map.get(k).cloned(),
            &ContextOverrides::default(),
            &host,
            &|_| true,
        )
    }

    #[test]
    fn native_build_with_compiler_enables_cgo_and_cross_disables_it() {
        assert!(ctx(&[]).unwrap().cgo_enabled);
        assert!(!ctx(&[("GOOS", "windows")]).unwrap().cgo_enabled);
        assert!(
            ctx(&[("GOOS", "js"), ("GOARCH", "wasm"), ("CGO_ENABLED", "1")])
                .unwrap()
                .cgo_enabled
        );
        // "yes" is not 0/1, so it counts as unset: native → on.
        assert!(ctx(&[("CGO_ENABLED", "yes")]).unwrap().cgo_enabled);
        assert!(!ctx(&[("CGO_ENABLED", "0")]).unwrap().cgo_enabled);
    }

    #[test]
    fn default_tool_tags_match_go() {
        let c = ctx(&[]).unwrap();
        assert_eq!(
            c.tool_tags,
            [
                "goexperiment.regabiwrappers",
                "goexperiment.regabiargs",
                "goexperiment.coverageredesign",
                "amd64.v1"
            ]
        );
        let c = ctx(&[("GOARCH", "386")]).unwrap();
        assert_eq!(c.tool_tags, ["goexperiment.coverageredesign", "386.sse2"]);
        let c = ctx(&[("GOARCH", "arm")]).unwrap();
        assert_eq!(
            c.tool_tags,
            ["goexperiment.coverageredesign", "arm.5", "arm.6", "arm.7"]
        );
    }

    #[test]
    fn experiments_and_levels() {
        let c = ctx(&[("GOEXPERIMENT", "rangefunc,noregabi")]).unwrap();
        assert_eq!(
            c.tool_tags,
            [
                "goexperiment.regabiwrappers",
                "goexperiment.regabiargs",
                "goexperiment.coverageredesign",
                "goexperiment.rangefunc",
                "amd64.v1"
            ]
        );
        let c = ctx(&[("GOEXPERIMENT", "none")]).unwrap();
        assert_eq!(
            c.tool_tags,
            [
                "goexperiment.regabiwrappers",
                "goexperiment.regabiargs",
                "amd64.v1"
            ]
        );
        assert!(matches!(
            ctx(&[("GOEXPERIMENT", "foo")]),
            Err(ContextError::UnknownExperiment(_))
        ));
        let c = ctx(&[("GOAMD64", "v3")]).unwrap();
        assert!(c.match_tag("amd64.v3") && c.match_tag("amd64.v2") && !c.match_tag("amd64.v4"));
        let c = ctx(&[("GOAMD64", "v5")]).unwrap();
        assert!(c.match_tag("amd64.v1") && !c.match_tag("amd64.v2"));
        let c = ctx(&[("GOARCH", "arm64"), ("GOARM64", "v9.2")]).unwrap();
        assert!(
            c.match_tag("arm64.v8.7") && !c.match_tag("arm64.v8.8") && c.match_tag("arm64.v9.2")
        );
        let c = ctx(&[("GOARCH", "arm"), ("GOARM", "6,softfloat")]).unwrap();
        assert!(c.match_tag("arm.6") && !c.match_tag("arm.7"));
        assert!(ctx(&[("GOARCH", "mips"), ("GOMIPS", "x")]).is_err());
    }

    #[test]
    fn match_tag_rules() {
        let c = ctx(&[("GOOS", "android"), ("GOARCH", "arm64")]).unwrap();
        assert!(c.match_tag("linux") && c.match_tag("unix") && c.match_tag("android"));
        let c = ctx(&[]).unwrap();
        assert!(
            !c.match_tag("android")
                && c.match_tag("go1.23")
                && !c.match_tag("go1.24")
                && !c.match_tag("go1")
        );
        assert!(c.match_tag("gc") && !c.match_tag("gccgo") && !c.match_tag("ignore"));
        let c = ctx(&[("GOOS", "windows")]).unwrap();
        assert!(!c.match_tag("unix"));
        let c = ctx(&[("GOFLAGS", "-tags=boringcrypto")]).unwrap();
        assert!(!c.match_tag("boringcrypto"));
        let c = ctx(&[("GOEXPERIMENT", "boringcrypto")]).unwrap();
        assert!(c.match_tag("boringcrypto"));
        let c = ctx(&[("CGO_ENABLED", "0"), ("GOFLAGS", "-tags=cgo")]).unwrap();
        assert!(c.match_tag("cgo") && !c.cgo_enabled);
    }

    #[test]
    fn goflags_tags_last_wins_and_quoting() {
        assert_eq!(
            GoFlags::parse("-tags=a -tags=z").unwrap().tags,
            Some(vec!["z".to_string()])
        );
        assert_eq!(
            GoFlags::parse("-tags=a,,b -mod=mod").unwrap().tags,
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(parse_tags_value("'a b'").unwrap(), ["a b"]);
        assert_eq!(parse_tags_value("a b").unwrap(), ["a", "b"]);
        assert!(GoFlags::parse("-tags='a").is_err());
    }

    #[test]
    fn unsupported_pair_names_valid_ones() {
        let err = ctx(&[("GOARCH", "sparc")]).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("linux/sparc") && msg.contains("windows/arm64"),
            "{msg}"
        );
    }
}
