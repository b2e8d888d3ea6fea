//! Rendering an [`Expr`] exactly like Go's `String()` methods, which is what `go vet` compares
//! and what `gofmt` writes into `//go:build` lines.
//!
//! Go adds parentheses only where the printed text would otherwise be misread: around an `&&`
//! operand of `||`, an `||` operand of `&&`, and a negated `&&`/`||`. It does *not* keep
//! grouping that precedence makes redundant, nor right-nested grouping of the same operator
//! (`a && (b && c)` prints as `a && b && c`).

use std::fmt;

use super::Expr;

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Tag { name, .. } => f.write_str(name),
            Expr::Not { expr, .. } => {
                f.write_str("!")?;
                let compound = matches!(**expr, Expr::And { .. } | Expr::Or { .. });
                operand(f, expr, compound)
            }
            Expr::And { left, right, .. } => {
                operand(f, left, matches!(**left, Expr::Or { .. }))?;
                f.write_str(" && ")?;
                operand(f, right, matches!(**right, Expr::Or { .. }))
            }
            Expr::Or { left, right, .. } => {
                operand(f, left, matches!(**left, Expr::And { .. }))?;
                f.write_str(" || ")?;
                operand(f, right, matches!(**right, Expr::And { .. }))
            }
        }
    }
}

fn operand(f: &mut fmt::Formatter<'_>, x: &Expr, parens: bool) -> fmt::Result {
    if parens {
        write!(f, "({x})")
    } else {
        write!(f, "{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse_go_build, Span};
    use super::*;

    fn t(name: &str) -> Expr {
        Expr::tag(name, Span::new(0, 0))
    }

    #[test]
    fn parenthesisation() {
        let p = |s: &str| parse_go_build(s).unwrap().to_string();
        assert_eq!(p("(a || b) && c"), "(a || b) && c");
        assert_eq!(p("a && (b && c)"), "a && b && c");
        assert_eq!(p("((a))"), "a");
        assert_eq!(p("!(a || b)"), "!(a || b)");
        assert_eq!(p("!(a)"), "!a");
        assert_eq!(p("a||b&&!c"), "a || (b && !c)");
        // Trees built by hand print the same way.
        let x = Expr::not(0, Expr::not(0, Expr::or(t("a"), Expr::and(t("b"), t("c")))));
        assert_eq!(x.to_string(), "!!(a || (b && c))");
    }
}
