//! Build configurations of a matrix: platforms (`goos/goarch` with an optional GOARM/GOAMD64
//! style variant such as `linux/arm/7` or `linux/amd64/v3`), cgo on/off and named tag sets,
//! and the exact `BuildContext` each one means.

use crate::context::{BuildContext, ContextOverrides, HostInfo};
use crate::platform;
use serde::Serialize;

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

    /// Parses `goos/goarch[/variant]`, checking the pair against the 49 ports.
    pub fn parse(text: &str) -> Result<Platform, String> {
        let parts: Vec<&str> = text.trim().split('/').collect();
        let (goos, goarch, variant) = match parts.as_slice() {
            [os, arch] => (*os, *arch, None),
            [os, arch, v] if !v.is_empty() => (*os, *arch, Some(*v)),
            _ => return Err(format!("{text:?}: want goos/goarch or goos/goarch/variant")),
        };
        if platform::find_port(goos, goarch).is_none() {
            return Err(format!(
                "{goos}/{goarch} is not a Go 1.23 port (go tool dist list)"
            ));
        }
        if let Some(v) = variant {
            check_variant(goarch, v)?;
        }
        Ok(Platform::new(goos, goarch, variant))
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

/// Rejects variants Go would reject or silently replace (so labels never lie).
fn check_variant(goarch: &str, v: &str) -> Result<(), String> {
    let ok = match goarch {
        "arm" => matches!(v, "5" | "6" | "7"),
        "amd64" => matches!(v, "v1" | "v2" | "v3" | "v4"),
        "386" => matches!(v, "sse2" | "softfloat"),
        "mips" | "mipsle" | "mips64" | "mips64le" => matches!(v, "hardfloat" | "softfloat"),
        "ppc64" | "ppc64le" => matches!(v, "power8" | "power9" | "power10"),
        "riscv64" => matches!(v, "rva20u64" | "rva22u64"),
        "arm64" => v.starts_with("v8.") || v.starts_with("v9."),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{v:?} is not a variant of {goarch}"))
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
    let mut out: Vec<TagSet> = Vec::new();
    for part in text.split(';') {
        let tags: Vec<String> = part
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        let set = TagSet::new(tags);
        if !out.contains(&set) {
            out.push(set);
        }
    }
    out
}

/// One cell of the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Config {
    pub platform: Platform,
    pub cgo: bool,
    pub tags: TagSet,
}

impl Config {
    /// `linux/amd64 cgo`, `windows/386 tags=integration`.
    pub fn label(&self) -> String {
        let mut s = self.platform.label();
        if self.cgo {
            s.push_str(" cgo");
        }
        if !self.tags.tags.is_empty() {
            s.push_str(" tags=");
            s.push_str(&self.tags.tags.join(","));
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
    pub fn context(&self) -> Result<BuildContext, String> {
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
            release: None,
        };
        let host = HostInfo {
            goos: p.goos.clone(),
            goarch: p.goarch.clone(),
        };
        BuildContext::from_env(&env, &overrides, &host, &|_| false).map_err(|e| e.to_string())
    }
}

/// Which cgo settings to evaluate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CgoMode {
    On,
    Off,
    Both,
}

impl CgoMode {
    fn values(self) -> &'static [bool] {
        match self {
            CgoMode::On => &[true],
            CgoMode::Off => &[false],
            CgoMode::Both => &[false, true],
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

/// Parses `--platforms` other than `goreleaser`: `all`, `first-class`, or a comma list.
pub fn parse_platforms(text: &str) -> Result<Vec<Platform>, String> {
    match text.trim() {
        "all" => Ok(all_platforms()),
        "first-class" => Ok(first_class_platforms()),
        list => {
            let mut out = Vec::new();
            for item in list.split(',').filter(|s| !s.trim().is_empty()) {
                let p = Platform::parse(item)?;
                if !out.contains(&p) {
                    out.push(p);
                }
            }
            if out.is_empty() {
                return Err("--platforms: empty list".to_string());
            }
            Ok(out)
        }
    }
}

/// The product platforms × tag sets × cgo, in that nesting order.
pub fn product(platforms: &[Platform], tag_sets: &[TagSet], cgo: CgoMode) -> Vec<Config> {
    let mut out = Vec::new();
    for p in platforms {
        for t in tag_sets {
            for &c in cgo.values() {
                out.push(Config {
                    platform: p.clone(),
                    cgo: c,
                    tags: t.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_sets() {
        assert_eq!(parse_platforms("all").map(|v| v.len()), Ok(49));
        assert_eq!(parse_platforms("first-class").map(|v| v.len()), Ok(8));
        let v = parse_platforms("linux/arm/7, linux/amd64/v3,windows/arm64").expect("valid");
        assert_eq!(v[0].label(), "linux/arm/7");
        assert_eq!(v[1].variant_var(), Some(("GOAMD64", "v3")));
        assert!(parse_platforms("linux/sparc").is_err());
        assert!(parse_platforms("linux/amd64/v9").is_err());
        assert!(parse_platforms("linux").is_err());
    }

    #[test]
    fn variants_reach_the_context() {
        let c = Config {
            platform: Platform::new("linux", "amd64", Some("v3")),
            cgo: false,
            tags: TagSet::new(vec!["x".into()]),
        };
        let ctx = c.context().expect("valid");
        assert!(ctx.match_tag("amd64.v3") && !ctx.match_tag("amd64.v4") && ctx.match_tag("x"));
        assert_eq!(c.label(), "linux/amd64/v3 tags=x");
        let arm6 = Config {
            platform: Platform::new("linux", "arm", Some("6")),
            cgo: true,
            tags: TagSet::new(vec![]),
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
    }
}
