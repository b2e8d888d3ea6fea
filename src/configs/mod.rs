//! The one configuration model. A configuration is a platform (`GOOS/GOARCH` with an
//! optional variant) × a cgo setting × a tag set; every command gets its configurations
//! from here and evaluates them the same way:
//!
//! * [`spec`]: the one platform-spec grammar `GOOS/GOARCH[/VARIANT][/cgo|/nocgo]` (plus `all`,
//!   `first-class`, `goreleaser`) for flags and gotags.toml, with typed errors;
//! * [`model`]: platforms, tag sets, configurations, their labels and build contexts, and
//!   [`ConfigSet`], the configurations of one run;
//! * [`bits`]: [`Bits`], the one set-of-configurations type;
//! * [`eval`]: each constraint evaluated once over all configurations as bits;
//! * [`label`]: the compact label of a set of configurations;
//! * [`universe`]: the satisfiability universe (every configuration Go could build) on the
//!   same bits.

pub mod bits;
pub mod eval;
pub mod label;
pub mod model;
pub mod spec;
pub mod universe;

pub use bits::Bits;
pub use eval::{Evaluator, FileBits, TagOracle};
pub use label::describe;
pub use model::*;
pub use spec::{Selection, SpecError, SpecItem};

/// Parses `--platforms` other than `goreleaser`: `all`, `first-class`, or a comma list of
/// `GOOS/GOARCH[/VARIANT]` (a `/cgo` or `/nocgo` suffix is accepted and ignored here: use
/// [`spec::parse`] and [`expand`] to keep it).
pub fn parse_platforms(text: &str) -> Result<Vec<Platform>, SpecError> {
    match spec::parse(text)? {
        Selection::GoReleaser => Err(SpecError::Shape {
            item: text.trim().to_string(),
        }),
        Selection::Items(items) => {
            let mut out: Vec<Platform> = Vec::new();
            for i in items {
                if !out.contains(&i.platform) {
                    out.push(i.platform);
                }
            }
            Ok(out)
        }
    }
}
