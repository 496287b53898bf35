//! Screening: the compact in-memory search form of a gallery and the fast pass over all of it
//! that picks a short list for the exact matcher.
//!
//! Each enrolled finger is [`GALLERY_DESCRIPTORS_PER_FINGER`] descriptors of 12 bytes (64-bit
//! neighbourhood code + packed minutia). A probe finger is compared with a gallery finger by
//! finding each gallery descriptor's most similar probe descriptor (Dice on the bits), then keeping
//! the largest group of such matches that agree on one rotation and translation: impostor matches
//! scatter, a mate's line up. Fingers of one person add.

use super::descriptor::{self, unpack_geo, Local};
use super::params::{
    FINGER_PRIORITY, GALLERY_DESCRIPTORS_PER_FINGER, PROBE_DESCRIPTORS_PER_FINGER,
    SCREEN_FIRST_PASS_DESCRIPTORS, SCREEN_FULL_POOL_FACTOR, SCREEN_GROUP_WEIGHT,
    SCREEN_MAX_FINGERS, SCREEN_MIN_DICE, SCREEN_PAIRING_DIRECTION_ISO, SCREEN_PAIRING_DISTANCE_PX,
    SCREEN_ROTATION_TOLERANCE_ISO, SCREEN_STAGE2_POOL_FACTOR, SCREEN_TRANSLATION_TOLERANCE_PX,
};
use crate::biometrics::Template;
use std::f32::consts::TAU;

/// Finger positions 1-10 (ISO/IEC 19794-2).
pub const FINGER_POSITIONS: usize = 10;
const K: usize = GALLERY_DESCRIPTORS_PER_FINGER;
const _: () = assert!(
    PROBE_DESCRIPTORS_PER_FINGER <= 256,
    "probe descriptor indices are packed in 8 bits"
);
/// Bytes of one finger's code (8 bytes of bits + 4 of geometry per descriptor).
pub const FINGER_CODE_BYTES: usize = K * 12;

/// The compact code of one enrolled finger, computed once at enrolment and stored beside the
/// template so a gallery loads without re-extracting anything. Fixed length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FingerCode {
    locals: [Local; K],
}

impl FingerCode {
    pub fn new(template: &Template) -> Self {
        let mut locals = [Local::default(); K];
        for (slot, d) in locals.iter_mut().zip(descriptor::descriptors(template, K)) {
            *slot = d;
        }
        Self { locals }
    }

    /// Fixed-length little-endian bytes: K x u64 bits, then K x u32 geometry.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(FINGER_CODE_BYTES);
        for l in &self.locals {
            out.extend_from_slice(&l.bits.to_le_bytes());
        }
        for l in &self.locals {
            out.extend_from_slice(&l.geo.to_le_bytes());
        }
        out
    }

    /// Parses [`Self::to_bytes`]; `None` for any other length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != FINGER_CODE_BYTES {
            return None;
        }
        let mut locals = [Local::default(); K];
        let (bits, geo) = bytes.split_at(K * 8);
        for (i, l) in locals.iter_mut().enumerate() {
            l.bits = u64::from_le_bytes(bits[i * 8..i * 8 + 8].try_into().ok()?);
            l.geo = u32::from_le_bytes(geo[i * 4..i * 4 + 4].try_into().ok()?);
        }
        Some(Self { locals })
    }

    /// Descriptors actually present (a sparse print may have fewer than the maximum).
    pub fn descriptor_count(&self) -> usize {
        self.locals.iter().filter(|l| l.bits != 0).count()
    }
}

/// One probe finger prepared for screening: its descriptors as parallel arrays.
#[derive(Clone, Debug)]
struct ProbeFinger {
    position: usize,
    bits: Vec<u64>,
    ones: Vec<u32>,
    x: Vec<f32>,
    y: Vec<f32>,
    direction: Vec<u8>,
    /// Every minutia of the probe finger (x, y in the (x, -y) frame, ISO direction), for the
    /// second stage's pairing.
    minutiae: Vec<(f32, f32, u8)>,
}

/// A probe person prepared once per search: up to ten fingers, by position.
#[derive(Clone, Debug)]
pub struct ScreeningProbe {
    fingers: Vec<ProbeFinger>,
}

impl ScreeningProbe {
    /// `fingers`: (ISO position 1-10, template). Positions outside 1-10 are ignored.
    /// Uses at most [`SCREEN_MAX_FINGERS`] of them, in [`FINGER_PRIORITY`] order.
    pub fn new<'a>(fingers: impl IntoIterator<Item = (u8, &'a Template)>) -> Self {
        let fingers = by_priority(fingers, SCREEN_MAX_FINGERS)
            .into_iter()
            .map(|(position, t)| {
                let d = descriptor::descriptors(t, PROBE_DESCRIPTORS_PER_FINGER);
                let geo: Vec<_> = d.iter().map(|l| unpack_geo(l.geo)).collect();
                ProbeFinger {
                    position: usize::from(position - 1),
                    bits: d.iter().map(|l| l.bits).collect(),
                    ones: d.iter().map(|l| l.bits.count_ones()).collect(),
                    x: geo.iter().map(|g| g.0).collect(),
                    y: geo.iter().map(|g| -g.1).collect(),
                    direction: geo.iter().map(|g| g.2).collect(),
                    minutiae: t
                        .minutiae
                        .iter()
                        .map(|m| (f32::from(m.x), -f32::from(m.y), m.direction))
                        .collect(),
                }
            })
            .collect();
        Self { fingers }
    }
}

/// Up to `max` of the fingers (valid positions, first of each), in [`FINGER_PRIORITY`] order.
pub(crate) fn by_priority<'a>(
    fingers: impl IntoIterator<Item = (u8, &'a Template)>,
    max: usize,
) -> Vec<(u8, &'a Template)> {
    let fingers: Vec<(u8, &Template)> = fingers.into_iter().collect();
    FINGER_PRIORITY
        .iter()
        .filter_map(|&p| fingers.iter().find(|(q, _)| *q == p).copied())
        .take(max)
        .collect()
}

/// Stored form of one person's codes: per position 1-10, a presence byte then the code (zeros
/// when absent). Fixed length, [`PERSON_CODES_BYTES`].
pub fn person_codes_to_bytes(codes: &[Option<FingerCode>; FINGER_POSITIONS]) -> Vec<u8> {
    let mut out = Vec::with_capacity(PERSON_CODES_BYTES);
    for c in codes {
        match c {
            Some(c) => {
                out.push(1);
                out.extend_from_slice(&c.to_bytes());
            }
            None => {
                out.push(0);
                out.extend(std::iter::repeat_n(0, FINGER_CODE_BYTES));
            }
        }
    }
    out
}

pub const PERSON_CODES_BYTES: usize = FINGER_POSITIONS * (1 + FINGER_CODE_BYTES);

/// Parses [`person_codes_to_bytes`]; `None` for anything else.
pub fn person_codes_from_bytes(bytes: &[u8]) -> Option<[Option<FingerCode>; FINGER_POSITIONS]> {
    if bytes.len() != PERSON_CODES_BYTES {
        return None;
    }
    let mut out: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
    for (i, chunk) in bytes.chunks_exact(1 + FINGER_CODE_BYTES).enumerate() {
        match chunk[0] {
            0 => {}
            1 => out[i] = Some(FingerCode::from_bytes(&chunk[1..])?),
            _ => return None,
        }
    }
    Some(out)
}

/// One column per finger position: K descriptors per person, people in slot order.
#[derive(Clone, Debug, Default)]
struct Column {
    bits: Vec<u64>,
    geo: Vec<u32>,
}

/// The in-memory search form of a gallery (or one shard of it). Slots are dense indices in
/// insertion order; the caller maps them to its own ids.
#[derive(Clone, Debug, Default)]
pub struct ScreeningIndex {
    columns: [Column; FINGER_POSITIONS],
    len: usize,
}

/// A screened person: the slot and its screening score (higher is more similar).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screened {
    pub slot: u32,
    pub score: f32,
}

impl ScreeningIndex {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(people: usize) -> Self {
        let mut index = Self::default();
        for c in &mut index.columns {
            c.bits.reserve_exact(people * K);
            c.geo.reserve_exact(people * K);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a person with their finger codes by position (index 0 = position 1); returns the slot.
    pub fn push(&mut self, fingers: &[Option<FingerCode>; FINGER_POSITIONS]) -> u32 {
        for (column, code) in self.columns.iter_mut().zip(fingers) {
            match code {
                Some(code) => {
                    column.bits.extend(code.locals.iter().map(|l| l.bits));
                    column.geo.extend(code.locals.iter().map(|l| l.geo));
                }
                None => {
                    column.bits.extend([0u64; K]);
                    column.geo.extend([0u32; K]);
                }
            }
        }
        self.len += 1;
        (self.len - 1) as u32
    }

    /// Heap bytes of the search form per person (the descriptor arrays of all ten positions);
    /// the caller's slot-to-id map is extra and is not counted here.
    pub fn bytes_per_person() -> usize {
        FINGER_POSITIONS * K * (std::mem::size_of::<u64>() + std::mem::size_of::<u32>())
    }

    /// First-pass score of every person: only the [`SCREEN_FIRST_PASS_DESCRIPTORS`] most central
    /// descriptors of each stored finger, so the pass over everyone stays cheap (a missing
    /// finger on either side contributes nothing).
    pub fn first_pass(&self, probe: &ScreeningProbe) -> Vec<f32> {
        let mut scores = vec![0.0f32; self.len];
        self.score_into(
            probe,
            SCREEN_FIRST_PASS_DESCRIPTORS,
            0..self.len,
            &mut scores,
        );
        scores
    }

    /// Full first-stage score (all stored descriptors) of the given slots.
    pub fn full_scores(&self, probe: &ScreeningProbe, slots: &[u32]) -> Vec<f32> {
        let mut out = vec![0.0f32; slots.len()];
        for (o, &slot) in out.iter_mut().zip(slots) {
            let mut one = [0.0f32];
            self.score_into(probe, K, slot as usize..slot as usize + 1, &mut one);
            *o = one[0];
        }
        out
    }

    /// Adds each probe finger's score over `slots` (using `used` descriptors per finger) into
    /// `scores` (indexed from the range's start).
    fn score_into(
        &self,
        probe: &ScreeningProbe,
        used: usize,
        slots: std::ops::Range<usize>,
        scores: &mut [f32],
    ) {
        #[cfg(target_arch = "x86_64")]
        {
            #[target_feature(enable = "popcnt")]
            fn with_popcnt(
                index: &ScreeningIndex,
                probe: &ScreeningProbe,
                used: usize,
                slots: std::ops::Range<usize>,
                scores: &mut [f32],
            ) {
                index.score_into_portable(probe, used, slots, scores)
            }
            if std::arch::is_x86_feature_detected!("popcnt") {
                // SAFETY: the CPU was just checked to support `popcnt`; baseline x86-64 lacks it
                // and the software fallback is several times slower in this loop.
                return unsafe { with_popcnt(self, probe, used, slots, scores) };
            }
        }
        self.score_into_portable(probe, used, slots, scores)
    }

    #[inline(always)]
    fn score_into_portable(
        &self,
        probe: &ScreeningProbe,
        used: usize,
        slots: std::ops::Range<usize>,
        scores: &mut [f32],
    ) {
        let tables = Tables::new();
        let mut matches = Vec::with_capacity(K);
        let first = slots.start;
        for finger in &probe.fingers {
            let column = &self.columns[finger.position];
            for slot in slots.clone() {
                let range = slot * K..slot * K + used;
                best_matches(
                    finger,
                    &column.bits[range.clone()],
                    &column.geo[range],
                    &mut matches,
                );
                scores[slot - first] += consistent_group(&matches, &tables).0;
            }
        }
    }

    /// Second-stage score of one person: the first stage's best placements of each finger are
    /// checked against every probe minutia (how many of the stored minutiae land on a probe
    /// minutia of the same direction). Slower, much more selective.
    pub fn rescore(&self, probe: &ScreeningProbe, slot: u32) -> f32 {
        let tables = Tables::new();
        let mut matches = Vec::with_capacity(K);
        let slot = slot as usize;
        let mut total = 0.0;
        for finger in &probe.fingers {
            let column = &self.columns[finger.position];
            let range = slot * K..slot * K + K;
            best_matches(
                finger,
                &column.bits[range.clone()],
                &column.geo[range.clone()],
                &mut matches,
            );
            let (group, seed) = consistent_group(&matches, &tables);
            if let Some(seed) = seed {
                total += group * SCREEN_GROUP_WEIGHT
                    + paired_minutiae(finger, &column.geo[range], &matches[seed], &tables);
            }
        }
        total
    }

    /// The `limit` most promising slots, best first: the first pass over everyone, the full
    /// descriptor score over its best [`SCREEN_FULL_POOL_FACTOR`] x `limit`, then minutia
    /// pairing over the best [`SCREEN_STAGE2_POOL_FACTOR`] x `limit` of those.
    pub fn screen(&self, probe: &ScreeningProbe, limit: usize) -> Vec<Screened> {
        self.screen_from(probe, &self.first_pass(probe), limit)
    }

    /// [`Self::screen`] from first-pass scores already computed (a caller may mask people out by
    /// setting their score to `f32::NEG_INFINITY`).
    pub fn screen_from(
        &self,
        probe: &ScreeningProbe,
        first: &[f32],
        limit: usize,
    ) -> Vec<Screened> {
        let pool: Vec<u32> = top(first, limit.saturating_mul(SCREEN_FULL_POOL_FACTOR))
            .iter()
            .filter(|s| s.score.is_finite())
            .map(|s| s.slot)
            .collect();
        let full = self.full_scores(probe, &pool);
        let pool: Vec<u32> = top(&full, limit.saturating_mul(SCREEN_STAGE2_POOL_FACTOR))
            .iter()
            .map(|s| pool[s.slot as usize])
            .collect();
        let second: Vec<f32> = pool.iter().map(|&slot| self.rescore(probe, slot)).collect();
        top(&second, limit)
            .into_iter()
            .map(|s| Screened {
                slot: pool[s.slot as usize],
                score: s.score,
            })
            .collect()
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

/// Per-search lookup table: rotation by ISO angle.
struct Tables {
    cos: [f32; 256],
    sin: [f32; 256],
}

impl Tables {
    fn new() -> Self {
        let mut t = Tables {
            cos: [0.0; 256],
            sin: [0.0; 256],
        };
        for a in 0..256 {
            let r = a as f32 * TAU / 256.0;
            t.cos[a] = r.cos();
            t.sin[a] = r.sin();
        }
        t
    }
}

/// A gallery descriptor matched to its most similar probe descriptor.
#[derive(Clone, Copy, Default)]
struct Match {
    dice: f32,
    /// Rotation gallery -> probe, ISO 256ths.
    rotation: u8,
    gx: f32,
    gy: f32,
    px: f32,
    py: f32,
}

/// Each gallery descriptor's nearest probe descriptor (Hamming distance: three instructions a
/// pair), kept when their Dice similarity is evidence.
#[inline(always)]
fn best_matches(probe: &ProbeFinger, bits: &[u64], geo: &[u32], out: &mut Vec<Match>) {
    out.clear();
    for (&g, &gg) in bits.iter().zip(geo) {
        if g == 0 {
            continue;
        }
        // Distance and index packed in one word so the minimum carries its argument along.
        let mut best = u32::MAX;
        for (i, &p) in probe.bits.iter().enumerate() {
            best = best.min((g ^ p).count_ones() << 8 | i as u32);
        }
        if best == u32::MAX {
            continue;
        }
        let i = (best & 0xFF) as usize;
        let inter = (g & probe.bits[i]).count_ones();
        let dice = 2.0 * inter as f32 / (g.count_ones() + probe.ones[i]) as f32;
        if dice >= SCREEN_MIN_DICE {
            let (gx, gy, gd) = unpack_geo(gg);
            out.push(Match {
                dice,
                rotation: probe.direction[i].wrapping_sub(gd),
                gx,
                gy: -gy,
                px: probe.x[i],
                py: probe.y[i],
            });
        }
    }
}

/// The largest total similarity of matches that agree with one seed's rotation and translation,
/// and that seed's index.
#[inline(always)]
fn consistent_group(matches: &[Match], t: &Tables) -> (f32, Option<usize>) {
    let tol2 = SCREEN_TRANSLATION_TOLERANCE_PX * SCREEN_TRANSLATION_TOLERANCE_PX;
    let (mut best, mut best_seed) = (0.0f32, None);
    for (i, seed) in matches.iter().enumerate() {
        let (c, s) = (t.cos[seed.rotation as usize], t.sin[seed.rotation as usize]);
        let tx = seed.px - (seed.gx * c - seed.gy * s);
        let ty = seed.py - (seed.gx * s + seed.gy * c);
        let mut total = 0.0;
        for m in matches {
            let dr = i32::from(m.rotation.wrapping_sub(seed.rotation) as i8);
            if dr.abs() > SCREEN_ROTATION_TOLERANCE_ISO {
                continue;
            }
            let ex = m.px - (m.gx * c - m.gy * s) - tx;
            let ey = m.py - (m.gx * s + m.gy * c) - ty;
            if ex * ex + ey * ey <= tol2 {
                total += m.dice;
            }
        }
        if total > best {
            best = total;
            best_seed = Some(i);
        }
    }
    (best, best_seed)
}

/// Stored minutiae that, placed by the seed's rotation and translation, land on a probe minutia
/// with a similar direction.
fn paired_minutiae(probe: &ProbeFinger, geo: &[u32], seed: &Match, t: &Tables) -> f32 {
    let (c, s) = (t.cos[seed.rotation as usize], t.sin[seed.rotation as usize]);
    let tx = seed.px - (seed.gx * c - seed.gy * s);
    let ty = seed.py - (seed.gx * s + seed.gy * c);
    let tol2 = SCREEN_PAIRING_DISTANCE_PX * SCREEN_PAIRING_DISTANCE_PX;
    let mut paired = 0.0;
    for &g in geo {
        if g == 0 {
            continue;
        }
        let (gx, gy, gd) = unpack_geo(g);
        let gy = -gy;
        let (x, y) = (gx * c - gy * s + tx, gx * s + gy * c + ty);
        let d = gd.wrapping_add(seed.rotation);
        let hit = probe.minutiae.iter().any(|&(px, py, pd)| {
            let (dx, dy) = (px - x, py - y);
            dx * dx + dy * dy <= tol2
                && i32::from(pd.wrapping_sub(d) as i8).abs() <= SCREEN_PAIRING_DIRECTION_ISO
        });
        if hit {
            paired += 1.0;
        }
    }
    paired
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::biometrics::search::synthetic::{synthetic_template, Rng};

    fn person(seed: u64) -> (Template, Template) {
        (
            synthetic_template(&mut Rng::new(seed * 2)),
            synthetic_template(&mut Rng::new(seed * 2 + 1)),
        )
    }

    /// Another impression: shifted, turned a little, some minutiae missed.
    fn again(t: &Template) -> Template {
        let mut t = t.clone();
        t.minutiae = t
            .minutiae
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 6 != 0)
            .map(|(_, m)| {
                let mut m = *m;
                m.x = (m.x + 9).min(t.width - 1);
                m.y = m.y.saturating_sub(5);
                m.direction = m.direction.wrapping_add(2);
                m
            })
            .collect();
        t
    }

    fn gallery(people: u64) -> ScreeningIndex {
        let mut index = ScreeningIndex::new();
        for seed in 0..people {
            let (r, l) = person(seed);
            let mut codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
            codes[1] = Some(FingerCode::new(&r));
            codes[6] = Some(FingerCode::new(&l));
            index.push(&codes);
        }
        index
    }

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
        assert!(index.first_pass(&probe).iter().all(|&s| s == 0.0));
    }

    #[test]
    fn codes_round_trip_through_their_stored_form() {
        let (r, l) = person(9);
        let mut codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
        codes[1] = Some(FingerCode::new(&r));
        codes[6] = Some(FingerCode::new(&l));
        let bytes = person_codes_to_bytes(&codes);
        assert_eq!(bytes.len(), PERSON_CODES_BYTES);
        assert_eq!(person_codes_from_bytes(&bytes), Some(codes));
        assert_eq!(person_codes_from_bytes(&bytes[1..]), None);
        assert!(FingerCode::new(&r).descriptor_count() > 0);
    }

    #[test]
    fn probes_use_index_fingers_first() {
        let t = person(1).0;
        let probe = ScreeningProbe::new([(1, &t), (3, &t), (7, &t), (2, &t)]);
        let positions: Vec<usize> = probe.fingers.iter().map(|f| f.position + 1).collect();
        assert_eq!(positions, [2, 7]);
    }
}
