//! Matching: a probe prepared once, then scored cheaply against any number of candidates.
//!
//! Local descriptors (Minutia Cylinder-Code) make the comparison invariant to rotation and
//! translation and tolerant of partial overlap; relaxation-based consolidation checks that the
//! matched minutiae agree on a common geometry, with slack for skin distortion.

mod calibration;
mod consolidation;
mod cylinder;
mod explanation;
mod hull;
mod search_template;

pub use explanation::{explain, AlignedMinutia, MatchExplanation, MatchedPair};
pub use search_template::SearchTemplate;

use crate::Template;

/// A probe template prepared for 1:1 and 1:N comparison.
#[derive(Clone, Debug)]
pub struct MatcherProbe {
    search: SearchTemplate,
    compatibility: consolidation::Compatibility,
}

impl MatcherProbe {
    pub fn new(probe: &Template) -> Self {
        Self {
            search: SearchTemplate::new(probe),
            compatibility: consolidation::Compatibility::new(),
        }
    }

    /// Calibrated similarity to a prepared candidate, 0 to 100: about 10 points per decade of
    /// false match rate; compare with the `THRESHOLD_FMR_*` constants in
    /// [`crate::params`]. Never fails.
    pub fn score(&self, candidate: &SearchTemplate) -> f32 {
        calibration::calibrate(self.raw_score(candidate))
    }

    /// The uncalibrated similarity (0 to 1) behind [`Self::score`], for calibration tools.
    pub fn raw_score(&self, candidate: &SearchTemplate) -> f32 {
        consolidation::score(&self.search, candidate, &self.compatibility)
    }

    /// [`Self::score`] for a candidate that has not been prepared (prepares it on the fly).
    pub fn score_template(&self, candidate: &Template) -> f32 {
        self.score(&SearchTemplate::new(candidate))
    }
}
