//! Screening: the compact in-memory search form of a gallery and the fast passes over it that
//! pick a short list for the exact matcher.
//!
//! Each enrolled finger keeps [`GALLERY_DESCRIPTORS_PER_FINGER`] 64-bit local descriptors and
//! [`GALLERY_MINUTIAE_PER_FINGER`] minutiae packed in three bytes (the descriptors' own minutiae
//! first). A probe finger is compared with a gallery finger by finding each gallery descriptor's
//! most similar probe descriptor (Dice on the bits), then keeping the largest group of such
//! matches that agree on one rotation and translation: impostor matches scatter, a mate's line up.
//! The last stage places every stored minutia by the best groups' placements and counts those
//! that land on a probe minutia. Fingers of one person add; a finger that alone stands out also
//! brings its person forward, so one badly captured finger does not hide a mate.

use super::descriptor::{self, pack_geo, unpack_geo, Geo, EMPTY_GEO};
use super::params::{
    FINGER_PRIORITY, GALLERY_DESCRIPTORS_PER_FINGER, GALLERY_MINUTIAE_PER_FINGER,
    PROBE_DESCRIPTORS_PER_FINGER, SCREEN_ALIGNMENT_SEEDS, SCREEN_FINGER_POOL_SHARE,
    SCREEN_FIRST_PASS_DESCRIPTORS, SCREEN_GROUP_WEIGHT, SCREEN_MAX_FINGERS, SCREEN_MIN_DICE,
    SCREEN_PAIRING_DIRECTION_ISO, SCREEN_PAIRING_DISTANCE_PX, SCREEN_ROTATION_TOLERANCE_ISO,
    SCREEN_STAGE2_MIN_POOL_FACTOR, SCREEN_STAGE2_POOL_SHARE, SCREEN_TRANSLATION_TOLERANCE_PX,
};
use crate::biometrics::Template;
use std::f32::consts::TAU;

/// Finger positions 1-10 (ISO/IEC 19794-2).
pub const FINGER_POSITIONS: usize = 10;
const D: usize = GALLERY_DESCRIPTORS_PER_FINGER;
const M: usize = GALLERY_MINUTIAE_PER_FINGER;
const _: () = assert!(
    PROBE_DESCRIPTORS_PER_FINGER <= 256,
    "probe descriptor indices are packed in 8 bits"
);
const _: () = assert!(D <= M, "every descriptor's minutia is stored");
const _: () = assert!(SCREEN_FIRST_PASS_DESCRIPTORS <= D);
/// Bytes of one finger's code (8 bytes per descriptor, 3 per minutia).
pub const FINGER_CODE_BYTES: usize = D * 8 + M * 3;
/// Version of the stored form of [`person_codes_to_bytes`]: it changes whenever the codes do, and
/// stored codes of another version are recomputed from the templates.
/// 1: 12 descriptors with 4-byte minutiae, no version byte (never written with one).
/// 2: 8 descriptors, 28 three-byte minutiae.
pub const PERSON_CODES_VERSION: u8 = 2;

/// The compact code of one enrolled finger, computed once at enrolment and stored beside the
/// template so a gallery loads without re-extracting anything. Fixed length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FingerCode {
    /// Descriptor bits; 0 is an empty slot (never matches). Descriptor `i` is of minutia `i`.
    bits: [u64; D],
    minutiae: [Geo; M],
}

impl FingerCode {
    pub fn new(template: &Template) -> Self {
        let f = descriptor::features(template, D);
        let mut bits = [0u64; D];
        let mut minutiae = [EMPTY_GEO; M];
        let pack = |i: usize| {
            let m = &template.minutiae[i];
            pack_geo(m.x, m.y, m.direction)
        };
        for (slot, &(b, i)) in f.descriptors.iter().enumerate() {
            bits[slot] = b;
            minutiae[slot] = pack(i);
        }
        // Then the other minutiae nearest the centre, where later impressions overlap most.
        let mut next = f.descriptors.len();
        for i in f.central_order {
            if next == M {
                break;
            }
            if f.descriptors.iter().any(|&(_, j)| j == i) {
                continue;
            }
            minutiae[next] = pack(i);
            next += 1;
        }
        Self { bits, minutiae }
    }

    /// Fixed-length little-endian bytes: D x u64 bits, then M x 3 bytes of minutiae.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(FINGER_CODE_BYTES);
        for b in &self.bits {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for g in &self.minutiae {
            out.extend_from_slice(g);
        }
        out
    }

    /// Parses [`Self::to_bytes`]; `None` for any other length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != FINGER_CODE_BYTES {
            return None;
        }
        let (bits_bytes, geo_bytes) = bytes.split_at(D * 8);
        let mut bits = [0u64; D];
        for (b, chunk) in bits.iter_mut().zip(bits_bytes.chunks_exact(8)) {
            *b = u64::from_le_bytes(chunk.try_into().ok()?);
        }
        let mut minutiae = [EMPTY_GEO; M];
        for (g, chunk) in minutiae.iter_mut().zip(geo_bytes.chunks_exact(3)) {
            *g = chunk.try_into().ok()?;
        }
        Some(Self { bits, minutiae })
    }

    /// Descriptors actually present (a sparse print may have fewer than the maximum).
    pub fn descriptor_count(&self) -> usize {
        self.bits.iter().filter(|&&b| b != 0).count()
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
    /// Every minutia of the probe finger, for the last stage's pairing.
    minutiae: PairMap,
    /// The CPU has AVX-512 with vector popcount: [`nearest`] uses the padded copies (only
    /// read on x86-64; elsewhere `avx512` is always false).
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    avx512: bool,
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    padded_bits: Vec<u64>,
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    padded_index: Vec<u64>,
}

/// Where a placed minutia pairs with a probe minutia: a bitmap over the probe's area in cells of
/// [`PAIR_MAP_CELL_PX`], each cell a 32-bit set of direction bins (8 ISO units each). A probe
/// minutia marks the cells whose centre lies within the pairing distance of it, in the bins
/// within the direction tolerance, so a lookup is one bit test.
#[derive(Clone, Debug)]
struct PairMap {
    x0: f32,
    y0: f32,
    columns: usize,
    rows: usize,
    cells: Vec<u32>,
}

const PAIR_MAP_CELL_PX: f32 = 4.0;

impl PairMap {
    /// `points`: x, y in the (x, -y) frame, ISO direction.
    fn new(points: &[(f32, f32, u8)]) -> Self {
        let reach = SCREEN_PAIRING_DISTANCE_PX;
        let x0 = points.iter().map(|p| p.0).fold(f32::INFINITY, f32::min) - reach;
        let y0 = points.iter().map(|p| p.1).fold(f32::INFINITY, f32::min) - reach;
        let x1 = points.iter().map(|p| p.0).fold(f32::NEG_INFINITY, f32::max) + reach;
        let y1 = points.iter().map(|p| p.1).fold(f32::NEG_INFINITY, f32::max) + reach;
        if points.is_empty() {
            return Self {
                x0: 0.0,
                y0: 0.0,
                columns: 0,
                rows: 0,
                cells: Vec::new(),
            };
        }
        let columns = ((x1 - x0) / PAIR_MAP_CELL_PX) as usize + 1;
        let rows = ((y1 - y0) / PAIR_MAP_CELL_PX) as usize + 1;
        let mut cells = vec![0u32; columns * rows];
        for &(px, py, pd) in points {
            let mut bins = 0u32;
            for k in 0..32u8 {
                let centre = k * 8 + 4;
                if i32::from(centre.wrapping_sub(pd) as i8).abs()
                    <= SCREEN_PAIRING_DIRECTION_ISO + 4
                {
                    bins |= 1 << k;
                }
            }
            let lo =
                |v: f32, o: f32| ((v - reach - o) / PAIR_MAP_CELL_PX).floor().max(0.0) as usize;
            for row in lo(py, y0)..rows {
                let cy = y0 + (row as f32 + 0.5) * PAIR_MAP_CELL_PX;
                if cy > py + reach {
                    break;
                }
                for column in lo(px, x0)..columns {
                    let cx = x0 + (column as f32 + 0.5) * PAIR_MAP_CELL_PX;
                    if cx > px + reach {
                        break;
                    }
                    if (cx - px).powi(2) + (cy - py).powi(2) <= reach * reach {
                        cells[row * columns + column] |= bins;
                    }
                }
            }
        }
        Self {
            x0,
            y0,
            columns,
            rows,
            cells,
        }
    }

    /// Whether a probe minutia pairs with one placed at (x, y) with `direction`.
    #[inline(always)]
    fn pairs(&self, x: f32, y: f32, direction: u8) -> bool {
        let (fx, fy) = (
            (x - self.x0) * (1.0 / PAIR_MAP_CELL_PX),
            (y - self.y0) * (1.0 / PAIR_MAP_CELL_PX),
        );
        if !(fx >= 0.0 && fy >= 0.0) {
            return false;
        }
        let (column, row) = (fx as usize, fy as usize);
        if column >= self.columns || row >= self.rows {
            return false;
        }
        self.cells[row * self.columns + column] >> (direction >> 3) & 1 != 0
    }
}

/// A probe person prepared once per search: up to [`SCREEN_MAX_FINGERS`] fingers, by position.
#[derive(Clone, Debug)]
pub struct ScreeningProbe {
    fingers: Vec<ProbeFinger>,
    tables: Tables,
}

impl ScreeningProbe {
    /// `fingers`: (ISO position 1-10, template). Positions outside 1-10 are ignored.
    /// Uses at most [`SCREEN_MAX_FINGERS`] of them, in [`FINGER_PRIORITY`] order.
    pub fn new<'a>(fingers: impl IntoIterator<Item = (u8, &'a Template)>) -> Self {
        let fingers = by_priority(fingers, SCREEN_MAX_FINGERS)
            .into_iter()
            .map(|(position, t)| {
                let d = descriptor::features(t, PROBE_DESCRIPTORS_PER_FINGER).descriptors;
                let at = |i: usize| &t.minutiae[i];
                ProbeFinger {
                    position: usize::from(position - 1),
                    bits: d.iter().map(|l| l.0).collect(),
                    ones: d.iter().map(|l| l.0.count_ones()).collect(),
                    avx512: has_avx512_popcount(),
                    padded_bits: (0..d.len().next_multiple_of(8))
                        .map(|i| d.get(i).map_or(0, |l| l.0))
                        .collect(),
                    padded_index: (0..d.len().next_multiple_of(8))
                        .map(|i| {
                            if i < d.len() {
                                i as u64
                            } else {
                                u64::from(u32::MAX)
                            }
                        })
                        .collect(),
                    x: d.iter().map(|l| f32::from(at(l.1).x)).collect(),
                    y: d.iter().map(|l| -f32::from(at(l.1).y)).collect(),
                    direction: d.iter().map(|l| at(l.1).direction).collect(),
                    minutiae: PairMap::new(
                        &t.minutiae
                            .iter()
                            .map(|m| (f32::from(m.x), -f32::from(m.y), m.direction))
                            .collect::<Vec<_>>(),
                    ),
                }
            })
            .collect();
        Self {
            fingers,
            tables: Tables::new(),
        }
    }

    /// Fingers this probe screens with.
    pub fn finger_count(&self) -> usize {
        self.fingers.len()
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

/// Stored form of one person's codes: [`PERSON_CODES_VERSION`], then per position 1-10 a
/// presence byte and the code (zeros when absent). Fixed length, [`PERSON_CODES_BYTES`].
pub fn person_codes_to_bytes(codes: &[Option<FingerCode>; FINGER_POSITIONS]) -> Vec<u8> {
    let mut out = Vec::with_capacity(PERSON_CODES_BYTES);
    out.push(PERSON_CODES_VERSION);
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

pub const PERSON_CODES_BYTES: usize = 1 + FINGER_POSITIONS * (1 + FINGER_CODE_BYTES);

/// Parses [`person_codes_to_bytes`]; `None` for anything else, including codes of another
/// version (the caller recomputes those from the templates).
pub fn person_codes_from_bytes(bytes: &[u8]) -> Option<[Option<FingerCode>; FINGER_POSITIONS]> {
    if bytes.len() != PERSON_CODES_BYTES || bytes[0] != PERSON_CODES_VERSION {
        return None;
    }
    let mut out: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
    for (i, chunk) in bytes[1..].chunks_exact(1 + FINGER_CODE_BYTES).enumerate() {
        match chunk[0] {
            0 => {}
            1 => out[i] = Some(FingerCode::from_bytes(&chunk[1..])?),
            _ => return None,
        }
    }
    Some(out)
}

/// One column per finger position: D descriptors and M minutiae per person, in slot order.
#[derive(Clone, Debug, Default)]
struct Column {
    bits: Vec<u64>,
    minutiae: Vec<Geo>,
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
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(people: usize) -> Self {
        let mut index = Self::default();
        for c in &mut index.columns {
            c.bits.reserve_exact(people * D);
            c.minutiae.reserve_exact(people * M);
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
                    column.bits.extend_from_slice(&code.bits);
                    column.minutiae.extend_from_slice(&code.minutiae);
                }
                None => {
                    column.bits.extend([0u64; D]);
                    column.minutiae.extend([EMPTY_GEO; M]);
                }
            }
        }
        self.len += 1;
        (self.len - 1) as u32
    }

    /// Replaces the codes of an existing slot (the caller recomputed them).
    ///
    /// # Panics
    /// If `slot` is not below [`Self::len`].
    pub fn replace(&mut self, slot: u32, fingers: &[Option<FingerCode>; FINGER_POSITIONS]) {
        let slot = slot as usize;
        assert!(slot < self.len, "slot {slot} of {}", self.len);
        for (column, code) in self.columns.iter_mut().zip(fingers) {
            let (bits, minutiae) = match code {
                Some(code) => (code.bits, code.minutiae),
                None => ([0u64; D], [EMPTY_GEO; M]),
            };
            column.bits[slot * D..slot * D + D].copy_from_slice(&bits);
            column.minutiae[slot * M..slot * M + M].copy_from_slice(&minutiae);
        }
    }

    /// Heap bytes of the search form per person (the arrays of all ten positions); the caller's
    /// slot-to-id map is extra and is not counted here.
    pub fn bytes_per_person() -> usize {
        FINGER_POSITIONS * (D * std::mem::size_of::<u64>() + M * std::mem::size_of::<Geo>())
    }

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

fn has_avx512_popcount() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512vpopcntdq")
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Runs `f` compiled for the vector popcount and AVX-512 when the CPU has them, else for the
/// scalar `popcnt` instruction (baseline x86-64 lacks it and the software fallback is several
/// times slower in the descriptor loops), else as it is. `f` must be `#[inline(always)]` and
/// everything it calls in the hot loops too, so the code is generated inside the wrapper.
#[inline(always)]
fn with_fast_popcount<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "popcnt,avx2,avx512f,avx512vl,avx512bw,avx512vpopcntdq")]
        fn avx512<R>(f: impl FnOnce() -> R) -> R {
            f()
        }
        #[target_feature(enable = "popcnt")]
        fn popcnt<R>(f: impl FnOnce() -> R) -> R {
            f()
        }
        if std::arch::is_x86_feature_detected!("avx512vpopcntdq")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vl")
            && std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("popcnt")
        {
            // SAFETY: the CPU was just checked to support every feature the wrapper enables.
            return unsafe { avx512(f) };
        }
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU was just checked to support `popcnt`.
            return unsafe { popcnt(f) };
        }
    }
    f()
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

/// Per-probe lookup table: rotation by ISO angle.
#[derive(Clone, Debug)]
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

/// The probe descriptor nearest `g` in Hamming distance, as `distance << 8 | index`
/// (`u32::MAX` when the probe has none): distance and index packed in one word so the minimum
/// carries its argument along.
#[inline(always)]
fn nearest(probe: &ProbeFinger, g: u64) -> u32 {
    #[cfg(target_arch = "x86_64")]
    if probe.avx512 {
        // SAFETY: `avx512` is set only when the CPU was checked to support these features.
        return unsafe { nearest_avx512(&probe.padded_bits, &probe.padded_index, g) };
    }
    let mut best = u32::MAX;
    for (i, &p) in probe.bits.iter().enumerate() {
        best = best.min((g ^ p).count_ones() << 8 | i as u32);
    }
    best
}

/// [`nearest`] eight probe descriptors at a time. `bits` and `index` are padded to a multiple of
/// eight; a padding lane's index is above any real key, so it never wins.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vpopcntdq")]
fn nearest_avx512(bits: &[u64], index: &[u64], g: u64) -> u32 {
    use std::arch::x86_64::*;
    debug_assert!(bits.len() == index.len() && bits.len().is_multiple_of(8));
    let gv = _mm512_set1_epi64(g as i64);
    let mut best = _mm512_set1_epi64(u32::MAX as i64);
    for (b, i) in bits.chunks_exact(8).zip(index.chunks_exact(8)) {
        // SAFETY: both chunks hold exactly eight u64 (64 bytes); unaligned loads.
        let (p, k) = unsafe {
            (
                _mm512_loadu_si512(b.as_ptr().cast()),
                _mm512_loadu_si512(i.as_ptr().cast()),
            )
        };
        let d = _mm512_popcnt_epi64(_mm512_xor_si512(gv, p));
        best = _mm512_min_epu64(best, _mm512_or_si512(_mm512_slli_epi64::<8>(d), k));
    }
    _mm512_reduce_min_epu64(best) as u32
}

/// Each gallery descriptor's nearest probe descriptor, kept when their Dice similarity is
/// evidence.
#[inline(always)]
fn best_matches(probe: &ProbeFinger, bits: &[u64], geo: &[Geo], out: &mut Vec<Match>) {
    out.clear();
    for (&g, &gg) in bits.iter().zip(geo) {
        if g == 0 {
            continue;
        }
        let best = nearest(probe, g);
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

/// The largest total similarities of matches that agree with one seed's rotation and
/// translation, with their seeds, best first, into `best` (as many as it holds; zeros past the
/// last seed).
#[inline(always)]
fn consistent_groups(matches: &[Match], t: &Tables, best: &mut [(f32, usize)]) {
    let tol2 = SCREEN_TRANSLATION_TOLERANCE_PX * SCREEN_TRANSLATION_TOLERANCE_PX;
    best.fill((0.0, 0));
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
        // Insertion into the short sorted list.
        if total > best[best.len() - 1].0 {
            let mut k = best.len() - 1;
            while k > 0 && best[k - 1].0 < total {
                best[k] = best[k - 1];
                k -= 1;
            }
            best[k] = (total, i);
        }
    }
}

/// Stored minutiae that, placed by the seed's rotation and translation, land on a probe minutia
/// with a similar direction.
#[inline(always)]
fn paired_minutiae(probe: &ProbeFinger, geo: &[Geo], seed: &Match, t: &Tables) -> f32 {
    let (c, s) = (t.cos[seed.rotation as usize], t.sin[seed.rotation as usize]);
    let tx = seed.px - (seed.gx * c - seed.gy * s);
    let ty = seed.py - (seed.gx * s + seed.gy * c);
    let mut paired = 0.0;
    for &g in geo {
        if g == EMPTY_GEO {
            continue;
        }
        let (gx, gy, gd) = unpack_geo(g);
        let gy = -gy;
        let (x, y) = (gx * c - gy * s + tx, gx * s + gy * c + ty);
        if probe.minutiae.pairs(x, y, gd.wrapping_add(seed.rotation)) {
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
        assert!(index.first_pass(&probe).scores().iter().all(|&s| s == 0.0));
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
    fn codes_of_another_version_are_refused() {
        let codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
        let mut bytes = person_codes_to_bytes(&codes);
        bytes[0] = PERSON_CODES_VERSION - 1;
        assert_eq!(person_codes_from_bytes(&bytes), None);
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

    #[test]
    fn pair_map_finds_minutiae_within_the_tolerances_only() {
        let map = PairMap::new(&[(100.0, -200.0, 10), (300.0, -50.0, 250)]);
        assert!(map.pairs(100.0, -200.0, 10));
        assert!(map.pairs(107.0, -206.0, 20));
        assert!(map.pairs(300.0, -50.0, 4)); // directions wrap around
        assert!(!map.pairs(100.0, -200.0, 10 + 64));
        assert!(!map.pairs(125.0, -200.0, 10));
        assert!(!map.pairs(-500.0, 900.0, 10));
        assert!(!PairMap::new(&[]).pairs(0.0, 0.0, 0));
    }

    #[test]
    fn nearest_descriptor_is_the_same_on_every_code_path() {
        let t = person(3).0;
        let mut probe = ScreeningProbe::new([(2, &t)]);
        let f = &mut probe.fingers[0];
        let queries = [
            0u64,
            u64::MAX,
            0x0123_4567_89AB_CDEF,
            f.bits[0],
            f.bits[3] ^ 0b1011,
        ];
        let fast: Vec<u32> = queries.iter().map(|&g| nearest(f, g)).collect();
        f.avx512 = false;
        let portable: Vec<u32> = queries.iter().map(|&g| nearest(f, g)).collect();
        assert_eq!(fast, portable);
    }

    #[test]
    fn probes_use_index_fingers_first() {
        let t = person(1).0;
        let probe = ScreeningProbe::new([(1, &t), (3, &t), (7, &t), (2, &t)]);
        let positions: Vec<usize> = probe.fingers.iter().map(|f| f.position + 1).collect();
        assert_eq!(positions, [2, 7]);
    }
}
