//! `gotags eval`: evaluates one constraint, written as a bare expression, a `//go:build`
//! line or a `// +build` line, under a `BuildContext`; syntax errors point at their column.

use crate::constraint::{self, SyntaxError};
use crate::context::BuildContext;

/// A syntax error together with the input it was found in, for caret rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError {
    pub input: String,
    /// Byte offset into `input`.
    pub offset: usize,
    pub message: String,
}

impl EvalError {
    /// The input, a caret under the offending column, and the message.
    pub fn render(&self) -> String {
        let column = self.input[..self.offset.min(self.input.len())]
            .chars()
            .count();
        format!(
            "{}\n{}^\nerror: {}",
            self.input,
            " ".repeat(column),
            self.message
        )
    }
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (at byte {} of {:?})",
            self.message, self.offset, self.input
        )
    }
}

impl std::error::Error for EvalError {}

/// Parses and evaluates `input`.
pub fn evaluate(input: &str, ctx: &BuildContext) -> Result<bool, EvalError> {
    Ok(parse(input)?.eval(&mut |tag| ctx.match_tag(tag)))
}

/// Parses `input` in any of its three forms.
pub fn parse(input: &str) -> Result<constraint::Expr, EvalError> {
    let trimmed_start = input.len() - input.trim_start().len();
    let line = input.trim();
    let parsed: Result<_, SyntaxError> = if let Some((text, at)) = constraint::go_build_expr(line) {
        constraint::parse_go_build(text).map_err(|e| shift(e, trimmed_start + at))
    } else if let Some((text, at)) = constraint::plus_build_expr(line) {
        constraint::parse_plus_build(text).map_err(|e| shift(e, trimmed_start + at))
    } else {
        constraint::parse_go_build(line).map_err(|e| shift(e, trimmed_start))
    };
    match parsed {
        Ok(expr) => Ok(expr),
        Err(e) => Err(EvalError {
            input: input.to_string(),
            offset: e.offset,
            message: e.message,
        }),
    }
}

fn shift(mut e: SyntaxError, by: usize) -> SyntaxError {
    e.offset += by;
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linux() -> BuildContext {
        BuildContext::for_port("linux", "amd64", true, &[]).expect("linux/amd64 is a port")
    }

    #[test]
    fn forms() {
        assert_eq!(evaluate("linux && amd64", &linux()), Ok(true));
        assert_eq!(evaluate("//go:build windows || cgo", &linux()), Ok(true));
        assert_eq!(evaluate("// +build linux,!cgo", &linux()), Ok(false));
    }

    #[test]
    fn caret_under_error() {
        let e = evaluate("//go:build linux && && x", &linux()).unwrap_err();
        assert_eq!(e.message, "unexpected token &&");
        assert_eq!(
            e.render(),
            "//go:build linux && && x\n                    ^\nerror: unexpected token &&"
        );
    }
}
