//! `gotags.toml`: settings a team would otherwise repeat on every command line. Found by
//! walking up from the checked path (stopping at the filesystem root); `--config FILE`
//! overrides. Unknown keys are errors that name the line.
//!
//! ```toml
//! [matrix]
//! platforms = "all"            # "all", "first-class", "goreleaser", or a list of
//!                              # GOOS/GOARCH[/VARIANT][/cgo|/nocgo]: ["linux/arm/7", "windows/arm64/nocgo"]
//! tags = [[], ["integration"]] # tag sets; every platform is checked with each set
//! cgo = "both"                 # "on", "off", "both" or "supported" (flags override)
//!
//! [embed]
//! max_file_size = 10485760     # bytes; larger single embedded files are reported (GT411)
//! budget = "10MiB"             # gotags embed: total per platform (flags override)
//! budget_package = "2MiB"      # gotags embed: any one package
//! budget_file = "1MiB"         # gotags embed: any single embedded file
//! budget_binary = "8MiB"       # gotags embed: what any one main package's binary embeds
//!
//! [check]
//! select = ["GT1", "GT2"]      # code prefixes to run (default: all)
//! ignore = ["GT205"]           # code prefixes to leave out
//! severity = { GT205 = "warning", GT302 = "error" }
//! ```

use crate::check::Severity;
use crate::configs::{CgoMode, SpecError};
use crate::go::release::UnknownRelease;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "gotags.toml";

/// `platforms` as a set name or a list.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum PlatformSpec {
    Set(String),
    List(Vec<String>),
}

impl PlatformSpec {
    /// The `--platforms` spelling.
    pub fn as_arg(&self) -> String {
        match self {
            PlatformSpec::Set(s) => s.clone(),
            PlatformSpec::List(l) => l.join(","),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub platforms: Option<PlatformSpec>,
    pub tags: Option<Vec<Vec<String>>>,
    /// Which cgo settings platforms without `/cgo` or `/nocgo` get (`--cgo` overrides).
    pub cgo: Option<CgoMode>,
    /// Go releases to evaluate as one more dimension, e.g. `["1.22", "1.27"]` (`--go`
    /// overrides).
    pub go: Option<Vec<String>>,
}

impl Matrix {
    /// The cgo mode of a run: the flag's, else this file's, else both (`matrix` and `check`
    /// alike).
    pub fn cgo_mode(&self, flag: Option<CgoMode>) -> CgoMode {
        flag.or(self.cgo).unwrap_or(CgoMode::Both)
    }

    /// The tag sets in `--tags-sets` spelling: sets separated by `;`, tags by `,`.
    pub fn tags_sets_arg(&self) -> Option<String> {
        self.tags.as_ref().map(|sets| {
            sets.iter()
                .map(|set| set.join(","))
                .collect::<Vec<_>>()
                .join(";")
        })
    }
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Embed {
    pub max_file_size: Option<u64>,
    /// `gotags embed` budgets (human units: "10MiB", "500KB", or a byte count); the
    /// `--budget`, `--budget-package` and `--budget-file` flags override each.
    pub budget: Option<crate::embed_report::size::ByteSize>,
    pub budget_package: Option<crate::embed_report::size::ByteSize>,
    pub budget_file: Option<crate::embed_report::size::ByteSize>,
    /// `--budget-binary`: the binary estimate of any one `main` package.
    pub budget_binary: Option<crate::embed_report::size::ByteSize>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Check {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Rules that are off by default (GT205) to run as well.
    #[serde(default)]
    pub enable: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
}

/// The whole file.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub matrix: Matrix,
    #[serde(default)]
    pub embed: Embed,
    #[serde(default)]
    pub check: Check,
    /// Where it was read from (not a key).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// Why `gotags.toml` cannot be used: the file and the problem (Display: `PATH: PROBLEM`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigFileError {
    pub path: PathBuf,
    pub problem: ConfigProblem,
}

/// What is wrong with a `gotags.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The file cannot be read (Go's errno wording).
    Read(String),
    /// Not TOML, or a key the file may not have (toml's message names the line).
    Toml(Box<toml::de::Error>),
    /// `[matrix] go` names a release gotags does not know.
    Go(UnknownRelease),
    /// `[matrix] platforms` is not a platform list.
    Platforms(SpecError),
    /// A `[check.severity]` value that is no severity.
    Severity { code: String, value: String },
    /// A `[check.severity]` key that is no rule's code.
    UnknownCode(String),
}

impl fmt::Display for ConfigFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path.display())?;
        match &self.problem {
            ConfigProblem::Read(text) => f.write_str(text),
            ConfigProblem::Toml(e) => f.write_str(e.to_string().trim_end()),
            ConfigProblem::Go(e) => write!(f, "[matrix] go: {e}"),
            ConfigProblem::Platforms(e) => write!(f, "[matrix] platforms: {e}"),
            ConfigProblem::Severity { code, value } => write!(
                f,
                "[check.severity] {code} = {value:?}: want \"error\", \"warning\" or \"info\""
            ),
            ConfigProblem::UnknownCode(code) => write!(f, "[check.severity] unknown code {code}"),
        }
    }
}

impl std::error::Error for ConfigFileError {}

impl Config {
    /// Parses the text; errors carry toml's line and column.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigFileError> {
        let err = |problem| ConfigFileError {
            path: path.to_path_buf(),
            problem,
        };
        let mut c: Config =
            toml::from_str(text).map_err(|e| err(ConfigProblem::Toml(Box::new(e))))?;
        if let Some(go) = &c.matrix.go {
            crate::configs::parse_releases(go).map_err(|e| err(ConfigProblem::Go(e)))?;
        }
        if let Some(p) = &c.matrix.platforms {
            crate::configs::spec::parse(&p.as_arg())
                .map_err(|e| err(ConfigProblem::Platforms(e)))?;
        }
        for (code, sev) in &c.check.severity {
            if Severity::parse(sev).is_none() {
                let (code, value) = (code.clone(), sev.clone());
                return Err(err(ConfigProblem::Severity { code, value }));
            }
            if crate::check::registry::find(code).is_none() {
                return Err(err(ConfigProblem::UnknownCode(code.clone())));
            }
        }
        c.path = Some(path.to_path_buf());
        Ok(c)
    }

    /// Reads `file`.
    pub fn load(file: &Path) -> Result<Config, ConfigFileError> {
        let text = std::fs::read_to_string(file).map_err(|e| ConfigFileError {
            path: file.to_path_buf(),
            problem: ConfigProblem::Read(crate::facts::go_errno_text(&e)),
        })?;
        Config::parse(&text, file)
    }

    /// The nearest `gotags.toml` at or above `start`, if any.
    pub fn discover(start: &Path) -> Result<Option<Config>, ConfigFileError> {
        (start.ancestors())
            .map(|d| d.join(FILE_NAME))
            .find(|f| f.is_file())
            .map(|f| Config::load(&f))
            .transpose()
    }

    /// Per-code severity overrides, parsed.
    pub fn severities(&self) -> BTreeMap<String, Severity> {
        self.check
            .severity
            .iter()
            .filter_map(|(k, v)| Severity::parse(v).map(|s| (k.clone(), s)))
            .collect()
    }
}

/// What `gotags init` writes: every key, commented.
pub const TEMPLATE: &str = r#"# gotags.toml: settings for `gotags check` (and future matrix/embed commands).
# gotags finds this file by walking up from the checked path; `--config FILE` overrides.
# Unknown keys are an error.

[matrix]
# Which platforms to evaluate: "all" (every `go tool dist list` port), "first-class",
# "goreleaser", or a list of GOOS/GOARCH[/VARIANT][/cgo|/nocgo] such as
# ["linux/amd64", "linux/arm/7", "windows/arm64/nocgo"] (gotags check and matrix alike).
platforms = "all"
# Tag sets: every platform is checked once per set. [[]] means no user tags.
tags = [[]]
# The cgo settings of platforms without /cgo or /nocgo: "on", "off", "both" (default) or
# "supported" (on only where the port supports cgo). --platforms, --tags, --tags-sets and
# --cgo override.
# cgo = "both"
# Go releases to evaluate together, as one more dimension (--go overrides):
# go = ["1.22", "1.27"]

[embed]
# Single embedded files larger than this many bytes are reported (GT411).
# max_file_size = 10485760
# `gotags embed` budgets, with human units ("10MiB", "500KB", "1.5MB") or a byte count;
# a breach exits 1. --budget, --budget-package and --budget-file override each.
# budget = "10MiB"          # total embedded bytes per platform
# budget_package = "2MiB"   # embedded bytes of any one package
# budget_file = "1MiB"      # any single embedded file
# budget_binary = "8MiB"    # what any one main package's binary embeds (names, headers too)

[check]
# Code prefixes to run (empty: all) and to leave out.
select = []
ignore = []
# Rules off by default to run as well (codes or names), e.g. GT205 constraint-repeats-filename.
# enable = ["GT205"]
# Per-code severity: "error", "warning" or "info".
# severity = { GT205 = "warning" }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_parses() {
        let c = Config::parse(TEMPLATE, Path::new("gotags.toml")).expect("template");
        assert_eq!(c.matrix.platforms, Some(PlatformSpec::Set("all".into())));
        // The template's own example list parses with the one grammar.
        let example = TEMPLATE
            .lines()
            .find(|l| l.contains("windows/arm64/nocgo"))
            .and_then(|l| Some(&l[l.find('[')?..=l.find(']')?]))
            .expect("an example list in the template");
        let text = format!("[matrix]\nplatforms = {example}\n");
        let c = Config::parse(&text, Path::new("gotags.toml")).expect("example");
        assert!(matches!(c.matrix.platforms, Some(PlatformSpec::List(ref l)) if l.len() == 3));
        let e = Config::parse(
            "[matrix]\nplatforms = [\"linux/arm/8\"]\n",
            Path::new("g.toml"),
        )
        .expect_err("bad variant")
        .to_string();
        assert!(
            e.contains("[matrix] platforms") && e.contains("linux/arm/8"),
            "{e}"
        );
    }

    #[test]
    fn embed_budgets_take_human_units() {
        let c = Config::parse(
            "[embed]\nbudget = \"10MiB\"\nbudget_package = 2048\nbudget_file = \"1.5KB\"\n",
            Path::new("g.toml"),
        )
        .expect("budgets");
        assert_eq!(c.embed.budget.map(|b| b.0), Some(10 << 20));
        assert_eq!(c.embed.budget_package.map(|b| b.0), Some(2048));
        assert_eq!(c.embed.budget_file.map(|b| b.0), Some(1500));
        let e = Config::parse("[embed]\nbudget = \"ten\"\n", Path::new("g.toml"))
            .expect_err("bad size")
            .to_string();
        assert!(e.contains("line 2"), "{e}");
        let e = Config::parse("[embed]\nbuget = 1\n", Path::new("g.toml"))
            .expect_err("typo")
            .to_string();
        assert!(e.contains("line 2") && e.contains("buget"), "{e}");
    }

    #[test]
    fn unknown_keys_name_the_line() {
        let e = Config::parse("[check]\nselect = []\nignroe = []\n", Path::new("g.toml"))
            .expect_err("unknown key")
            .to_string();
        assert!(e.contains("line 3"), "{e}");
        assert!(e.contains("ignroe"), "{e}");
        let e = Config::parse("[check.severity]\nGT205 = \"loud\"\n", Path::new("g.toml"))
            .expect_err("bad severity");
        assert!(matches!(e.problem, ConfigProblem::Severity { ref code, .. } if code == "GT205"));
    }
}
