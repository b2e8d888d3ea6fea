//! Whether to colour terminal output: `--color auto|always|never`, and for `auto` the
//! conventions `NO_COLOR` (when non-empty), `CLICOLOR_FORCE`/`FORCE_COLOR` and `TERM=dumb`.

use clap::ValueEnum;

#[derive(ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal, subject to NO_COLOR, CLICOLOR_FORCE, FORCE_COLOR, TERM.
    #[default]
    Auto,
    Always,
    Never,
}

/// The decision, from the choice, whether stdout is a terminal, and an environment lookup.
pub fn decide(
    choice: ColorChoice,
    is_terminal: bool,
    env: &dyn Fn(&str) -> Option<String>,
) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR") {
                false
            } else if env("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0")
                || env("FORCE_COLOR").is_some_and(|v| v != "0" && v != "false")
            {
                true
            } else {
                is_terminal && env("TERM").map_or(true, |t| t != "dumb")
            }
        }
    }
}

/// [`decide`] for the real stdout and environment.
pub fn for_stdout(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    decide(choice, std::io::stdout().is_terminal(), &|name| {
        std::env::var(name).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn conventions() {
        let auto = ColorChoice::Auto;
        assert!(decide(auto, true, &with(&[])));
        assert!(!decide(auto, false, &with(&[])));
        assert!(!decide(auto, true, &with(&[("NO_COLOR", "1")])));
        // An empty NO_COLOR does not count.
        assert!(decide(auto, true, &with(&[("NO_COLOR", "")])));
        assert!(!decide(auto, true, &with(&[("TERM", "dumb")])));
        assert!(decide(auto, false, &with(&[("CLICOLOR_FORCE", "1")])));
        assert!(!decide(auto, false, &with(&[("CLICOLOR_FORCE", "0")])));
        assert!(decide(auto, false, &with(&[("FORCE_COLOR", "")])));
        assert!(decide(auto, false, &with(&[("FORCE_COLOR", "3")])));
        assert!(!decide(auto, false, &with(&[("FORCE_COLOR", "0")])));
        // NO_COLOR wins over the force variables; the flag wins over everything.
        assert!(!decide(
            auto,
            true,
            &with(&[("NO_COLOR", "x"), ("FORCE_COLOR", "1")])
        ));
        assert!(decide(
            ColorChoice::Always,
            false,
            &with(&[("NO_COLOR", "1")])
        ));
        assert!(!decide(
            ColorChoice::Never,
            true,
            &with(&[("FORCE_COLOR", "1")])
        ));
    }
}
