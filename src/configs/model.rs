//! The configuration values: a platform (`goos/goarch` with an optional GOARM/GOAMD64-style
//! variant such as `linux/arm/7` or `linux/amd64/v3`), a cgo setting and a named tag set make
//! one [`Config`]; its label (`linux/amd64 cgo tags=x`) is what every command prints, and
//! [`ConfigSet`] pairs each configuration with the exact `BuildContext` it means.

use super::spec::{self, SpecError, SpecItem};
use crate::context::{BuildContext, ContextError, ContextOverrides, HostInfo};
use crate::go::release::{self, Release, UnknownRelease};
use crate::platform;
use serde::{Serialize, Serializer};
use std::fmt;

/// One target platform, optionally with a micro-architecture variant.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Platform {
    pub goos: String,
    pub goarch: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
}

impl Platform {
    pub fn new(goos: &str, goarch: &str, variant: Option<&str>) -> Platform {
        Platform {
            goos: goos.to_string(),
            goarch: goarch.to_string(),
            variant: variant.map(str::to_string),
        }
    }

    /// `linux/amd64` or `linux/arm/7`.
    pub fn label(&self) -> String {
        match &self.variant {
            Some(v) => format!("{}/{}/{v}", self.goos, self.goarch),
            None => format!("{}/{}", self.goos, self.goarch),
        }
    }

    /// The environment variable carrying the variant (`GOARM`, `GOAMD64`, …).
    pub fn variant_var(&self) -> Option<(&'static str, &str)> {
        let v = self.variant.as_deref()?;
        variant_var_for(&self.goarch).map(|name| (name, v))
    }

    /// Parses one platform spec `GOOS/GOARCH[/VARIANT]` (no cgo suffix, no keyword).
    pub fn parse(text: &str) -> Result<Platform, SpecError> {
        match super::spec::parse_item(text)? {
            SpecItem {
                platform,
                cgo: None,
            } => Ok(platform),
            SpecItem { cgo: Some(_), .. } => Err(SpecError::Shape {
                item: text.trim().to_string(),
            }),
        }
    }

    /// Does the port support cgo (`go tool dist list -json`)?
    pub fn cgo_supported(&self) -> bool {
        platform::find_port(&self.goos, &self.goarch).is_some_and(|p| p.cgo_supported)
    }
}

/// Which variable a variant of `goarch` sets.
pub fn variant_var_for(goarch: &str) -> Option<&'static str> {
    Some(match goarch {
        "arm" => "GOARM",
        "amd64" => "GOAMD64",
        "386" => "GO386",
        "arm64" => "GOARM64",
        "mips" | "mipsle" => "GOMIPS",
        "mips64" | "mips64le" => "GOMIPS64",
        "ppc64" | "ppc64le" => "GOPPC64",
        "riscv64" => "GORISCV64",
        _ => return None,
    })
}

/// The values Go accepts for the variant of `goarch`, as shown in errors.
pub fn variant_values(goarch: &str) -> &'static str {
    match goarch {
        "arm" => "5, 6, 7",
        "amd64" => "v1, v2, v3, v4",
        "386" => "sse2, softfloat",
        "mips" | "mipsle" | "mips64" | "mips64le" => "hardfloat, softfloat",
        "ppc64" | "ppc64le" => "power8, power9, power10",
        "riscv64" => "rva20u64, rva22u64",
        "arm64" => "v8.0 … v8.9, v9.0 … v9.5",
        _ => "none",
    }
}

/// Whether `v` is a variant Go accepts for `goarch` without replacing it (so labels never lie).
pub fn is_variant(goarch: &str, v: &str) -> bool {
    match goarch {
        "arm" => matches!(v, "5" | "6" | "7"),
        "amd64" => matches!(v, "v1" | "v2" | "v3" | "v4"),
        "386" => matches!(v, "sse2" | "softfloat"),
        "mips" | "mipsle" | "mips64" | "mips64le" => matches!(v, "hardfloat" | "softfloat"),
        "ppc64" | "ppc64le" => matches!(v, "power8" | "power9" | "power10"),
        "riscv64" => matches!(v, "rva20u64" | "rva22u64"),
        "arm64" => v.starts_with("v8.") || v.starts_with("v9."),
        _ => false,
    }
}

/// A named set of `-tags`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct TagSet {
    pub name: String,
    pub tags: Vec<String>,
}

impl TagSet {
    pub fn new(tags: Vec<String>) -> TagSet {
        let name = if tags.is_empty() {
            "default".to_string()
        } else {
            tags.join(",")
        };
        TagSet { name, tags }
    }
}

/// Parses `--tags-sets "a,b;c"`: sets separated by `;`, tags by `,`; an empty set is the
/// default (no tags).
pub fn parse_tag_sets(text: &str) -> Vec<TagSet> {
    let sets: Vec<Vec<String>> = text
        .split(';')
        .map(|part| {
            (part.split(',').map(str::trim))
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect();
    tag_sets_of(&sets)
}

/// The tag sets of `[matrix] tags` or `--tags` (each a list of tags), deduplicated.
pub fn tag_sets_of(sets: &[Vec<String>]) -> Vec<TagSet> {
    let mut out: Vec<TagSet> = Vec::new();
    for s in sets {
        let set = TagSet::new(s.clone());
        if !out.contains(&set) {
            out.push(set);
        }
    }
    if out.is_empty() {
        out.push(TagSet::new(Vec::new()));
    }
    out
}

/// One configuration: platform × cgo × tag set, and the Go release when a run evaluates
/// several (`None`: the release the process selected).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Config {
    pub platform: Platform,
    pub cgo: bool,
    pub tags: TagSet,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "release_version"
    )]
    pub go: Option<&'static Release>,
}

fn release_version<S: Serializer>(r: &Option<&'static Release>, s: S) -> Result<S::Ok, S::Error> {
    match r {
        Some(r) => s.serialize_str(&r.version()),
        None => s.serialize_none(),
    }
}

impl Config {
    /// `linux/amd64 cgo`, `windows/386 tags=integration`.
    pub fn label(&self) -> String {
        self.label_with(' ')
    }

    /// The label with `sep` before each setting: `linux/arm/7+cgo+tags=a,b+go1.22` for `+`.
    pub fn label_with(&self, sep: char) -> String {
        let mut s = self.platform.label();
        if self.cgo {
            s.push(sep);
            s.push_str("cgo");
        }
        if !self.tags.tags.is_empty() {
            s.push(sep);
            s.push_str("tags=");
            s.push_str(&self.tags.tags.join(","));
        }
        if let Some(r) = self.go {
            s.push_str(&format!("{sep}go1.{}", r.minor));
        }
        s
    }

    /// The environment assignments `go` needs for this configuration.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut v = vec![
            ("GOOS".to_string(), self.platform.goos.clone()),
            ("GOARCH".to_string(), self.platform.goarch.clone()),
            (
                "CGO_ENABLED".to_string(),
                if self.cgo { "1" } else { "0" }.to_string(),
            ),
        ];
        if let Some((name, value)) = self.platform.variant_var() {
            v.push((name.to_string(), value.to_string()));
        }
        v
    }

    /// The exact build context: upstream defaults, the variant variable, cgo and tags.
    pub fn context(&self) -> Result<BuildContext, ConfigError> {
        let p = &self.platform;
        let var = p.variant_var();
        let env = |name: &str| match var {
            Some((n, v)) if n == name => Some(v.to_string()),
            _ => None,
        };
        let overrides = ContextOverrides {
            goos: Some(p.goos.clone()),
            goarch: Some(p.goarch.clone()),
            tags: Some(self.tags.tags.clone()),
            cgo: Some(self.cgo),
            release: self.go,
        };
        let host = HostInfo {
            goos: p.goos.clone(),
            goarch: p.goarch.clone(),
        };
        BuildContext::from_env(&env, &overrides, &host, &|_| false).map_err(|source| {
            ConfigError::Context {
                label: self.label(),
                source,
            }
        })
    }
}

/// A configuration that cannot be turned into a build context, or an empty selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Go would reject this configuration (e.g. an unknown GOEXPERIMENT).
    Context { label: String, source: ContextError },
    /// The specs, tag sets and cgo setting select nothing.
    Empty,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Context { label, source } => write!(f, "{label}: {source}"),
            ConfigError::Empty => write!(f, "no configurations to evaluate"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Which cgo settings a spec without `/cgo` or `/nocgo` stands for (the `[matrix] cgo` key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CgoMode {
    On,
    Off,
    /// Off and on, on every port (what `CGO_ENABLED=0` and `=1` give `go list`).
    Both,
    /// Off everywhere, and on where the port supports cgo (`go tool dist list -json`).
    Supported,
}

impl CgoMode {
    /// The cgo values evaluated for `platform` (of the selected release).
    pub fn values(self, platform: &Platform) -> &'static [bool] {
        self.values_in(platform, release::selected())
    }

    /// The cgo values evaluated for `platform` in `release`.
    pub fn values_in(self, platform: &Platform, release: &Release) -> &'static [bool] {
        let supported = release
            .find_port_or_broken(&platform.goos, &platform.goarch)
            .is_some_and(|p| p.cgo_supported);
        match self {
            CgoMode::On => &[true],
            CgoMode::Off => &[false],
            CgoMode::Both => &[false, true],
            CgoMode::Supported if supported => &[false, true],
            CgoMode::Supported => &[false],
        }
    }
}

/// All 49 ports, in `go tool dist list` order.
pub fn all_platforms() -> Vec<Platform> {
    platform::ports()
        .iter()
        .map(|p| Platform::new(p.goos, p.goarch, None))
        .collect()
}

/// The 8 first-class ports.
pub fn first_class_platforms() -> Vec<Platform> {
    platform::ports()
        .iter()
        .filter(|p| p.first_class)
        .map(|p| Platform::new(p.goos, p.goarch, None))
        .collect()
}

/// The product platforms × tag sets × cgo, in that nesting order (no cgo suffixes).
pub fn product(platforms: &[Platform], tag_sets: &[TagSet], cgo: CgoMode) -> Vec<Config> {
    let items: Vec<SpecItem> = platforms
        .iter()
        .map(|p| SpecItem {
            platform: p.clone(),
            cgo: None,
        })
        .collect();
    expand(&items, tag_sets, cgo)
}

/// The configurations of spec items: each item × each tag set × its cgo values (the item's
/// own `/cgo` or `/nocgo`, else `cgo`'s), in that nesting order, without duplicates.
pub fn expand(items: &[SpecItem], tag_sets: &[TagSet], cgo: CgoMode) -> Vec<Config> {
    expand_in(items, tag_sets, cgo, None)
}

/// [`expand`] for one release of a multi-release run (`Some`), or the selected one.
fn expand_in(
    items: &[SpecItem],
    tag_sets: &[TagSet],
    cgo: CgoMode,
    go: Option<&'static Release>,
) -> Vec<Config> {
    let release = go.unwrap_or_else(release::selected);
    let mut out: Vec<Config> = Vec::new();
    for item in items {
        let values: &[bool] = match item.cgo {
            Some(true) => &[true],
            Some(false) => &[false],
            None => cgo.values_in(&item.platform, release),
        };
        for t in tag_sets {
            for &c in values {
                let config = Config {
                    platform: item.platform.clone(),
                    cgo: c,
                    tags: t.clone(),
                    go,
                };
                if !out.contains(&config) {
                    out.push(config);
                }
            }
        }
    }
    out
}

/// Parses `--go 1.22,1.27` (or `[matrix] go`): releases in the order given, once each.
pub fn parse_releases(names: &[String]) -> Result<Vec<&'static Release>, UnknownRelease> {
    let mut out: Vec<&'static Release> = Vec::new();
    for name in names.iter().flat_map(|n| n.split(',')) {
        if name.trim().is_empty() {
            continue;
        }
        let r = release::find(name)?;
        if !out.iter().any(|x| x.minor == r.minor) {
            out.push(r);
        }
    }
    Ok(out)
}

/// The configurations of `specs` in every release of `releases` — the Go release as one
/// more dimension. Each release contributes its own ports (`all`, `first-class`); a named
/// platform is taken in the releases that have it, and must be a port of at least one.
pub fn expand_releases(
    specs: &str,
    tag_sets: &[TagSet],
    cgo: CgoMode,
    releases: &[&'static Release],
) -> Result<Vec<Config>, SpecError> {
    let mut out = Vec::new();
    let mut first_error = None;
    let mut any = false;
    for &r in releases {
        match spec::parse_in(specs, r, releases) {
            Ok(items) => {
                any = true;
                out.extend(expand_in(&items, tag_sets, cgo, Some(r)));
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) if !any || !matches!(e, SpecError::Empty { .. }) => Err(e),
        _ => Ok(out),
    }
}

/// The configurations of one run with the build context and label of each, index for index.
#[derive(Clone, Debug)]
pub struct ConfigSet {
    pub configs: Vec<Config>,
    pub contexts: Vec<BuildContext>,
    pub labels: Vec<String>,
}

impl ConfigSet {
    /// Builds every configuration's context; an empty list is an error.
    pub fn new(configs: Vec<Config>) -> Result<ConfigSet, ConfigError> {
        if configs.is_empty() {
            return Err(ConfigError::Empty);
        }
        let contexts = configs
            .iter()
            .map(Config::context)
            .collect::<Result<Vec<_>, _>>()?;
        let labels = configs.iter().map(Config::label).collect();
        Ok(ConfigSet {
            configs,
            contexts,
            labels,
        })
    }

    pub fn len(&self) -> usize {
        self.configs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.configs.is_empty()
    }

    /// The label of configuration `i` (`?` out of range).
    pub fn label(&self, i: usize) -> &str {
        self.labels.get(i).map_or("?", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_reach_the_context() {
        let c = Config {
            platform: Platform::new("linux", "amd64", Some("v3")),
            cgo: false,
            tags: TagSet::new(vec!["x".into()]),
            go: None,
        };
        let ctx = c.context().expect("valid");
        assert!(ctx.match_tag("amd64.v3") && !ctx.match_tag("amd64.v4") && ctx.match_tag("x"));
        assert_eq!(c.label(), "linux/amd64/v3 tags=x");
        let arm6 = Config {
            platform: Platform::new("linux", "arm", Some("6")),
            cgo: true,
            tags: TagSet::new(vec![]),
            go: None,
        };
        let ctx = arm6.context().expect("valid");
        assert!(ctx.match_tag("arm.6") && !ctx.match_tag("arm.7") && ctx.match_tag("cgo"));
    }

    #[test]
    fn tag_sets_and_product() {
        let sets = parse_tag_sets(";integration;a, b;a,b");
        let names: Vec<&str> = sets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["default", "integration", "a,b"]);
        let cfgs = product(&all_platforms(), &sets, CgoMode::Both);
        assert_eq!(cfgs.len(), 49 * 3 * 2);
        let supported = platform::ports().iter().filter(|p| p.cgo_supported).count();
        let cfgs = product(&all_platforms(), &sets[..1], CgoMode::Supported);
        assert_eq!(cfgs.len(), 49 + supported);
        assert_eq!(
            product(&first_class_platforms(), &sets[..1], CgoMode::Supported).len(),
            16
        );
    }

    #[test]
    fn releases_are_a_dimension() {
        let names = vec!["1.21,go1.27".to_string(), "1.21".to_string()];
        let rs = parse_releases(&names).expect("known");
        assert_eq!(rs.iter().map(|r| r.minor).collect::<Vec<_>>(), [21, 27]);
        assert!(parse_releases(&["1.19".to_string()]).is_err());
        let sets = [TagSet::new(vec![])];
        let cfgs = expand_releases("all", &sets, CgoMode::Off, &rs).expect("specs");
        let want: usize = rs.iter().map(|r| r.ports.len()).sum();
        assert_eq!(cfgs.len(), want);
        assert_eq!(cfgs[0].label(), "aix/ppc64 go1.21");
        let set = ConfigSet::new(cfgs).expect("contexts");
        let i27 = set
            .configs
            .iter()
            .position(|c| c.go.is_some_and(|r| r.minor == 27));
        let ctx = &set.contexts[i27.unwrap_or(0)];
        assert!(ctx.match_tag("go1.27") && !set.contexts[0].match_tag("go1.22"));
        // A named platform only some releases have is taken where it exists.
        let one =
            expand_releases("openbsd/riscv64", &sets, CgoMode::Off, &rs).expect("1.27 has it");
        assert_eq!(one.len(), 1, "{one:?}");
        assert!(expand_releases("linux/sparc", &sets, CgoMode::Off, &rs).is_err());
    }

    #[test]
    fn empty_and_bad_sets_are_errors() {
        assert_eq!(ConfigSet::new(Vec::new()).err(), Some(ConfigError::Empty));
        let bad = Config {
            platform: Platform::new("linux", "sparc", None),
            cgo: false,
            tags: TagSet::new(vec![]),
            go: None,
        };
        let e = ConfigSet::new(vec![bad]).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.starts_with("linux/sparc: unsupported")));
    }
}
