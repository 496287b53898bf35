//! One probe finger against one stored finger: descriptor matches, the groups of them that agree
//! on one placement, and the stored minutiae that placement lands on probe minutiae.

use super::nearest_descriptor::nearest;
use super::probe::{ProbeFinger, Tables};
use crate::search::descriptor::{unpack_geo, Geo, EMPTY_GEO};
use crate::search::params::{
    SCREEN_MIN_DICE, SCREEN_ROTATION_TOLERANCE_ISO, SCREEN_TRANSLATION_TOLERANCE_PX,
};

/// A gallery descriptor matched to its most similar probe descriptor.
#[derive(Clone, Copy, Default)]
pub(super) struct Match {
    dice: f32,
    /// Rotation gallery -> probe, ISO 256ths.
    rotation: u8,
    gx: f32,
    gy: f32,
    px: f32,
    py: f32,
}

/// Each gallery descriptor's nearest probe descriptor, kept when their Dice similarity is
/// evidence.
#[inline(always)]
pub(super) fn best_matches(probe: &ProbeFinger, bits: &[u64], geo: &[Geo], out: &mut Vec<Match>) {
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
pub(super) fn consistent_groups(matches: &[Match], t: &Tables, best: &mut [(f32, usize)]) {
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
pub(super) fn paired_minutiae(probe: &ProbeFinger, geo: &[Geo], seed: &Match, t: &Tables) -> f32 {
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
