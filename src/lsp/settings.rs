//! The client's settings for gotags (from `initializationOptions` or
//! `workspace/didChangeConfiguration`): platforms, tag sets and rule selection, which
//! override gotags.toml.

use serde_json::Value;

/// What the client may set; absent keys fall back to gotags.toml.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// `all`, `first-class` or `goos/goarch,...`.
    pub platforms: Option<String>,
    /// Tag sets, each checked with every platform.
    pub tags: Option<Vec<Vec<String>>>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Settings {
    /// Reads `{"platforms": .., "tags": [[..]] or "a,b", "select": [..], "ignore": [..]}`,
    /// also nested under a `gotags` key; anything malformed is ignored.
    pub fn from_json(v: &Value) -> Settings {
        let v = v.get("gotags").unwrap_or(v);
        let strings = |x: Option<&Value>| -> Vec<String> {
            match x {
                Some(Value::String(s)) => vec![s.clone()],
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect(),
                _ => Vec::new(),
            }
        };
        let split = |s: &str| -> Vec<String> {
            s.split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect()
        };
        let tags = match v.get("tags") {
            Some(Value::String(s)) => Some(vec![split(s)]),
            Some(Value::Array(a)) => Some(
                a.iter()
                    .map(|set| match set {
                        Value::String(s) => split(s),
                        other => strings(Some(other)),
                    })
                    .collect(),
            ),
            _ => None,
        };
        Settings {
            platforms: v
                .get("platforms")
                .and_then(Value::as_str)
                .map(str::to_string),
            tags,
            select: strings(v.get("select")),
            ignore: strings(v.get("ignore")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_and_flat() {
        let s = Settings::from_json(&serde_json::json!({
            "gotags": {"platforms": "linux/amd64", "tags": ["a,b", ["c"]], "select": "GT1"}
        }));
        assert_eq!(s.platforms.as_deref(), Some("linux/amd64"));
        assert_eq!(
            s.tags,
            Some(vec![vec!["a".to_string(), "b".into()], vec!["c".into()]])
        );
        assert_eq!(s.select, vec!["GT1"]);
        assert_eq!(
            Settings::from_json(&serde_json::json!(42)),
            Settings::default()
        );
    }
}
