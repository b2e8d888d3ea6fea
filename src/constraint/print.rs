//! Rendering an [`Expr`] exactly like Go's `String()` methods, which is what `go vet` compares
//! and what `gofmt` writes into `//go:build` lines.
//!
//! Go adds parentheses only where the printed text would otherwise be misread: around an `&&`
//! operand of `||`, an `||` operand of `&&`, and a negated `&&`/`||`. It does *not* keep
//! grouping that precedence makes redundant, nor right-nested grouping of the same operator
//! (`a && (b && c)` prints as `a && b && c`).

use std::fmt;

use super::Expr;

/// Pending output while printing: literal text, or a node still to render.
enum Item<'a> {
    Text(&'static str),
    Node(&'a Expr),
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // An explicit work stack instead of recursion: formatter frames are large, and a legal
        // expression can be about a thousand levels deep.
        let mut work = vec![Item::Node(self)];
        while let Some(item) = work.pop() {
            match item {
                Item::Text(text) => f.write_str(text)?,
                Item::Node(Expr::Tag { name, .. }) => f.write_str(name)?,
                Item::Node(Expr::Not { expr, .. }) => {
                    f.write_str("!")?;
                    let compound = matches!(**expr, Expr::And { .. } | Expr::Or { .. });
                    push_operand(&mut work, expr, compound);
                }
                Item::Node(Expr::And { left, right, .. }) => {
                    // Pushed in reverse: the left operand is printed first.
                    push_operand(&mut work, right, matches!(**right, Expr::Or { .. }));
                    work.push(Item::Text(" && "));
                    push_operand(&mut work, left, matches!(**left, Expr::Or { .. }));
                }
                Item::Node(Expr::Or { left, right, .. }) => {
                    push_operand(&mut work, right, matches!(**right, Expr::And { .. }));
                    work.push(Item::Text(" || "));
                    push_operand(&mut work, left, matches!(**left, Expr::And { .. }));
                }
            }
        }
        Ok(())
    }
}

fn push_operand<'a>(work: &mut Vec<Item<'a>>, x: &'a Expr, parens: bool) {
    if parens {
        work.push(Item::Text(")"));
        work.push(Item::Node(x));
        work.push(Item::Text("("));
    } else {
        work.push(Item::Node(x));
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
