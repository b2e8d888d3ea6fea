//! The one platform-spec grammar, for `--platforms` of every command and `[matrix] platforms`
//! in gotags.toml alike:
//!
//! ```text
//! specs    = spec { "," spec }
//! spec     = "all" | "first-class" | platform
//! platform = GOOS "/" GOARCH [ "/" VARIANT ] [ "/" ( "cgo" | "nocgo" ) ]
//! ```
//!
//! or `goreleaser` alone (the platforms of `.goreleaser.yaml`, read by the command).
//! `VARIANT` is a GOARM/GOAMD64/GO386/GOARM64/GOMIPS/GOMIPS64/GOPPC64/GORISCV64 value
//! (`linux/arm/7`, `linux/amd64/v3`); `/cgo` and `/nocgo` pin the cgo setting of that one
//! platform, otherwise the run's cgo mode decides. Errors name the offending spec.

use super::model::{is_variant, variant_values, Platform};
use crate::go::release::{self, Release};
use std::fmt;

/// One platform of a spec list, with its pinned cgo setting if it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecItem {
    pub platform: Platform,
    /// `Some(true)` for `/cgo`, `Some(false)` for `/nocgo`.
    pub cgo: Option<bool>,
}

/// What a `--platforms` value selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// The builds of the module's GoReleaser file.
    GoReleaser,
    /// Platforms, in spec order, without duplicates.
    Items(Vec<SpecItem>),
}

/// A spec the grammar rejects; each names the spec as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecError {
    /// Nothing but commas and blanks.
    Empty { specs: String },
    /// Not `GOOS/GOARCH[/VARIANT][/cgo|/nocgo]`.
    Shape { item: String },
    /// A pair `go tool dist list` does not print.
    UnknownPort {
        item: String,
        goos: String,
        goarch: String,
        /// `1.23`: the release whose port list was consulted.
        release: String,
    },
    /// A third part that is neither a variant of the architecture nor `cgo`/`nocgo`.
    BadVariant {
        item: String,
        goarch: String,
        variant: String,
    },
    /// A fourth part other than `cgo`/`nocgo`.
    BadCgo { item: String, word: String },
    /// `goreleaser` together with other specs.
    GoReleaserInList { specs: String },
}

const GRAMMAR: &str = "GOOS/GOARCH[/VARIANT][/cgo|/nocgo]";

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::Empty { specs } => write!(
                f,
                "platforms {specs:?}: empty list (want all, first-class, goreleaser or {GRAMMAR}, comma-separated)"
            ),
            SpecError::Shape { item } => {
                write!(f, "platform {item:?}: want all, first-class or {GRAMMAR}")
            }
            SpecError::UnknownPort {
                item,
                goos,
                goarch,
                release,
            } => {
                let hint = if crate::platform::is_known_os(goos) {
                    crate::suggest::did_you_mean(goarch, crate::platform::KNOWN_ARCH.iter().copied())
                } else {
                    crate::suggest::did_you_mean(goos, crate::platform::KNOWN_OS.iter().copied())
                };
                write!(
                    f,
                    "platform {item:?}: {goos}/{goarch} is not a Go {release} port (go tool dist list){hint}"
                )
            }
            SpecError::BadVariant {
                item,
                goarch,
                variant,
            } => write!(
                f,
                "platform {item:?}: {variant:?} is neither cgo/nocgo nor a variant of {goarch} ({})",
                variant_values(goarch)
            ),
            SpecError::BadCgo { item, word } => write!(
                f,
                "platform {item:?}: {word:?} after the variant must be cgo or nocgo"
            ),
            SpecError::GoReleaserInList { specs } => {
                write!(f, "platforms {specs:?}: goreleaser cannot be combined with other specs")
            }
        }
    }
}

impl std::error::Error for SpecError {}

fn cgo_word(w: &str) -> Option<bool> {
    match w {
        "cgo" => Some(true),
        "nocgo" => Some(false),
        _ => None,
    }
}

/// Parses one `GOOS/GOARCH[/VARIANT][/cgo|/nocgo]` against the selected release's ports.
pub fn parse_item(text: &str) -> Result<SpecItem, SpecError> {
    parse_item_in(text, release::selected())
}

/// [`parse_item`] against the ports of `release`.
pub fn parse_item_in(text: &str, release: &Release) -> Result<SpecItem, SpecError> {
    let item = text.trim();
    let shape = || SpecError::Shape {
        item: item.to_string(),
    };
    let parts: Vec<&str> = item.split('/').collect();
    if parts.len() < 2 || parts.len() > 4 || parts.iter().any(|p| p.is_empty()) {
        return Err(shape());
    }
    let (goos, goarch) = (parts[0], parts[1]);
    if release.find_port_or_broken(goos, goarch).is_none() {
        return Err(SpecError::UnknownPort {
            item: item.to_string(),
            goos: goos.to_string(),
            goarch: goarch.to_string(),
            release: release.version(),
        });
    }
    let (variant, cgo) = match parts[2..] {
        [] => (None, None),
        [w] => match cgo_word(w) {
            Some(c) => (None, Some(c)),
            None => (Some(w), None),
        },
        [v, w] => match cgo_word(w) {
            Some(c) => (Some(v), Some(c)),
            None => {
                return Err(SpecError::BadCgo {
                    item: item.to_string(),
                    word: w.to_string(),
                })
            }
        },
        _ => return Err(shape()),
    };
    if let Some(v) = variant {
        if !is_variant(goarch, v) {
            return Err(SpecError::BadVariant {
                item: item.to_string(),
                goarch: goarch.to_string(),
                variant: v.to_string(),
            });
        }
    }
    Ok(SpecItem {
        platform: Platform::new(goos, goarch, variant),
        cgo,
    })
}

/// Parses a comma-separated list of specs against the selected release's ports.
pub fn parse(specs: &str) -> Result<Selection, SpecError> {
    parse_selection(specs, release::selected(), &[])
}

/// The platforms of `specs` in `release`, one release of a multi-release run: a named
/// platform that is not a port of `release` but is one of another of `all` is left out.
pub fn parse_in(
    specs: &str,
    release: &Release,
    all: &[&'static Release],
) -> Result<Vec<SpecItem>, SpecError> {
    match parse_selection(specs, release, all)? {
        Selection::Items(items) => Ok(items),
        Selection::GoReleaser => Err(SpecError::Shape {
            item: specs.trim().to_string(),
        }),
    }
}

fn parse_selection(
    specs: &str,
    release: &Release,
    others: &[&'static Release],
) -> Result<Selection, SpecError> {
    let words: Vec<&str> = specs
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if words.contains(&"goreleaser") {
        return if words.len() == 1 {
            Ok(Selection::GoReleaser)
        } else {
            Err(SpecError::GoReleaserInList {
                specs: specs.to_string(),
            })
        };
    }
    let mut out: Vec<SpecItem> = Vec::new();
    let mut push = |i: SpecItem| {
        if !out.contains(&i) {
            out.push(i);
        }
    };
    for w in &words {
        match *w {
            "all" | "first-class" => {
                for p in release
                    .ports
                    .iter()
                    .filter(|p| *w == "all" || p.first_class)
                {
                    push(SpecItem {
                        platform: Platform::new(p.goos, p.goarch, None),
                        cgo: None,
                    });
                }
            }
            _ => match parse_item_in(w, release) {
                Ok(i) => push(i),
                Err(SpecError::UnknownPort { .. })
                    if others.iter().any(|r| parse_item_in(w, r).is_ok()) => {}
                Err(e) => return Err(e),
            },
        }
    }
    if out.is_empty() {
        return Err(SpecError::Empty {
            specs: specs.to_string(),
        });
    }
    Ok(Selection::Items(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(s: &str) -> Vec<SpecItem> {
        match parse(s) {
            Ok(Selection::Items(v)) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn keywords_and_lists() {
        assert_eq!(items("all").len(), 49);
        assert_eq!(items("first-class").len(), 8);
        assert_eq!(items("first-class, linux/arm/7").len(), 9);
        assert_eq!(parse("goreleaser"), Ok(Selection::GoReleaser));
        let v = items("linux/arm/7, linux/amd64/v3,windows/arm64/nocgo,linux/arm/7/cgo");
        assert_eq!(v[0].platform.label(), "linux/arm/7");
        assert_eq!(v[1].platform.variant_var(), Some(("GOAMD64", "v3")));
        assert_eq!(
            (v[2].platform.label().as_str(), v[2].cgo),
            ("windows/arm64", Some(false))
        );
        assert_eq!(
            (v[3].platform.label().as_str(), v[3].cgo),
            ("linux/arm/7", Some(true))
        );
    }

    #[test]
    fn errors_name_the_spec() {
        let e = |s: &str| parse(s).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e("linux/sparc").contains("\"linux/sparc\": linux/sparc is not a Go 1.23 port"));
        assert!(e("linux/amd64/v9").contains("\"v9\" is neither cgo/nocgo nor a variant of amd64"));
        assert!(e("linux/arm/7/maybe").contains("\"maybe\" after the variant must be cgo"));
        assert!(e("linux").contains("\"linux\": want all, first-class or GOOS/GOARCH"));
        assert!(e("linux//cgo").contains("want"));
        assert!(e(" , ").contains("empty list"));
        assert!(e("goreleaser,all").contains("cannot be combined"));
        assert!(matches!(
            parse("windows/amd64/nocgo/cgo/x"),
            Err(SpecError::Shape { .. })
        ));
    }
}
