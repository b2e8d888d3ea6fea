//! The `go env -w` file: `go` reads some settings from the process environment first and
//! from this file second (`cmd/go/internal/cfg: Getenv`). Only the settings that change
//! file selection matter here; the `GO$GOARCH` feature levels are deliberately absent,
//! because Go reads them from the process environment only.

use std::collections::HashMap;
use std::path::PathBuf;

/// Keys gotags takes from the file when the process environment leaves them empty.
const FILE_KEYS: &[&str] = &[
    "GOOS",
    "GOARCH",
    "CGO_ENABLED",
    "GOFLAGS",
    "GOEXPERIMENT",
    "CC",
    "GOTOOLCHAIN",
    "GOWORK",
];

/// Process environment layered over the user's go env file.
#[derive(Clone, Debug, Default)]
pub struct GoEnv {
    file: HashMap<String, String>,
}

impl GoEnv {
    /// Reads `$GOENV` (unless it is `off`), else `$XDG_CONFIG_HOME/go/env` or
    /// `$HOME/.config/go/env`. A missing or unreadable file counts as empty, as in Go.
    pub fn load() -> GoEnv {
        match env_file() {
            Some(path) => match std::fs::read(&path) {
                Ok(data) => GoEnv::parse(&String::from_utf8_lossy(&data)),
                Err(_) => GoEnv::default(),
            },
            None => GoEnv::default(),
        }
    }

    /// Parses `KEY=VALUE` lines; a line must start with an upper-case letter and contain `=`.
    pub fn parse(text: &str) -> GoEnv {
        let mut file = HashMap::new();
        for line in text.split('\n') {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            if !key.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            file.insert(key.to_string(), value.to_string());
        }
        GoEnv { file }
    }

    /// The value `go` would use: a non-empty process variable, else the file's value for the
    /// keys Go reads through its env cache.
    pub fn lookup(&self, key: &str, process: &dyn Fn(&str) -> Option<String>) -> Option<String> {
        match process(key) {
            Some(v) if !v.is_empty() => Some(v),
            other => {
                if FILE_KEYS.contains(&key) {
                    self.file.get(key).cloned().or(other)
                } else {
                    other
                }
            }
        }
    }
}

fn env_file() -> Option<PathBuf> {
    match std::env::var_os("GOENV") {
        Some(v) if v == "off" => None,
        Some(v) if !v.is_empty() => Some(PathBuf::from(v)),
        _ => {
            let config = std::env::var_os("XDG_CONFIG_HOME")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
            Some(config.join("go/env"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_wins_and_feature_levels_ignore_the_file() {
        let env = GoEnv::parse("CGO_ENABLED=0\nGOAMD64=v3\ngoflags=x\nGOFLAGS=-tags=a\nnoequals\n");
        let none = |_: &str| None;
        assert_eq!(env.lookup("CGO_ENABLED", &none), Some("0".into()));
        assert_eq!(env.lookup("GOAMD64", &none), None);
        assert_eq!(env.lookup("GOFLAGS", &none), Some("-tags=a".into()));
        let process = |k: &str| (k == "CGO_ENABLED").then(|| "1".to_string());
        assert_eq!(env.lookup("CGO_ENABLED", &process), Some("1".into()));
        let empty = |k: &str| (k == "CGO_ENABLED").then(String::new);
        assert_eq!(env.lookup("CGO_ENABLED", &empty), Some("0".into()));
    }
}
