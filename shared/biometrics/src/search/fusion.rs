//! The exact stage and the decision: short-listed people are compared finger by finger with the
//! engine's matcher, the fingers' scores fused into evidence, and the best candidate's evidence,
//! weighed against the gallery's size, puts the search in a decision band.

use super::params::{
    AMBIGUOUS_MARGIN_DECADES, DUPLICATE_MARGIN_DECADES, EVIDENCE_MAX_PER_FINGER_DECADES,
    EXACT_SHORTLIST_FINGERS, FINGER_PRIORITY,
};
use crate::params::{
    THRESHOLD_FMR_1_IN_100_000, THRESHOLD_FMR_1_IN_10_000, THRESHOLD_FMR_1_IN_1_000,
};
use crate::{MatcherProbe, SearchTemplate, Template};

/// A probe person prepared for the exact stage: one matcher probe per finger position.
#[derive(Clone, Debug)]
pub struct ExactProbe {
    fingers: Vec<(u8, MatcherProbe)>,
}

/// One finger's exact score against a candidate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FingerScore {
    pub position: u8,
    pub score: f32,
}

impl ExactProbe {
    pub fn new<'a>(fingers: impl IntoIterator<Item = (u8, &'a Template)>) -> Self {
        Self {
            fingers: fingers
                .into_iter()
                .map(|(p, t)| (p, MatcherProbe::new(t)))
                .collect(),
        }
    }

    /// Scores of the first [`EXACT_SHORTLIST_FINGERS`] positions (in [`FINGER_PRIORITY`] order)
    /// both sides have: the short list's comparison.
    pub fn score<'a>(
        &self,
        candidate: impl IntoIterator<Item = (u8, &'a Template)>,
    ) -> Vec<FingerScore> {
        let candidate: Vec<(u8, &Template)> = candidate.into_iter().collect();
        let mut out = Vec::new();
        for position in FINGER_PRIORITY {
            if out.len() == EXACT_SHORTLIST_FINGERS {
                break;
            }
            let probe = self.fingers.iter().find(|(p, _)| *p == position);
            let stored = candidate.iter().find(|(p, _)| *p == position);
            if let (Some((_, probe)), Some((_, t))) = (probe, stored) {
                out.push(FingerScore {
                    position,
                    score: probe.score(&SearchTemplate::new(t)),
                });
            }
        }
        out
    }

    /// Scores of every finger position both sides have, in the probe's order.
    pub fn score_all<'a>(
        &self,
        candidate: impl IntoIterator<Item = (u8, &'a Template)>,
    ) -> Vec<FingerScore> {
        let candidate: Vec<(u8, &Template)> = candidate.into_iter().collect();
        self.fingers
            .iter()
            .filter_map(|(position, probe)| {
                let (_, t) = candidate.iter().find(|(p, _)| p == position)?;
                Some(FingerScore {
                    position: *position,
                    score: probe.score(&SearchTemplate::new(t)),
                })
            })
            .collect()
    }
}

/// Evidence of one finger score: decades of false match rate (`log10(1/FMR)`) interpolated between
/// the matcher's calibrated thresholds; zero below the FMR 1/1,000 threshold.
pub fn evidence_decades(score: f32) -> f32 {
    let points = [
        (THRESHOLD_FMR_1_IN_1_000, 3.0f32),
        (THRESHOLD_FMR_1_IN_10_000, 4.0),
        (THRESHOLD_FMR_1_IN_100_000, 5.0),
    ];
    if score < points[0].0 {
        return 0.0;
    }
    let segment = if score < points[1].0 { 0 } else { 1 };
    let ((s0, e0), (s1, e1)) = (points[segment], points[segment + 1]);
    let e = e0 + (score - s0) * (e1 - e0) / (s1 - s0);
    e.min(EVIDENCE_MAX_PER_FINGER_DECADES)
}

/// Fused evidence of a candidate: the fingers' evidence adds, as independent fingers multiply
/// their false match rates.
pub fn fuse(scores: &[FingerScore]) -> f32 {
    scores.iter().map(|s| evidence_decades(s.score)).sum()
}

/// The outcome bands of a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// No one in the gallery is this person: the card may be printed.
    Unique,
    /// Some evidence of a match, not enough to call: an adjudicator decides.
    Ambiguous,
    /// Matches someone already enrolled.
    Duplicate,
}

/// The band for the best candidate's fused evidence in a gallery of `gallery_people`: the margin
/// `evidence - log10(people)` bounds the expected number of false matches by `10^-margin`.
pub fn decide(best_evidence: f32, gallery_people: usize) -> Decision {
    let margin = best_evidence - (gallery_people.max(1) as f32).log10();
    if best_evidence > 0.0 && margin >= DUPLICATE_MARGIN_DECADES {
        Decision::Duplicate
    } else if best_evidence > 0.0 && margin >= AMBIGUOUS_MARGIN_DECADES {
        Decision::Ambiguous
    } else {
        Decision::Unique
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The score whose evidence is `decades` (on the calibrated line).
    fn score_for(decades: f32) -> f32 {
        THRESHOLD_FMR_1_IN_1_000
            + (decades - 3.0) * (THRESHOLD_FMR_1_IN_10_000 - THRESHOLD_FMR_1_IN_1_000)
    }

    fn check(decades: &[f32], people: usize, expected: Decision) {
        let s: Vec<FingerScore> = decades
            .iter()
            .enumerate()
            .map(|(i, &d)| FingerScore {
                position: i as u8 + 1,
                score: if d == 0.0 { 0.0 } else { score_for(d) },
            })
            .collect();
        assert_eq!(
            decide(fuse(&s), people),
            expected,
            "{decades:?} in {people}"
        );
    }

    #[test]
    fn evidence_follows_the_calibrated_thresholds() {
        assert_eq!(evidence_decades(THRESHOLD_FMR_1_IN_1_000 - 0.01), 0.0);
        assert!((evidence_decades(THRESHOLD_FMR_1_IN_1_000) - 3.0).abs() < 1e-4);
        assert!((evidence_decades(THRESHOLD_FMR_1_IN_10_000) - 4.0).abs() < 1e-4);
        assert!((evidence_decades(THRESHOLD_FMR_1_IN_100_000) - 5.0).abs() < 1e-4);
        assert_eq!(
            evidence_decades(score_for(20.0)),
            EVIDENCE_MAX_PER_FINGER_DECADES
        );
    }

    #[test]
    fn decision_bands_depend_on_evidence_and_gallery_size() {
        // Two strong fingers: a duplicate in a regency-sized gallery.
        check(&[8.0, 8.0], 1_000_000, Decision::Duplicate);
        // One strong finger, one silent: for an adjudicator.
        check(&[8.0, 0.0], 1_000_000, Decision::Ambiguous);
        // Nothing above the FMR 1/1,000 threshold: unique at any size.
        check(&[0.0, 0.0], 10, Decision::Unique);
        // The same modest evidence is enough in a small gallery and not in a huge one.
        check(&[3.6, 3.6], 1_000, Decision::Duplicate);
        check(&[3.6, 3.6], 190_000_000, Decision::Unique);
    }

    #[test]
    fn a_second_impression_is_a_duplicate_and_another_person_is_unique() {
        use crate::search::synthetic::{synthetic_template, Rng};
        let finger = |seed: u64| synthetic_template(&mut Rng::new(seed));
        let again = |t: &Template| {
            let mut t = t.clone();
            t.minutiae.retain(|m| m.x % 7 != 0);
            for m in &mut t.minutiae {
                m.x = (m.x + 8).min(t.width - 1);
                m.direction = m.direction.wrapping_add(1);
            }
            t
        };
        let (a_right, a_left, b_right, b_left) = (finger(1), finger(2), finger(3), finger(4));
        let (probe_right, probe_left) = (again(&a_right), again(&a_left));
        let probe = ExactProbe::new([(2, &probe_right), (7, &probe_left)]);
        let mate = fuse(&probe.score([(2, &a_right), (7, &a_left)]));
        let other = fuse(&probe.score([(2, &b_right), (7, &b_left)]));
        assert_eq!(decide(mate, 1_000_000), Decision::Duplicate, "{mate}");
        assert_eq!(decide(other, 1_000_000), Decision::Unique, "{other}");
        assert_eq!(
            probe
                .score_all([(2, &a_right), (7, &a_left), (1, &b_left)])
                .len(),
            2
        );
    }
}
