//! From local cylinder similarities to one global score: Local Similarity Sort with Relaxation
//! (LSS-R, Cappelli, Ferrara & Maltoni 2010). Pairs whose geometry agrees with other good pairs
//! keep their similarity; isolated coincidences are relaxed away.

use super::cylinder;
use super::search_template::SearchTemplate;
use crate::biometrics::params::{
    COMPATIBILITY_DIRECTION_MID_RAD, COMPATIBILITY_DIRECTION_SLOPE_PER_RAD,
    COMPATIBILITY_DISTANCE_MID_PX, COMPATIBILITY_DISTANCE_SLOPE_PER_PX,
    COMPATIBILITY_RADIAL_MID_RAD, COMPATIBILITY_RADIAL_SLOPE_PER_RAD, CONSOLIDATION_MAX_PAIRS,
    CONSOLIDATION_MIN_PAIRS, CONSOLIDATION_PAIRS_SIGMOID_MID, CONSOLIDATION_PAIRS_SIGMOID_SLOPE,
    CYLINDER_MAX_DIRECTION_DIFF_RAD, RELAXATION_ITERATIONS, RELAXATION_MAX_PAIRS,
    RELAXATION_SELF_WEIGHT, ROTATION_BINS, ROTATION_UPRIGHT_PRIOR, ROTATION_VOTERS,
};
use crate::biometrics::primitives::angle::{self, TAU};

#[inline]
fn sigmoid(v: f32, mid: f32, slope: f32) -> f32 {
    1.0 / (1.0 + (-slope * (v - mid)).exp())
}

/// A falling sigmoid tabulated on `[0, end)`, zero beyond: relaxation evaluates thousands per
/// comparison and `exp` dominated its cost.
#[derive(Clone, Debug)]
struct SigmoidTable {
    per_unit: f32,
    values: Vec<f32>,
}

impl SigmoidTable {
    const ENTRIES: usize = 256;
    /// Below this value a compatibility factor is treated as zero.
    const NEGLIGIBLE: f32 = 1e-4;

    fn new(mid: f32, slope: f32) -> Self {
        let end = mid + (1.0 / Self::NEGLIGIBLE).ln() / slope.abs();
        let per_unit = Self::ENTRIES as f32 / end;
        let values = (0..Self::ENTRIES)
            .map(|i| sigmoid((i as f32 + 0.5) / per_unit, mid, slope))
            .collect();
        Self { per_unit, values }
    }

    #[inline]
    fn at(&self, v: f32) -> f32 {
        self.values
            .get((v * self.per_unit) as usize)
            .copied()
            .unwrap_or(0.0)
    }
}

/// The compatibility functions of relaxation, tabulated once per probe.
#[derive(Clone, Debug)]
pub(crate) struct Compatibility {
    distance: SigmoidTable,
    direction: SigmoidTable,
    radial: SigmoidTable,
}

impl Compatibility {
    pub fn new() -> Self {
        Self {
            distance: SigmoidTable::new(
                COMPATIBILITY_DISTANCE_MID_PX,
                COMPATIBILITY_DISTANCE_SLOPE_PER_PX,
            ),
            direction: SigmoidTable::new(
                COMPATIBILITY_DIRECTION_MID_RAD,
                COMPATIBILITY_DIRECTION_SLOPE_PER_RAD,
            ),
            radial: SigmoidTable::new(
                COMPATIBILITY_RADIAL_MID_RAD,
                COMPATIBILITY_RADIAL_SLOPE_PER_RAD,
            ),
        }
    }
}

/// A candidate correspondence: minutia `a` of the probe with minutia `b` of the candidate.
#[derive(Clone, Copy, Debug)]
struct Pair {
    a: usize,
    b: usize,
    similarity: f32,
}

/// Global similarity 0..1 of two search templates.
pub(crate) fn score(
    probe: &SearchTemplate,
    candidate: &SearchTemplate,
    compatibility: &Compatibility,
) -> f32 {
    let (na, nb) = (probe.cylinders.len(), candidate.cylinders.len());
    if na == 0 || nb == 0 {
        return 0.0;
    }
    // About half the pairs pass the direction window; reserve for all to never reallocate.
    let mut pairs = Vec::with_capacity(na * nb);
    local_similarities(probe, candidate, &mut pairs);
    let wanted = CONSOLIDATION_MIN_PAIRS
        + (sigmoid(
            na.min(nb) as f32,
            CONSOLIDATION_PAIRS_SIGMOID_MID,
            CONSOLIDATION_PAIRS_SIGMOID_SLOPE,
        ) * (CONSOLIDATION_MAX_PAIRS - CONSOLIDATION_MIN_PAIRS) as f32)
            .round() as usize;
    let relax_count = na.min(nb).min(RELAXATION_MAX_PAIRS);
    let selected = best_distinct_pairs(&mut pairs, relax_count, probe.len(), candidate.len());
    if selected.is_empty() {
        return 0.0;
    }
    let relaxed = relax(&selected, probe, candidate, compatibility);
    // Efficiency: how well each pair kept its similarity through relaxation.
    let mut order: Vec<usize> = (0..selected.len()).collect();
    order.sort_by(|&i, &j| {
        let ei = relaxed[i] / selected[i].similarity;
        let ej = relaxed[j] / selected[j].similarity;
        ej.total_cmp(&ei)
    });
    order.iter().take(wanted).map(|&i| relaxed[i]).sum::<f32>() / wanted as f32
}

/// The local similarity of every comparable pair of cylinders (the "local similarity matrix",
/// kept sparse). This is most of a comparison's cost.
fn local_similarities(probe: &SearchTemplate, candidate: &SearchTemplate, out: &mut Vec<Pair>) {
    // Baseline x86-64 lacks a popcount instruction, and the software fallback made this three
    // times slower; compile a copy for CPUs that have it (wasm32 and aarch64 always do).
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "popcnt")]
        fn with_popcnt(p: &SearchTemplate, c: &SearchTemplate, out: &mut Vec<Pair>) {
            local_similarities_portable(p, c, out)
        }
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU was just checked to support `popcnt`.
            return unsafe { with_popcnt(probe, candidate, out) };
        }
    }
    local_similarities_portable(probe, candidate, out)
}

#[inline(always)]
fn local_similarities_portable(
    probe: &SearchTemplate,
    candidate: &SearchTemplate,
    out: &mut Vec<Pair>,
) {
    // MCC compares only minutiae whose directions differ by less than a limit, which assumes the
    // two impressions are roughly upright. Centring that window on an estimate of the global
    // rotation keeps the pruning (and its accuracy gain) while making the matcher rotation
    // invariant.
    let (rot_cos, rot_sin) = estimate_rotation(probe, candidate);
    let min_cosine = CYLINDER_MAX_DIRECTION_DIFF_RAD.cos();
    for (ia, ca) in &probe.cylinders {
        let (c, s) = probe.unit[*ia];
        let (ca_cos, ca_sin) = (c * rot_cos - s * rot_sin, s * rot_cos + c * rot_sin);
        for (ib, cb) in &candidate.cylinders {
            // cos(Δθ - rotation) below the limit's cosine: too far apart for the same minutia.
            let (cb_cos, cb_sin) = candidate.unit[*ib];
            if ca_cos * cb_cos + ca_sin * cb_sin < min_cosine {
                continue;
            }
            let similarity = cylinder::similarity(ca, cb);
            if similarity > 0.0 {
                out.push(Pair {
                    a: *ia,
                    b: *ib,
                    similarity,
                });
            }
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
        let (ia, ca) = &probe.cylinders[v];
        // Smallest numerator / denominator, compared by cross-multiplying.
        let mut best = ((1.0f32, 0.0f32), usize::MAX);
        for (ib, cb) in &candidate.cylinders {
            let (num, den) = cylinder::rough_distance(ca, cb);
            if num * best.0 .1 < best.0 .0 * den {
                best = ((num, den), *ib);
            }
        }
        let similarity = cylinder::rough_similarity(best.0);
        if best.1 != usize::MAX && similarity > 0.0 {
            let delta = angle::wrap(candidate.points[best.1].angle - probe.points[*ia].angle);
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

/// Greedy one-to-one assignment from the most similar pairs down, `count` pairs at most.
fn best_distinct_pairs(pairs: &mut [Pair], count: usize, na: usize, nb: usize) -> Vec<Pair> {
    // Only the best few can be chosen: partially order them first, then sort that head.
    let head = (count * 3).min(pairs.len());
    if head < pairs.len() && head > 0 {
        pairs.select_nth_unstable_by(head - 1, |x, y| y.similarity.total_cmp(&x.similarity));
    }
    let head = &mut pairs[..head];
    head.sort_by(|x, y| y.similarity.total_cmp(&x.similarity));
    let mut used_a = vec![false; na];
    let mut used_b = vec![false; nb];
    let mut out = Vec::with_capacity(count);
    for p in head.iter() {
        if out.len() == count {
            break;
        }
        if !used_a[p.a] && !used_b[p.b] {
            used_a[p.a] = true;
            used_b[p.b] = true;
            out.push(*p);
        }
    }
    out
}

fn relax(
    pairs: &[Pair],
    probe: &SearchTemplate,
    candidate: &SearchTemplate,
    compatibility: &Compatibility,
) -> Vec<f32> {
    let n = pairs.len();
    let (pn, cn) = (probe.len(), candidate.len());
    let mut rho = vec![0.0f32; n * n];
    for t in 0..n {
        for k in t + 1..n {
            let (at, bt, ak, bk) = (pairs[t].a, pairs[t].b, pairs[k].a, pairs[k].b);
            let d1 = (probe.distance[at * pn + ak] - candidate.distance[bt * cn + bk]).abs();
            let z1 = compatibility.distance.at(d1);
            if z1 == 0.0 {
                continue;
            }
            let da = angle::signed_diff(probe.points[at].angle, probe.points[ak].angle);
            let db = angle::signed_diff(candidate.points[bt].angle, candidate.points[bk].angle);
            let d2 = angle::distance(da, db);
            let d3 = angle::distance(probe.radial[at * pn + ak], candidate.radial[bt * cn + bk]);
            let value = z1 * compatibility.direction.at(d2) * compatibility.radial.at(d3);
            rho[t * n + k] = value;
            rho[k * n + t] = value;
        }
    }
    let mut lambda: Vec<f32> = pairs.iter().map(|p| p.similarity).collect();
    if n < 2 {
        return lambda;
    }
    let mut next = vec![0.0f32; n];
    for _ in 0..RELAXATION_ITERATIONS {
        for t in 0..n {
            let support: f32 = rho[t * n..(t + 1) * n]
                .iter()
                .zip(&lambda)
                .map(|(r, l)| r * l)
                .sum();
            next[t] = RELAXATION_SELF_WEIGHT * lambda[t]
                + (1.0 - RELAXATION_SELF_WEIGHT) * support / (n - 1) as f32;
        }
        std::mem::swap(&mut lambda, &mut next);
    }
    lambda
}
