//! The terminal's width: `COLUMNS` when set, else the window size of stdout when it is a
//! terminal; `None` when output goes to a file or a pipe.

use std::io::IsTerminal;

/// Columns from a `COLUMNS` value.
fn from_columns(v: Option<String>) -> Option<usize> {
    v.and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
}

/// The width of the terminal stdout writes to, if any.
pub fn width() -> Option<usize> {
    from_columns(std::env::var("COLUMNS").ok())
        .or_else(|| std::io::stdout().is_terminal().then(window_columns)?)
}

#[cfg(unix)]
fn window_columns() -> Option<usize> {
    let mut size = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one `winsize` into the pointed-to value, which lives for
    // the call; fd 1 is only queried.
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn window_columns() -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_variable() {
        assert_eq!(from_columns(Some("132".into())), Some(132));
        assert_eq!(from_columns(Some(" 80 ".into())), Some(80));
        assert_eq!(from_columns(Some("0".into())), None);
        assert_eq!(from_columns(Some("wide".into())), None);
        assert_eq!(from_columns(None), None);
    }
}
