//! From local cylinder similarities to one global score: Local Similarity Sort with Relaxation
//! (LSS-R, Cappelli, Ferrara & Maltoni 2010). Pairs whose geometry agrees with other good pairs
//! keep their similarity; isolated coincidences are relaxed away.

use super::cylinder::{self, Roots};
use super::search_template::{SearchTemplate, DIRECTION_BUCKETS, UNITS_PER_BUCKET};
use crate::params::{
    COMPATIBILITY_DIRECTION_MID_RAD, COMPATIBILITY_DIRECTION_SLOPE_PER_RAD,
    COMPATIBILITY_DISTANCE_MID_PX, COMPATIBILITY_DISTANCE_SLOPE_PER_PX,
    COMPATIBILITY_RADIAL_MID_RAD, COMPATIBILITY_RADIAL_SLOPE_PER_RAD, CONSOLIDATION_MAX_PAIRS,
    CONSOLIDATION_MIN_PAIRS, CONSOLIDATION_PAIRS_SIGMOID_MID, CONSOLIDATION_PAIRS_SIGMOID_SLOPE,
    CYLINDER_MAX_DIRECTION_DIFF_RAD, MATCHER_MAX_MINUTIAE, RELAXATION_ITERATIONS,
    RELAXATION_MAX_PAIRS, RELAXATION_SELF_WEIGHT, ROTATION_BINS, ROTATION_UPRIGHT_PRIOR,
    ROTATION_VOTERS,
};
use crate::primitives::angle::{self, TAU};

#[inline]
fn sigmoid(v: f32, mid: f32, slope: f32) -> f32 {
    1.0 / (1.0 + (-slope * (v - mid)).exp())
}

/// A falling sigmoid tabulated on `[0, end)`, zero beyond: relaxation evaluates hundreds per
/// comparison and `exp` dominated its cost.
#[derive(Clone, Debug)]
struct SigmoidTable {
    per_unit: f32,
    /// `ENTRIES` samples, then a zero that every value past the end reads (no branch).
    values: [f32; SigmoidTable::ENTRIES + 1],
}

impl SigmoidTable {
    const ENTRIES: usize = 256;
    /// Below this value a compatibility factor is treated as zero.
    const NEGLIGIBLE: f32 = 1e-4;

    fn new(mid: f32, slope: f32) -> Self {
        let end = mid + (1.0 / Self::NEGLIGIBLE).ln() / slope.abs();
        let per_unit = Self::ENTRIES as f32 / end;
        let mut values = [0.0; Self::ENTRIES + 1];
        for (i, v) in values[..Self::ENTRIES].iter_mut().enumerate() {
            *v = sigmoid((i as f32 + 0.5) / per_unit, mid, slope);
        }
        Self { per_unit, values }
    }

    /// The value at `v >= 0` (a float-to-integer cast saturates, so any `v` is safe).
    #[inline(always)]
    fn at(&self, v: f32) -> f32 {
        self.values[((v * self.per_unit) as usize).min(Self::ENTRIES)]
    }
}

/// The compatibility functions of relaxation, and the square roots of the local similarities,
/// tabulated once per probe.
#[derive(Clone, Debug)]
pub(crate) struct Compatibility {
    roots: Roots,
    distance: SigmoidTable,
    /// Directions are whole ISO units (1/256 turn), so the direction term is tabulated by the
    /// difference of relative directions in those units, 0 to 128 (half a turn).
    direction: [f32; 129],
    radial: SigmoidTable,
}

impl Compatibility {
    pub fn new() -> Self {
        let direction_table = SigmoidTable::new(
            COMPATIBILITY_DIRECTION_MID_RAD,
            COMPATIBILITY_DIRECTION_SLOPE_PER_RAD,
        );
        let mut direction = [0.0; 129];
        for (units, d) in direction.iter_mut().enumerate() {
            *d = direction_table.at(angle::from_iso_units(units as f32));
        }
        Self {
            roots: Roots::new(),
            distance: SigmoidTable::new(
                COMPATIBILITY_DISTANCE_MID_PX,
                COMPATIBILITY_DISTANCE_SLOPE_PER_PX,
            ),
            direction,
            radial: SigmoidTable::new(
                COMPATIBILITY_RADIAL_MID_RAD,
                COMPATIBILITY_RADIAL_SLOPE_PER_RAD,
            ),
        }
    }
}

/// A candidate correspondence: cylinder `a` of the probe with cylinder `b` of the candidate
/// (indices in matching order).
#[derive(Clone, Copy, Debug, Default)]
struct Pair {
    a: u16,
    b: u16,
    similarity: f32,
}

impl Pair {
    /// The pair as one integer ordered like its similarity (positive floats order like their
    /// bits), ties broken by the indices: sorting and selecting these needs no float comparison
    /// and gives the same order whatever order the pairs were found in.
    #[inline(always)]
    fn key(a: usize, b: usize, similarity: f32) -> u64 {
        (u64::from(similarity.to_bits()) << 32) | ((a as u64) << 16) | b as u64
    }

    #[inline(always)]
    fn from_key(key: u64) -> Self {
        Self {
            a: (key >> 16) as u16,
            b: key as u16,
            similarity: f32::from_bits((key >> 32) as u32),
        }
    }
}

/// Global similarity 0..1 of two search templates.
pub(crate) fn score(
    probe: &SearchTemplate,
    candidate: &SearchTemplate,
    compatibility: &Compatibility,
) -> f32 {
    // Baseline x86-64 lacks a popcount instruction, and the software fallback made comparisons
    // three times slower; compile copies for CPUs that have it, and for those whose vector units
    // count bits too, where the compiler vectorises the cylinder comparisons (wasm32 and aarch64
    // always have a popcount). Only integer counting changes with the copy: every float operation
    // is the same, so scores are identical on every CPU.
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "popcnt,avx2,avx512f,avx512vl,avx512vpopcntdq")]
        fn with_avx512(p: &SearchTemplate, c: &SearchTemplate, k: &Compatibility) -> f32 {
            score_portable(p, c, k)
        }
        #[target_feature(enable = "popcnt")]
        fn with_popcnt(p: &SearchTemplate, c: &SearchTemplate, k: &Compatibility) -> f32 {
            score_portable(p, c, k)
        }
        if std::arch::is_x86_feature_detected!("avx512vpopcntdq")
            && std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512vl")
            && std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("popcnt")
        {
            // SAFETY: the CPU was just checked to support every feature this copy enables.
            return unsafe { with_avx512(probe, candidate, compatibility) };
        }
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU was just checked to support `popcnt`.
            return unsafe { with_popcnt(probe, candidate, compatibility) };
        }
    }
    score_portable(probe, candidate, compatibility)
}

#[inline(always)]
fn score_portable(
    probe: &SearchTemplate,
    candidate: &SearchTemplate,
    compatibility: &Compatibility,
) -> f32 {
    consolidate(probe, candidate, compatibility).score
}

/// What the score rests on: the pairs it averages, each with the similarity relaxation left it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Consolidation {
    /// Global similarity 0..1, as [`score`] gives it.
    pub score: f32,
    /// How many pairs the score averages over (pairs missing from `pairs` count as zero).
    pub wanted: usize,
    /// The averaged pairs, best first (at most `wanted`): cylinder indices in matching order, with
    /// the relaxed similarity in `similarity`.
    pub pairs: [RelaxedPair; CONSOLIDATION_MAX_PAIRS],
    pub len: usize,
}

/// One pair the score averages: probe cylinder `a`, candidate cylinder `b` (matching order).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RelaxedPair {
    pub a: u16,
    pub b: u16,
    /// Local similarity before relaxation.
    pub local: f32,
    /// Similarity after relaxation: this pair adds `relaxed / wanted` to the score.
    pub relaxed: f32,
}

impl Consolidation {
    fn empty(wanted: usize) -> Self {
        Self {
            score: 0.0,
            wanted,
            pairs: [RelaxedPair::default(); CONSOLIDATION_MAX_PAIRS],
            len: 0,
        }
    }
}

/// The score with the pairs behind it. Every float operation is the one [`score`] performs (its
/// CPU-specific copies differ in integer counting only), so `.score` equals [`score`] exactly.
#[inline(always)]
pub(crate) fn consolidate(
    probe: &SearchTemplate,
    candidate: &SearchTemplate,
    compatibility: &Compatibility,
) -> Consolidation {
    let (na, nb) = (probe.cylinders.len(), candidate.cylinders.len());
    if na == 0 || nb == 0 {
        return Consolidation::empty(CONSOLIDATION_MIN_PAIRS);
    }
    let wanted = CONSOLIDATION_MIN_PAIRS
        + (sigmoid(
            na.min(nb) as f32,
            CONSOLIDATION_PAIRS_SIGMOID_MID,
            CONSOLIDATION_PAIRS_SIGMOID_SLOPE,
        ) * (CONSOLIDATION_MAX_PAIRS - CONSOLIDATION_MIN_PAIRS) as f32)
            .round() as usize;
    let relax_count = na.min(nb).min(RELAXATION_MAX_PAIRS);
    // Only the most similar pairs can be chosen for relaxation: the local similarity matrix is
    // never stored, only its best entries.
    let mut best = BestPairs::new(SELECTION_POOL_PER_PAIR * relax_count);
    local_similarities(probe, candidate, &compatibility.roots, &mut best);
    let mut selected = [Pair::default(); RELAXATION_MAX_PAIRS];
    let n = best.distinct(relax_count, &mut selected);
    if n == 0 {
        return Consolidation::empty(wanted);
    }
    let selected = &selected[..n];
    let relaxed = relax(selected, probe, candidate, compatibility);
    // Efficiency: how well each pair kept its similarity through relaxation; ties keep the
    // selection order.
    let mut efficiency = [0.0f32; RELAXATION_MAX_PAIRS];
    let mut order = [0u8; RELAXATION_MAX_PAIRS];
    for (i, p) in selected.iter().enumerate() {
        efficiency[i] = relaxed[i] / p.similarity;
        order[i] = i as u8;
    }
    let order = &mut order[..n];
    order.sort_unstable_by(|&i, &j| {
        efficiency[j as usize]
            .total_cmp(&efficiency[i as usize])
            .then(i.cmp(&j))
    });
    let score = order
        .iter()
        .take(wanted)
        .map(|&i| relaxed[i as usize])
        .sum::<f32>()
        / wanted as f32;
    let mut out = Consolidation::empty(wanted);
    out.score = score;
    for (slot, &i) in out.pairs.iter_mut().zip(order.iter().take(wanted)) {
        let p = selected[i as usize];
        *slot = RelaxedPair {
            a: p.a,
            b: p.b,
            local: p.similarity,
            relaxed: relaxed[i as usize],
        };
        out.len += 1;
    }
    out
}

/// Greedy assignment looks at this many of the most similar pairs per pair it wants.
const SELECTION_POOL_PER_PAIR: usize = 3;
/// Pairs buffered before the weaker ones are dropped; a comparison of two typical templates finds
/// fewer and never prunes.
const PAIR_BUFFER: usize = 512;
const _: () = assert!(SELECTION_POOL_PER_PAIR * RELAXATION_MAX_PAIRS < PAIR_BUFFER);
// Relaxation's dot products run in lanes of eight.
const _: () = assert!(RELAXATION_MAX_PAIRS.is_multiple_of(8));

/// The `keep` most similar pairs seen so far, as [`Pair::key`]s, on the stack.
struct BestPairs {
    keys: [u64; PAIR_BUFFER],
    len: usize,
    keep: usize,
    /// Keys at or below this cannot be among the best `keep` any more.
    floor: u64,
}

impl BestPairs {
    fn new(keep: usize) -> Self {
        Self {
            keys: [0; PAIR_BUFFER],
            len: 0,
            keep,
            floor: 0,
        }
    }

    #[inline(always)]
    fn push(&mut self, key: u64) {
        if key <= self.floor {
            return;
        }
        if self.len == PAIR_BUFFER {
            self.keys
                .select_nth_unstable_by(self.keep - 1, |x, y| y.cmp(x));
            self.len = self.keep;
            self.floor = self.keys[self.keep - 1];
            if key <= self.floor {
                return;
            }
        }
        self.keys[self.len] = key;
        self.len += 1;
    }

    /// Greedy one-to-one assignment among the best pairs, from the most similar down: at most
    /// `count` pairs written to `out`; returns how many.
    fn distinct(&mut self, count: usize, out: &mut [Pair]) -> usize {
        let head = self.keep.min(self.len);
        let keys = &mut self.keys[..self.len];
        if head == 0 {
            return 0;
        }
        if head < keys.len() {
            keys.select_nth_unstable_by(head - 1, |x, y| y.cmp(x));
        }
        let head = &mut keys[..head];
        head.sort_unstable_by(|x, y| y.cmp(x));
        let mut used_a = [0u64; MATCHER_MAX_MINUTIAE / 64];
        let mut used_b = [0u64; MATCHER_MAX_MINUTIAE / 64];
        let mut n = 0;
        for &key in head.iter() {
            if n == count {
                break;
            }
            let p = Pair::from_key(key);
            let (a, b) = (p.a as usize, p.b as usize);
            if used_a[a / 64] & (1 << (a % 64)) == 0 && used_b[b / 64] & (1 << (b % 64)) == 0 {
                used_a[a / 64] |= 1 << (a % 64);
                used_b[b / 64] |= 1 << (b % 64);
                out[n] = p;
                n += 1;
            }
        }
        n
    }
}

/// The local similarity of every comparable pair of cylinders (the "local similarity matrix"),
/// keeping the best. This is most of a comparison's cost.
#[inline(always)]
fn local_similarities(
    probe: &SearchTemplate,
    candidate: &SearchTemplate,
    roots: &Roots,
    best: &mut BestPairs,
) {
    // MCC compares only minutiae whose directions differ by less than a limit, which assumes the
    // two impressions are roughly upright. Centring that window on an estimate of the global
    // rotation keeps the pruning (and its accuracy gain) while making the matcher rotation
    // invariant.
    let (rot_cos, rot_sin) = estimate_rotation(probe, candidate);
    let min_cosine = CYLINDER_MAX_DIRECTION_DIFF_RAD.cos();
    // Candidates are ordered by direction: the window is read as bucket ranges, a unit wider
    // than the limit on each side to absorb rounding, and the exact test below decides.
    let units_per_rad = 256.0 / TAU;
    let rotation_units = rot_sin.atan2(rot_cos) * units_per_rad;
    let reach_units = CYLINDER_MAX_DIRECTION_DIFF_RAD * units_per_rad + 1.0;
    for ia in 0..probe.cylinders.len() {
        let (c, s) = probe.unit[ia];
        let rotated = (c * rot_cos - s * rot_sin, s * rot_cos + c * rot_sin);
        let centre = probe.direction[ia] as f32 + rotation_units;
        let window = DirectionWindow::new(centre - reach_units, centre + reach_units);
        let row = Row {
            probe,
            candidate,
            ia,
            rotated,
            min_cosine,
            window,
        };
        // Both templates keep full cylinders before partial ones: four loops, none of which
        // branches on the kind of comparison.
        if ia < probe.full {
            row.scan::<FULL, FULL>(best, roots);
            row.scan::<FULL, PARTIAL>(best, roots);
        } else {
            row.scan::<PARTIAL, FULL>(best, roots);
            row.scan::<PARTIAL, PARTIAL>(best, roots);
        }
    }
}

const FULL: bool = true;
const PARTIAL: bool = false;

/// One probe cylinder against the candidate cylinders in its direction window.
struct Row<'a> {
    probe: &'a SearchTemplate,
    candidate: &'a SearchTemplate,
    ia: usize,
    /// The probe minutia's direction turned by the estimated rotation, as `(cos, sin)`.
    rotated: (f32, f32),
    min_cosine: f32,
    window: DirectionWindow,
}

impl Row<'_> {
    /// Compares with the candidate's full (`B_FULL`) or partial cylinders; `A_FULL` says which
    /// kind the probe cylinder is. (Generic rather than closures: a closure would be compiled out
    /// of line, without the `popcnt` of the caller.)
    #[inline(always)]
    fn scan<const A_FULL: bool, const B_FULL: bool>(&self, best: &mut BestPairs, roots: &Roots) {
        let ca = &self.probe.cylinders[self.ia];
        let group = if B_FULL { 0 } else { 1 };
        for range in self.window.ranges(&self.candidate.bucket_start[group]) {
            for ib in range {
                // cos(Δθ - rotation) below the limit's cosine: too far apart for the same
                // minutia.
                let (cb_cos, cb_sin) = self.candidate.unit[ib];
                if self.rotated.0 * cb_cos + self.rotated.1 * cb_sin < self.min_cosine {
                    continue;
                }
                let cb = &self.candidate.cylinders[ib];
                let similarity = match (A_FULL, B_FULL) {
                    (true, true) => cylinder::similarity_full(ca, cb, roots),
                    (true, false) => cylinder::similarity_full_partial(ca, cb, roots),
                    (false, true) => cylinder::similarity_full_partial(cb, ca, roots),
                    (false, false) => cylinder::similarity_partial(ca, cb, roots),
                };
                if similarity > 0.0 {
                    best.push(Pair::key(self.ia, ib, similarity));
                }
            }
        }
    }
}

/// The direction buckets overlapping `[low, high]` (ISO units, any real values), as at most two
/// ranges of bucket indices on the circle.
#[derive(Clone, Copy)]
struct DirectionWindow {
    first: usize,
    /// Number of buckets, at most all of them.
    count: usize,
}

impl DirectionWindow {
    #[inline(always)]
    fn new(low: f32, high: f32) -> Self {
        // Shifted by whole turns to be positive, where truncation is the floor (`floor` itself
        // is a library call on baseline x86-64). Callers pass values within a turn or two of 0.
        const SHIFT_TURNS: f32 = 4.0;
        let bucket = |units: f32| {
            ((units + SHIFT_TURNS * 256.0).max(0.0) / UNITS_PER_BUCKET as f32) as usize
        };
        let (first, last) = (bucket(low), bucket(high));
        let count = (last + 1).saturating_sub(first).min(DIRECTION_BUCKETS);
        Self {
            first: first % DIRECTION_BUCKETS,
            count,
        }
    }

    /// Cylinder index ranges of one group (full or partial) inside the window.
    #[inline(always)]
    fn ranges(self, start: &[u16; DIRECTION_BUCKETS + 1]) -> [std::ops::Range<usize>; 2] {
        let end = self.first + self.count;
        let at = |bucket: usize| start[bucket] as usize;
        if end <= DIRECTION_BUCKETS {
            [at(self.first)..at(end), 0..0]
        } else {
            [
                at(self.first)..at(DIRECTION_BUCKETS),
                at(0)..at(end - DIRECTION_BUCKETS),
            ]
        }
    }
}

/// Global rotation from probe to candidate, as `(cos, sin)`: each probe cylinder votes with the
/// direction difference to its likeliest partner, weighted by similarity; the vote is read around
/// the strongest bin.
#[inline(always)]
fn estimate_rotation(probe: &SearchTemplate, candidate: &SearchTemplate) -> (f32, f32) {
    let mut votes = [(0.0f32, 0.0f32); ROTATION_VOTERS];
    let mut voted = 0;
    let mut bins = [0.0f32; ROTATION_BINS];
    let bin_width = TAU / ROTATION_BINS as f32;
    for &v in &probe.voters {
        let ia = v as usize;
        let ra = &probe.rough[ia];
        // The first smallest numerator / denominator, compared by cross-multiplying. Four lanes
        // keep four independent chains of comparisons (one chain waited on every multiply).
        const LANES: usize = 4;
        let mut lanes = [((1.0f32, 0.0f32), usize::MAX); LANES];
        for (chunk, rbs) in candidate.rough.chunks(LANES).enumerate() {
            for (lane, rb) in rbs.iter().enumerate() {
                let (num, den) = cylinder::rough_distance(ra, rb);
                let best = &mut lanes[lane];
                if num * best.0 .1 < best.0 .0 * den {
                    *best = ((num, den), chunk * LANES + lane);
                }
            }
        }
        let mut best = lanes[0];
        for lane in &lanes[1..] {
            let ((num, den), ib) = *lane;
            let better = num * best.0 .1 < best.0 .0 * den;
            let tie = !better && best.0 .0 * den == num * best.0 .1;
            if ib != usize::MAX && (better || (tie && ib < best.1)) {
                best = *lane;
            }
        }
        let similarity = cylinder::rough_similarity(best.0);
        if best.1 != usize::MAX && similarity > 0.0 {
            let delta = angle::wrap(candidate.angle[best.1] - probe.angle[ia]);
            votes[voted] = (delta, similarity);
            voted += 1;
            bins[(delta / bin_width) as usize % ROTATION_BINS] += similarity;
        }
    }
    // Impressions are usually taken roughly upright: a prior vote for "no rotation" keeps the
    // window where MCC puts it unless the cylinders clearly agree on another rotation. (Centring on
    // the best rotation for every pair also raised impostor scores: it aligns chance matches.)
    bins[0] += ROTATION_UPRIGHT_PRIOR;
    bins[ROTATION_BINS - 1] += ROTATION_UPRIGHT_PRIOR;
    // Strongest bin after circular [1 2 1] smoothing, then the weighted mean of the votes near it.
    let peak = (0..ROTATION_BINS)
        .max_by(|&i, &j| {
            let smooth = |k: usize| {
                bins[(k + ROTATION_BINS - 1) % ROTATION_BINS]
                    + 2.0 * bins[k]
                    + bins[(k + 1) % ROTATION_BINS]
            };
            smooth(i).total_cmp(&smooth(j))
        })
        .unwrap_or(0);
    // The two bins either side of zero count as upright: the window around zero still covers
    // their rotation plus the noise of minutia directions.
    if peak == 0 || peak == ROTATION_BINS - 1 {
        return (1.0, 0.0);
    }
    let centre = (peak as f32 + 0.5) * bin_width;
    let (mut sx, mut sy) = (0.0f32, 0.0f32);
    for &(delta, weight) in &votes[..voted] {
        if weight > 0.0 && angle::distance(delta, centre) <= 1.5 * bin_width {
            sx += weight * delta.cos();
            sy += weight * delta.sin();
        }
    }
    let norm = sx.hypot(sy);
    if norm > 0.0 {
        (sx / norm, sy / norm)
    } else {
        (1.0, 0.0)
    }
}

/// Relaxation of the selected pairs' similarities by their mutual compatibility.
#[inline(always)]
fn relax(
    pairs: &[Pair],
    probe: &SearchTemplate,
    candidate: &SearchTemplate,
    compatibility: &Compatibility,
) -> [f32; RELAXATION_MAX_PAIRS] {
    const P: usize = RELAXATION_MAX_PAIRS;
    let n = pairs.len();
    let (pn, cn) = (probe.cylinders.len(), candidate.cylinders.len());
    // Zero outside the n x n corner, so every row is a fixed-length dot product.
    let mut rho = [[0.0f32; P]; P];
    for t in 0..n {
        let (at, bt) = (pairs[t].a as usize, pairs[t].b as usize);
        let (distance_a, distance_b) = (&probe.distance[at * pn..], &candidate.distance[bt * cn..]);
        let (radial_a, radial_b) = (&probe.radial[at * pn..], &candidate.radial[bt * cn..]);
        let (direction_a, direction_b) = (probe.direction[at], candidate.direction[bt]);
        // Branch-free: most factors are zero for an impostor, and a test per factor cost more in
        // mispredictions than the table reads it saved.
        for k in t + 1..n {
            let (ak, bk) = (pairs[k].a as usize, pairs[k].b as usize);
            let d1 = (distance_a[ak] - distance_b[bk]).abs();
            // Relative directions, and their difference, in ISO units on the circle.
            let relative_a = direction_a.wrapping_sub(probe.direction[ak]);
            let relative_b = direction_b.wrapping_sub(candidate.direction[bk]);
            let d2 = (relative_a.wrapping_sub(relative_b) as i8).unsigned_abs();
            // Radial angles lie in (-π, π]: their distance on the circle needs one fold.
            let d3 = (radial_a[ak] - radial_b[bk]).abs();
            let d3 = d3.min(TAU - d3);
            let value = compatibility.distance.at(d1)
                * compatibility.direction[d2 as usize]
                * compatibility.radial.at(d3);
            rho[t][k] = value;
            rho[k][t] = value;
        }
    }
    let mut lambda = [0.0f32; P];
    for (l, p) in lambda.iter_mut().zip(pairs) {
        *l = p.similarity;
    }
    if n < 2 {
        return lambda;
    }
    let mut next = [0.0f32; P];
    let spread = (1.0 - RELAXATION_SELF_WEIGHT) / (n - 1) as f32;
    for _ in 0..RELAXATION_ITERATIONS {
        for t in 0..n {
            let support = dot(&rho[t], &lambda);
            next[t] = RELAXATION_SELF_WEIGHT * lambda[t] + spread * support;
        }
        std::mem::swap(&mut lambda, &mut next);
    }
    lambda
}

/// Dot product in eight independent lanes (the compiler keeps them in vector registers).
#[inline(always)]
fn dot(a: &[f32; RELAXATION_MAX_PAIRS], b: &[f32; RELAXATION_MAX_PAIRS]) -> f32 {
    const LANES: usize = 8;
    let mut acc = [0.0f32; LANES];
    for (ca, cb) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for l in 0..LANES {
            acc[l] += ca[l] * cb[l];
        }
    }
    acc.iter().sum()
}
