//! Minutia Cylinder-Code descriptors (Cappelli, Ferrara & Maltoni 2010), bit-vector form: for each
//! minutia, which cells of a cylinder around it (space x relative direction) hold neighbours.
//! Compared by XOR and popcount, they are invariant to rotation and translation by construction.

use super::hull;
use crate::params::{
    CYLINDER_BIT_THRESHOLD, CYLINDER_DIRECTIONAL_CELLS, CYLINDER_HULL_OFFSET_PX,
    CYLINDER_MIN_COMMON_CELL_FRACTION, CYLINDER_MIN_NEIGHBOURS, CYLINDER_MIN_VALID_CELL_FRACTION,
    CYLINDER_RADIUS_PX, CYLINDER_SIGMA_DIRECTIONAL_RAD, CYLINDER_SIGMA_SPATIAL_PX,
    CYLINDER_SPATIAL_CELLS, ROTATION_VOTE_WORD_STEP,
};
use crate::primitives::angle::{self, TAU};

const NS: usize = CYLINDER_SPATIAL_CELLS;
const ND: usize = CYLINDER_DIRECTIONAL_CELLS;
/// Only the cells whose centre lies inside the cylinder's disc are stored (about π/4 of the square).
const DISC_CELLS: usize = disc_cells();
pub(crate) const WORDS: usize = (DISC_CELLS * ND).div_ceil(64);
/// Words compared by the rotation vote's rough distance.
pub(crate) const ROUGH_WORDS: usize = WORDS.div_ceil(ROTATION_VOTE_WORD_STEP);
/// Words of the per-cell (not per-bit) validity mask.
const CELL_WORDS: usize = DISC_CELLS.div_ceil(64);

const fn in_disc(cell_index: usize) -> bool {
    let cell = 2.0 * CYLINDER_RADIUS_PX / NS as f32;
    let u = ((cell_index % NS) as f32 + 0.5 - NS as f32 / 2.0) * cell;
    let v = ((cell_index / NS) as f32 + 0.5 - NS as f32 / 2.0) * cell;
    u * u + v * v <= CYLINDER_RADIUS_PX * CYLINDER_RADIUS_PX
}

const fn disc_cells() -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < NS * NS {
        if in_disc(i) {
            count += 1;
        }
        i += 1;
    }
    count
}

/// A minutia in the matcher's frame: x right, y up, direction counter-clockwise from x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    pub x: f32,
    pub y: f32,
    pub angle: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cylinder {
    pub bits: [u64; WORDS],
    pub valid: [u64; WORDS],
    /// Valid cells, one bit per cell: counting common valid cells this way takes a fifth of the
    /// work of counting common valid bits.
    pub valid_cells: [u64; CELL_WORDS],
    /// Number of valid bits (cells x layers).
    pub valid_count: u32,
    /// Every cell valid (the common case away from the print's edge): comparisons of two such
    /// cylinders skip the validity masks.
    pub full: bool,
    /// Number of set bits, and its square root (the bit vector's norm).
    pub ones: u32,
    pub norm: f32,
}

/// Cylinders for every minutia; `None` where too little of the cylinder is inside the print or it
/// holds too few neighbours to say anything.
pub(crate) fn cylinders(points: &[Point]) -> Vec<Option<Cylinder>> {
    let hull = hull::convex_hull(&points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>());
    let cell = 2.0 * CYLINDER_RADIUS_PX / NS as f32;
    let reach = 3.0 * CYLINDER_SIGMA_SPATIAL_PX;
    let two_ss = 2.0 * CYLINDER_SIGMA_SPATIAL_PX * CYLINDER_SIGMA_SPATIAL_PX;
    let two_sd = 2.0 * CYLINDER_SIGMA_DIRECTIONAL_RAD * CYLINDER_SIGMA_DIRECTIONAL_RAD;
    let spatial_norm = 1.0 / (CYLINDER_SIGMA_SPATIAL_PX * TAU.sqrt());
    // The directional term integrates a Gaussian over the layer's width; for a layer narrower
    // than the Gaussian, height x width is a close approximation.
    let layer = TAU / ND as f32;
    let directional_norm = layer / (CYLINDER_SIGMA_DIRECTIONAL_RAD * TAU.sqrt());

    points
        .iter()
        .enumerate()
        .map(|(m, centre)| {
            let neighbours: Vec<(f32, f32, f32)> = points
                .iter()
                .enumerate()
                .filter(|&(t, p)| {
                    t != m && (p.x - centre.x).hypot(p.y - centre.y) <= CYLINDER_RADIUS_PX + reach
                })
                .map(|(_, p)| (p.x, p.y, angle::signed_diff(centre.angle, p.angle)))
                .collect();
            if neighbours.len() < CYLINDER_MIN_NEIGHBOURS {
                return None;
            }
            let (c, s) = (centre.angle.cos(), centre.angle.sin());
            let mut cyl = Cylinder {
                bits: [0; WORDS],
                valid: [0; WORDS],
                valid_cells: [0; CELL_WORDS],
                valid_count: 0,
                full: false,
                ones: 0,
                norm: 0.0,
            };
            let mut valid_cell_count = 0;
            let mut disc_index = 0;
            for cell_index in 0..NS * NS {
                if !in_disc(cell_index) {
                    continue;
                }
                let (u, v) = cell_offset(cell_index, cell);
                disc_index += 1;
                let px = centre.x + u * c - v * s;
                let py = centre.y + u * s + v * c;
                if hull::distance_outside(&hull, (px, py)) > CYLINDER_HULL_OFFSET_PX {
                    continue;
                }
                valid_cell_count += 1;
                let c = disc_index - 1;
                cyl.valid_cells[c / 64] |= 1 << (c % 64);
                let mut layers = [0.0f32; ND];
                for &(nx, ny, dtheta) in &neighbours {
                    let d2 = (nx - px) * (nx - px) + (ny - py) * (ny - py);
                    if d2 > reach * reach {
                        continue;
                    }
                    let spatial = spatial_norm * (-d2 / two_ss).exp();
                    for (k, l) in layers.iter_mut().enumerate() {
                        let layer_angle = -std::f32::consts::PI + (k as f32 + 0.5) * layer;
                        let a = angle::signed_diff(layer_angle, dtheta);
                        *l += spatial * directional_norm * (-a * a / two_sd).exp();
                    }
                }
                for (k, &l) in layers.iter().enumerate() {
                    let bit = (disc_index - 1) * ND + k;
                    cyl.valid[bit / 64] |= 1 << (bit % 64);
                    if l > CYLINDER_BIT_THRESHOLD {
                        cyl.bits[bit / 64] |= 1 << (bit % 64);
                    }
                }
            }
            if (valid_cell_count as f32) < CYLINDER_MIN_VALID_CELL_FRACTION * DISC_CELLS as f32 {
                return None;
            }
            cyl.valid_count = (valid_cell_count * ND) as u32;
            cyl.full = valid_cell_count == DISC_CELLS;
            cyl.ones = cyl.bits.iter().map(|w| w.count_ones()).sum();
            cyl.norm = (cyl.ones as f32).sqrt();
            Some(cyl)
        })
        .collect()
}

/// Offset of a cell centre from the cylinder centre, in the minutia's own frame.
fn cell_offset(cell_index: usize, cell: f32) -> (f32, f32) {
    let (i, j) = (cell_index % NS, cell_index / NS);
    (
        (i as f32 + 0.5 - NS as f32 / 2.0) * cell,
        (j as f32 + 0.5 - NS as f32 / 2.0) * cell,
    )
}

/// Most bits a cylinder holds.
const MAX_BITS: usize = DISC_CELLS * ND;

/// Square roots of every bit count, `0..=MAX_BITS`: the similarities take three per pair, and a
/// table read is cheaper than the root and gives the same value.
#[derive(Clone, Debug)]
pub(crate) struct Roots(Vec<f32>);

impl Roots {
    pub fn new() -> Self {
        Self((0..=MAX_BITS).map(|n| (n as f32).sqrt()).collect())
    }

    #[inline(always)]
    fn of(&self, count: u32) -> f32 {
        self.0[count as usize]
    }
}

/// Similarity 0..1 of two cylinders over the cells valid in both (0 when they share too few).
/// The comparison loops call the variant for the kinds at hand directly.
#[cfg(test)]
pub(crate) fn similarity(a: &Cylinder, b: &Cylinder) -> f32 {
    let roots = Roots::new();
    match (a.full, b.full) {
        (true, true) => similarity_full(a, b, &roots),
        (true, false) => similarity_full_partial(a, b, &roots),
        (false, true) => similarity_full_partial(b, a, &roots),
        (false, false) => similarity_partial(a, b, &roots),
    }
}

/// [`similarity`] of two full cylinders: set bits lie only in valid cells, so no mask applies.
#[inline(always)]
pub(crate) fn similarity_full(a: &Cylinder, b: &Cylinder, roots: &Roots) -> f32 {
    let norms = a.norm + b.norm;
    if norms > 0.0 {
        1.0 - roots.of(xor_count(a, b)) / norms
    } else {
        0.0
    }
}

/// [`similarity`] of a full and a partial cylinder (either order gives the same value): the full
/// one's valid cells cover the partial one's, so only the partial one's mask applies.
#[inline(always)]
pub(crate) fn similarity_full_partial(full: &Cylinder, partial: &Cylinder, roots: &Roots) -> f32 {
    let min_common = CYLINDER_MIN_COMMON_CELL_FRACTION * full.valid_count as f32;
    if (partial.valid_count as f32) < min_common {
        return 0.0;
    }
    let (n_full, nx) = masked_counts(full, partial);
    finish(n_full, partial.ones, nx, roots)
}

/// [`similarity`] of two partial cylinders.
#[inline(always)]
pub(crate) fn similarity_partial(a: &Cylinder, b: &Cylinder, roots: &Roots) -> f32 {
    // Too little common area is decided from the cell masks before any bit is counted.
    let mut common_cells = 0u32;
    for w in 0..CELL_WORDS {
        common_cells += (a.valid_cells[w] & b.valid_cells[w]).count_ones();
    }
    let common = common_cells * ND as u32;
    if (common as f32) < CYLINDER_MIN_COMMON_CELL_FRACTION * a.valid_count.max(b.valid_count) as f32
    {
        return 0.0;
    }
    // Set bits lie only in their own cylinder's valid cells: masking each side with the other's
    // validity masks both with the common validity.
    let (mut na, mut nb, mut nx) = (0u32, 0u32, 0u32);
    for w in 0..WORDS {
        let (x, y) = (a.bits[w] & b.valid[w], b.bits[w] & a.valid[w]);
        na += x.count_ones();
        nb += y.count_ones();
        nx += (x ^ y).count_ones();
    }
    finish(na, nb, nx, roots)
}

#[inline(always)]
fn finish(na: u32, nb: u32, nx: u32, roots: &Roots) -> f32 {
    if na + nb == 0 {
        return 0.0;
    }
    1.0 - roots.of(nx) / (roots.of(na) + roots.of(nb))
}

/// What [`rough_distance`] compares of a cylinder: a sample of its words (bands of cells spread
/// across the whole disc) and its norm, packed so that a row of comparisons reads contiguous
/// memory.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Rough {
    words: [u64; ROUGH_WORDS],
    norm: f32,
}

impl Rough {
    pub fn new(c: &Cylinder) -> Self {
        let mut words = [0; ROUGH_WORDS];
        for (o, w) in words
            .iter_mut()
            .zip((0..WORDS).step_by(ROTATION_VOTE_WORD_STEP))
        {
            *o = c.bits[w];
        }
        Self {
            words,
            norm: c.norm,
        }
    }
}

/// A cheaper, validity-blind dissimilarity, good enough to find each cylinder's likely partner
/// when voting for the global rotation: the squared distance term of [`similarity`] without the
/// masks, on a sample of words only (scaled back up to the whole cylinder), as a fraction
/// `(numerator, denominator)` so comparing two needs no division or root.
#[inline(always)]
pub(crate) fn rough_distance(a: &Rough, b: &Rough) -> (f32, f32) {
    let mut differing = 0u32;
    for w in 0..ROUGH_WORDS {
        differing += (a.words[w] ^ b.words[w]).count_ones();
    }
    let norms = a.norm + b.norm;
    (
        ROTATION_VOTE_WORD_STEP as f32 * differing as f32,
        norms * norms,
    )
}

/// The similarity a [`rough_distance`] stands for.
pub(crate) fn rough_similarity((numerator, denominator): (f32, f32)) -> f32 {
    if denominator > 0.0 {
        1.0 - (numerator / denominator).sqrt()
    } else {
        0.0
    }
}

#[inline(always)]
fn xor_count(a: &Cylinder, b: &Cylinder) -> u32 {
    let mut n = 0;
    for w in 0..WORDS {
        n += (a.bits[w] ^ b.bits[w]).count_ones();
    }
    n
}

/// For a full `full` and a partial `partial`: set bits of `full` inside `partial`'s valid cells, and
/// the differing bits there.
#[inline(always)]
fn masked_counts(full: &Cylinder, partial: &Cylinder) -> (u32, u32) {
    let (mut n, mut nx) = (0u32, 0u32);
    for w in 0..WORDS {
        let x = full.bits[w] & partial.valid[w];
        n += x.count_ones();
        nx += (x ^ partial.bits[w]).count_ones();
    }
    (n, nx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid_points(rotation: f32, shift: (f32, f32)) -> Vec<Point> {
        let (c, s) = (rotation.cos(), rotation.sin());
        (0..25)
            .map(|i| {
                let (x, y) = (
                    (i % 5) as f32 * 30.0 + (i * 7 % 11) as f32,
                    (i / 5) as f32 * 30.0 + (i * 3 % 7) as f32,
                );
                Point {
                    x: x * c - y * s + shift.0,
                    y: x * s + y * c + shift.1,
                    angle: angle::wrap(i as f32 * 0.7 + rotation),
                }
            })
            .collect()
    }

    #[test]
    fn cylinders_are_invariant_to_rotation_and_translation() {
        let a = cylinders(&grid_points(0.0, (0.0, 0.0)));
        let b = cylinders(&grid_points(1.1, (40.0, -25.0)));
        let centre = 12;
        let (ca, cb) = (a[centre].as_ref().unwrap(), b[centre].as_ref().unwrap());
        assert!(
            similarity(ca, cb) > 0.8,
            "same minutia: {}",
            similarity(ca, cb)
        );
        assert!(similarity(ca, a[0].as_ref().unwrap_or(ca)) < similarity(ca, cb));
        assert_eq!(similarity(ca, ca), 1.0);
    }

    #[test]
    fn lone_minutiae_have_no_cylinder() {
        let lone = [
            Point {
                x: 0.0,
                y: 0.0,
                angle: 0.0,
            },
            Point {
                x: 500.0,
                y: 0.0,
                angle: 0.0,
            },
        ];
        assert!(cylinders(&lone).iter().all(Option::is_none));
    }
}
