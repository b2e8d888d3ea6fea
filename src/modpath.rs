//! Import-path validity as `golang.org/x/mod/module.CheckImportPath` decides it; cmd/go
//! reports a failure as `malformed import path "<p>": <reason>`.

/// Windows device names no path element may use (before its first dot, any case).
const BAD_WINDOWS_NAMES: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Why an import path is malformed; Display is the reason text Go prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportPathError {
    /// A fixed reason: `empty string`, `leading dash`, `double slash`, `trailing slash`,
    /// `empty path element`, `trailing dot in path element`.
    Shape(&'static str),
    /// An element made of dots only.
    DotsElement(String),
    /// A character module paths never allow.
    InvalidChar(char),
    /// An element whose part before the first dot is a Windows device name.
    WindowsName(String),
}

impl std::fmt::Display for ImportPathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportPathError::Shape(why) => f.write_str(why),
            ImportPathError::DotsElement(e) => write!(f, "invalid path element {e:?}"),
            ImportPathError::InvalidChar(c) => write!(f, "invalid char {}", go_quote_rune(*c)),
            ImportPathError::WindowsName(s) => {
                write!(f, "{s:?} disallowed as path element component on Windows")
            }
        }
    }
}

impl std::error::Error for ImportPathError {}

/// Checks an import path.
pub fn check_import_path(path: &str) -> Result<(), ImportPathError> {
    let shape = [
        (path.is_empty(), "empty string"),
        (path.starts_with('-'), "leading dash"),
        (path.contains("//"), "double slash"),
        (path.ends_with('/'), "trailing slash"),
    ];
    match shape.iter().find(|(bad, _)| *bad) {
        Some((_, why)) => Err(ImportPathError::Shape(why)),
        None => path.split('/').try_for_each(check_elem),
    }
}

fn check_elem(elem: &str) -> Result<(), ImportPathError> {
    if elem.is_empty() {
        return Err(ImportPathError::Shape("empty path element"));
    }
    if elem.chars().all(|c| c == '.') {
        return Err(ImportPathError::DotsElement(elem.to_string()));
    }
    if elem.ends_with('.') {
        return Err(ImportPathError::Shape("trailing dot in path element"));
    }
    if let Some(c) = elem
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || "-._~+".contains(c)))
    {
        return Err(ImportPathError::InvalidChar(c));
    }
    let short = elem.split('.').next().unwrap_or(elem);
    match BAD_WINDOWS_NAMES
        .iter()
        .any(|b| b.eq_ignore_ascii_case(short))
    {
        true => Err(ImportPathError::WindowsName(short.to_string())),
        false => Ok(()),
    }
}

/// Go's `%q` for a rune: `' '`, `'ü'`, `'\t'`.
fn go_quote_rune(c: char) -> String {
    match c {
        '\t' => "'\\t'".into(),
        '\n' => "'\\n'".into(),
        '\r' => "'\\r'".into(),
        '\'' => "'\\''".into(),
        '\\' => "'\\\\'".into(),
        c if c.is_control() => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(path: &str) -> String {
        check_import_path(path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn go_examples() {
        assert_eq!(why("example.com/m/a b"), "invalid char ' '");
        assert_eq!(why("example.com/m/ü"), "invalid char 'ü'");
        assert_eq!(
            why("example.com/m/con"),
            "\"con\" disallowed as path element component on Windows"
        );
        assert_eq!(why("-a"), "leading dash");
        assert!(check_import_path("example.com/m/a+b~c.d").is_ok());
        assert!(check_import_path("example.com/m/com0").is_ok());
    }
}
