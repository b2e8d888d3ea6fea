//! The single-platform flags (`--goos`, `--goarch`, `--tags`, `--cgo`) of list, eval, embed
//! and generate, and the `BuildContext` they select over the environment and `go env`.

use super::error::CliError;
use super::vocabulary;
use clap::{Args, ValueEnum};
use gotags::context::{self, BuildContext, ContextOverrides, HostInfo};
use gotags::platform;

#[derive(Args, Debug, Clone)]
pub struct ContextArgs {
    /// Target operating system (default: $GOOS, else the host's).
    #[arg(long)]
    pub goos: Option<String>,
    /// Target architecture (default: $GOARCH, else the host's).
    #[arg(long)]
    pub goarch: Option<String>,
    /// Build tags, comma-separated (default: -tags from $GOFLAGS).
    #[arg(long)]
    pub tags: Option<String>,
    /// Whether cgo is enabled (default: $CGO_ENABLED, else Go's rule: on for a native build with a C compiler).
    #[arg(long, value_enum)]
    pub cgo: Option<OnOff>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnOff {
    On,
    Off,
}

/// A `-tags` value split as cmd/go splits it.
pub fn tags(value: &str) -> Result<Vec<String>, CliError> {
    Ok(context::parse_tags_value(value)?)
}

impl ContextArgs {
    /// The build context these flags select over $GOOS/$GOARCH/…, `go env` and the host.
    pub fn build(&self) -> Result<BuildContext, CliError> {
        for (flag, value, known) in [
            ("goos", &self.goos, platform::KNOWN_OS),
            ("goarch", &self.goarch, platform::KNOWN_ARCH),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !known.contains(v)) {
                return Err(CliError::UnknownName {
                    flag,
                    value: v.to_string(),
                    hint: vocabulary::did_you_mean(v, known.iter().copied()),
                });
            }
        }
        let tags = self.tags.as_deref().map(tags).transpose()?;
        let overrides = ContextOverrides {
            goos: self.goos.clone(),
            goarch: self.goarch.clone(),
            tags,
            cgo: self.cgo.map(|c| c == OnOff::On),
            release: None,
        };
        let goenv = gotags::goenv::GoEnv::load();
        let process = |name: &str| std::env::var(name).ok();
        let lookup = |name: &str| goenv.lookup(name, &process);
        Ok(BuildContext::from_env(
            &lookup,
            &overrides,
            &HostInfo::current(),
            &context::on_path,
        )?)
    }
}
