//! Settings merged in one place: `--config FILE`, else the nearest gotags.toml above the
//! start directory, else the defaults; a flag always wins over the file.

use super::error::CliError;
use gotags::config::Config;
use std::path::{Path, PathBuf};

/// `--config FILE` (relative to `cwd`), else the nearest gotags.toml above `start`.
pub fn load(explicit: Option<&PathBuf>, cwd: &Path, start: &Path) -> Result<Config, CliError> {
    match explicit {
        Some(f) => Config::load(&cwd.join(f)).map_err(CliError::Config),
        None => Config::discover(start)
            .map(Option::unwrap_or_default)
            .map_err(CliError::Config),
    }
}

/// The platform list: the flag, else `[matrix] platforms`, else every port.
pub fn platforms(flag: Option<&str>, config: &Config) -> String {
    flag.map(str::to_string)
        .or_else(|| config.matrix.platforms.as_ref().map(|p| p.as_arg()))
        .unwrap_or_else(|| "all".to_string())
}

/// Tag sets in the `;`/`,` syntax: the flag, else `[matrix] tags`.
pub fn tags_sets(flag: Option<&str>, config: &Config) -> Option<String> {
    flag.map(str::to_string)
        .or_else(|| config.matrix.tags_sets_arg())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gotags::configs::CgoMode;

    fn config(text: &str) -> Config {
        Config::parse(text, Path::new("gotags.toml")).expect("valid config")
    }

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        let c = config("[matrix]\nplatforms = \"first-class\"\ncgo = \"off\"\n");
        assert_eq!(platforms(None, &c), "first-class");
        assert_eq!(platforms(Some("linux/amd64"), &c), "linux/amd64");
        assert_eq!(platforms(None, &Config::default()), "all");
        // The cgo setting: the flag, else `[matrix] cgo`, else both.
        assert_eq!(c.matrix.cgo_mode(None), CgoMode::Off);
        assert_eq!(c.matrix.cgo_mode(Some(CgoMode::On)), CgoMode::On);
        assert_eq!(Config::default().matrix.cgo_mode(None), CgoMode::Both);
    }
}
