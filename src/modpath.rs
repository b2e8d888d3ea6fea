//! Import-path validity as `golang.org/x/mod/module.CheckImportPath` decides it; cmd/go
//! reports a failure as `malformed import path "<p>": <reason>`.

/// Windows device names no path element may use (before its first dot, any case).
const BAD_WINDOWS_NAMES: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Checks an import path; the error is the reason text Go prints.
pub fn check_import_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("empty string".into());
    }
    if path.starts_with('-') {
        return Err("leading dash".into());
    }
    if path.contains("//") {
        return Err("double slash".into());
    }
    if path.ends_with('/') {
        return Err("trailing slash".into());
    }
    path.split('/').try_for_each(check_elem)
}

fn check_elem(elem: &str) -> Result<(), String> {
    if elem.is_empty() {
        return Err("empty path element".into());
    }
    if elem.chars().all(|c| c == '.') {
        return Err(format!("invalid path element {elem:?}"));
    }
    if elem.ends_with('.') {
        return Err("trailing dot in path element".into());
    }
    if let Some(c) = elem
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || "-._~+".contains(c)))
    {
        return Err(format!("invalid char {}", go_quote_rune(c)));
    }
    let short = elem.split('.').next().unwrap_or(elem);
    if BAD_WINDOWS_NAMES
        .iter()
        .any(|b| b.eq_ignore_ascii_case(short))
    {
        return Err(format!(
            "{short:?} disallowed as path element component on Windows"
        ));
    }
    Ok(())
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

    #[test]
    fn go_examples() {
        assert_eq!(
            check_import_path("example.com/m/a b"),
            Err("invalid char ' '".into())
        );
        assert_eq!(
            check_import_path("example.com/m/ü"),
            Err("invalid char 'ü'".into())
        );
        assert_eq!(
            check_import_path("example.com/m/con"),
            Err("\"con\" disallowed as path element component on Windows".into())
        );
        assert!(check_import_path("example.com/m/a+b~c.d").is_ok());
        assert!(check_import_path("example.com/m/com0").is_ok());
    }
}
