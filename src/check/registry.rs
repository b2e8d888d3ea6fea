//! Every rule, in code order. `gotags check --explain CODE` and the engine read this list.

use super::rule::Rule;
use super::rules::*;

pub static RULES: &[&Rule] = &[
    &gt101::RULE,
    &gt102::RULE,
    &gt103::RULE,
    &gt104::RULE,
    &gt105::RULE,
    &gt106::RULE,
    &gt107::RULE,
    &gt108::RULE,
    &gt109::RULE,
    &gt110::RULE,
    &gt111::RULE,
    &gt112::RULE,
    &gt201::RULE,
    &gt202::RULE,
    &gt203::RULE,
    &gt204::RULE,
    &gt205::RULE,
    &gt206::RULE,
    &gt207::RULE,
    &gt208::RULE,
    &gt301::RULE,
    &gt302::RULE,
    &gt303::RULE,
    &gt304::RULE,
    &gt305::RULE,
    &gt306::RULE,
    &gt401::RULE,
    &gt402::RULE,
    &gt403::RULE,
    &gt404::RULE,
    &gt405::RULE,
    &gt406::RULE,
    &gt407::RULE,
    &gt408::RULE,
    &gt409::RULE,
    &gt410::RULE,
    &gt411::RULE,
    &gt501::RULE,
    &gt502::RULE,
    &gt503::RULE,
    &gt504::RULE,
];

/// The rule with this code.
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.info.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted_and_documented() {
        for w in RULES.windows(2) {
            assert!(w[0].info.code < w[1].info.code);
        }
        for r in RULES {
            assert!(!r.info.finds.is_empty() && !r.info.why.is_empty() && !r.info.fix.is_empty());
            assert!(r.info.explain().contains(r.info.code));
        }
    }
}
