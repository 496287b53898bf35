//! The passes over a [`ScreeningIndex`]: the cheap first pass over everyone, the last stage's
//! rescoring of a pool, and the short list they give.

use super::fast_popcount::with_fast_popcount;
use super::finger_comparison::{best_matches, consistent_groups, paired_minutiae, Match};
use super::index::{Column, ScreeningIndex};
use super::probe::{ProbeFinger, ScreeningProbe, Tables};
use super::{D, M};
use crate::search::params::{
    SCREEN_ALIGNMENT_SEEDS, SCREEN_FINGER_POOL_SHARE, SCREEN_FIRST_PASS_DESCRIPTORS,
    SCREEN_GROUP_WEIGHT, SCREEN_STAGE2_MIN_POOL_FACTOR, SCREEN_STAGE2_POOL_SHARE,
};

/// A screened person: the slot and its screening score (higher is more similar).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screened {
    pub slot: u32,
    pub score: f32,
}

/// First-pass scores of everyone: per probe finger and their sum.
#[derive(Clone, Debug)]
pub struct FirstPass {
    per_finger: Vec<Vec<f32>>,
    total: Vec<f32>,
}

impl FirstPass {
    /// The summed score of every slot.
    pub fn scores(&self) -> &[f32] {
        &self.total
    }

    /// Leaves a slot out of the rest of the search (it is never short-listed).
    pub fn exclude(&mut self, slot: u32) {
        let slot = slot as usize;
        self.total[slot] = f32::NEG_INFINITY;
        for f in &mut self.per_finger {
            f[slot] = f32::NEG_INFINITY;
        }
    }
}

impl ScreeningIndex {
    /// First-pass score of every person: only the [`SCREEN_FIRST_PASS_DESCRIPTORS`] most central
    /// descriptors of each stored finger, so the pass over everyone stays cheap (a missing
    /// finger on either side contributes nothing).
    pub fn first_pass(&self, probe: &ScreeningProbe) -> FirstPass {
        let per_finger = probe
            .fingers
            .iter()
            .map(|finger| {
                let mut scores = vec![0.0f32; self.len];
                self.finger_scores(
                    finger,
                    &probe.tables,
                    SCREEN_FIRST_PASS_DESCRIPTORS,
                    0..self.len,
                    &mut scores,
                );
                scores
            })
            .collect::<Vec<_>>();
        let mut total = vec![0.0f32; self.len];
        for f in &per_finger {
            for (t, s) in total.iter_mut().zip(f) {
                *t += s;
            }
        }
        FirstPass { per_finger, total }
    }

    /// Full descriptor score (all stored descriptors) of the given slots, per probe finger.
    pub fn full_scores(&self, probe: &ScreeningProbe, slots: &[u32]) -> Vec<Vec<f32>> {
        probe
            .fingers
            .iter()
            .map(|finger| {
                slots
                    .iter()
                    .map(|&slot| {
                        let mut one = [0.0f32];
                        let slot = slot as usize;
                        self.finger_scores(finger, &probe.tables, D, slot..slot + 1, &mut one);
                        one[0]
                    })
                    .collect()
            })
            .collect()
    }

    /// Writes one probe finger's score over `slots` (using `used` descriptors per stored
    /// finger) into `scores` (indexed from the range's start).
    fn finger_scores(
        &self,
        finger: &ProbeFinger,
        tables: &Tables,
        used: usize,
        slots: std::ops::Range<usize>,
        scores: &mut [f32],
    ) {
        let column = &self.columns[finger.position];
        with_fast_popcount(
            #[inline(always)]
            || finger_scores_portable(column, finger, tables, used, slots, scores),
        )
    }

    /// Last-stage score of one person, per probe finger: the best placements of the finger's
    /// descriptor matches are checked against every probe minutia (how many stored minutiae
    /// land on a probe minutia of the same direction). Slower, much more selective.
    pub fn rescore(&self, probe: &ScreeningProbe, slot: u32) -> Vec<f32> {
        let mut matches = Vec::with_capacity(D);
        probe
            .fingers
            .iter()
            .map(|finger| self.rescore_finger(finger, &probe.tables, slot, &mut matches))
            .collect()
    }

    /// Adds every probe finger's last-stage score of each of `slots` into `out`. Plain loops of
    /// inlined calls: it is compiled inside [`with_fast_popcount`]'s wrappers.
    #[inline(always)]
    fn rescore_into(&self, probe: &ScreeningProbe, slots: &[u32], out: &mut [f32]) {
        let mut matches = Vec::with_capacity(D);
        for finger in &probe.fingers {
            for (o, &slot) in out.iter_mut().zip(slots) {
                *o += self.rescore_finger(finger, &probe.tables, slot, &mut matches);
            }
        }
    }

    #[inline(always)]
    fn rescore_finger(
        &self,
        finger: &ProbeFinger,
        tables: &Tables,
        slot: u32,
        matches: &mut Vec<Match>,
    ) -> f32 {
        let slot = slot as usize;
        let column = &self.columns[finger.position];
        let geo = &column.minutiae[slot * M..slot * M + M];
        best_matches(
            finger,
            &column.bits[slot * D..slot * D + D],
            &geo[..D],
            matches,
        );
        let mut groups = [(0.0f32, 0usize); SCREEN_ALIGNMENT_SEEDS];
        consistent_groups(matches, tables, &mut groups);
        let mut best = 0.0f32;
        for &(group, seed) in &groups {
            if group <= 0.0 {
                break;
            }
            let score =
                group * SCREEN_GROUP_WEIGHT + paired_minutiae(finger, geo, &matches[seed], tables);
            best = best.max(score);
        }
        best
    }

    /// The `limit` most promising slots, best first: the first pass over everyone, then minutia
    /// pairing over its best [`SCREEN_STAGE2_POOL_SHARE`] of the gallery (at least
    /// [`SCREEN_STAGE2_MIN_POOL_FACTOR`] x `limit`), together with the best
    /// [`SCREEN_FINGER_POOL_SHARE`] of each finger alone.
    pub fn screen(&self, probe: &ScreeningProbe, limit: usize) -> Vec<Screened> {
        self.screen_from(probe, &self.first_pass(probe), limit)
    }

    /// [`Self::screen`] from first-pass scores already computed (a caller may leave people out
    /// with [`FirstPass::exclude`]).
    pub fn screen_from(
        &self,
        probe: &ScreeningProbe,
        first: &FirstPass,
        limit: usize,
    ) -> Vec<Screened> {
        let people = first.total.len() as f32;
        let pool = pool(
            &first.total,
            &first.per_finger,
            ((people * SCREEN_STAGE2_POOL_SHARE) as usize)
                .max(limit.saturating_mul(SCREEN_STAGE2_MIN_POOL_FACTOR)),
            (people * SCREEN_FINGER_POOL_SHARE) as usize,
        );
        let mut second = vec![0.0f32; pool.len()];
        with_fast_popcount(
            #[inline(always)]
            || self.rescore_into(probe, &pool, &mut second),
        );
        top(&second, limit)
            .into_iter()
            .map(|s| Screened {
                slot: pool[s.slot as usize],
                score: s.score,
            })
            .collect()
    }
}

/// Slots of the best `size` by the summed score, together with the best `each` by each finger
/// alone (when there are several), in slot order, without the excluded (non-finite) ones.
fn pool(total: &[f32], per_finger: &[Vec<f32>], size: usize, each: usize) -> Vec<u32> {
    let mut out: Vec<u32> = top(total, size)
        .iter()
        .filter(|s| s.score.is_finite())
        .map(|s| s.slot)
        .collect();
    if per_finger.len() > 1 && each > 0 {
        for f in per_finger {
            out.extend(
                top(f, each)
                    .iter()
                    .filter(|s| s.score.is_finite())
                    .map(|s| s.slot),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[inline(always)]
fn finger_scores_portable(
    column: &Column,
    finger: &ProbeFinger,
    tables: &Tables,
    used: usize,
    slots: std::ops::Range<usize>,
    scores: &mut [f32],
) {
    let mut matches = Vec::with_capacity(D);
    let first = slots.start;
    for slot in slots {
        best_matches(
            finger,
            &column.bits[slot * D..slot * D + used],
            &column.minutiae[slot * M..slot * M + used],
            &mut matches,
        );
        let mut groups = [(0.0f32, 0usize); 1];
        consistent_groups(&matches, tables, &mut groups);
        scores[slot - first] = groups[0].0;
    }
}

/// The `limit` highest scores, best first; equal scores in slot order.
pub fn top(scores: &[f32], limit: usize) -> Vec<Screened> {
    let mut all: Vec<Screened> = scores
        .iter()
        .enumerate()
        .map(|(slot, &score)| Screened {
            slot: slot as u32,
            score,
        })
        .collect();
    let order = |a: &Screened, b: &Screened| b.score.total_cmp(&a.score).then(a.slot.cmp(&b.slot));
    if limit < all.len() {
        all.select_nth_unstable_by(limit, order);
        all.truncate(limit);
    }
    all.sort_by(order);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::screening::finger_code::{FingerCode, FINGER_POSITIONS};
    use crate::search::screening::fixtures::{again, gallery, person};

    #[test]
    fn a_second_impression_finds_its_person_first() {
        let index = gallery(300);
        for seed in [3, 57, 299] {
            let (r, l) = person(seed);
            let (r, l) = (again(&r), again(&l));
            let probe = ScreeningProbe::new([(2, &r), (7, &l)]);
            let found = index.screen(&probe, 5);
            assert_eq!(found[0].slot, seed as u32, "{found:?}");
        }
    }

    #[test]
    fn results_are_sorted_and_within_the_limit() {
        let index = gallery(120);
        let (r, _) = person(1000);
        let probe = ScreeningProbe::new([(2, &r)]);
        for limit in [1, 7, 50, 500] {
            let found = index.screen(&probe, limit);
            assert_eq!(found.len(), limit.min(120));
            assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }

    #[test]
    fn fingers_the_gallery_lacks_contribute_nothing() {
        let index = gallery(10);
        let (r, _) = person(4);
        // Position 3 is stored for nobody: only a zero score is possible.
        let probe = ScreeningProbe::new([(3, &r)]);
        assert!(index.first_pass(&probe).scores().iter().all(|&s| s == 0.0));
    }

    #[test]
    fn a_replaced_slot_screens_as_its_new_codes() {
        let mut index = gallery(50);
        let (r, l) = person(1000);
        let mut codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
        codes[1] = Some(FingerCode::new(&r));
        codes[6] = Some(FingerCode::new(&l));
        index.replace(17, &codes);
        let (r, l) = (again(&r), again(&l));
        let probe = ScreeningProbe::new([(2, &r), (7, &l)]);
        assert_eq!(index.screen(&probe, 3)[0].slot, 17);
    }
}
