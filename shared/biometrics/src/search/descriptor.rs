//! Local descriptors for screening: a 64-bit coarse neighbourhood code per minutia (which cells of
//! a small square turned to the minutia's direction hold neighbours, and with what relative
//! direction), and the three-byte packed minutiae that the geometric checks read.
//!
//! The idea is the Minutia Cylinder-Code's (Cappelli, Ferrara & Maltoni 2010) at a much coarser
//! grain: 64 bits instead of about 1,200, so ten fingers fit in a little over a kilobyte.

use super::params::{
    DESCRIPTOR_DIRECTION_BINS, DESCRIPTOR_DIRECTION_TOLERANCE_RAD, DESCRIPTOR_HALF_SIDE_PX,
    DESCRIPTOR_MIN_NEIGHBOURS, DESCRIPTOR_SPATIAL_CELLS, DESCRIPTOR_SPATIAL_TOLERANCE_PX,
};
use crate::Template;
use std::f32::consts::TAU;

const _: () = assert!(
    DESCRIPTOR_SPATIAL_CELLS * DESCRIPTOR_SPATIAL_CELLS * DESCRIPTOR_DIRECTION_BINS <= 64,
    "a descriptor must fit one u64"
);

/// Frames above about 1,020 px are clamped; no scanner frame at 500 ppi comes near it.
const COORD_MAX_HALF: u32 = (1 << 9) - 1;

/// A minutia packed in three bytes: `x/2 + 1` (9 bits), `y/2 + 1` (9 bits), direction in ISO
/// 256ths divided by four (6 bits). The `+ 1` keeps every real minutia non-zero, so all zeros
/// marks an empty slot. Two pixels and 5.6 degrees are well inside the screening tolerances.
pub(crate) type Geo = [u8; 3];

pub(crate) const EMPTY_GEO: Geo = [0; 3];

pub(crate) fn pack_geo(x: u16, y: u16, direction: u8) -> Geo {
    let hx = (u32::from(x) / 2 + 1).min(COORD_MAX_HALF);
    let hy = (u32::from(y) / 2 + 1).min(COORD_MAX_HALF);
    let v = hx << 15 | hy << 6 | u32::from(direction >> 2);
    [v as u8, (v >> 8) as u8, (v >> 16) as u8]
}

/// `(x, y, direction)` back from [`pack_geo`]: x and y in pixels (even), the direction at the
/// centre of its 4-unit bin.
#[inline(always)]
pub(crate) fn unpack_geo(geo: Geo) -> (f32, f32, u8) {
    let v = u32::from(geo[0]) | u32::from(geo[1]) << 8 | u32::from(geo[2]) << 16;
    (
        (((v >> 15) & COORD_MAX_HALF).saturating_sub(1) * 2) as f32,
        (((v >> 6) & COORD_MAX_HALF).saturating_sub(1) * 2) as f32,
        ((v & 63) << 2 | 2) as u8,
    )
}

/// A finger's screening features: the descriptors of up to `max_descriptors` minutiae (those
/// nearest the minutiae's centroid first, skipping minutiae with too few neighbours), each with
/// the index of its minutia, and every minutia in order of distance from the centroid.
pub(crate) struct Features {
    pub descriptors: Vec<(u64, usize)>,
    pub central_order: Vec<usize>,
}

/// Pure function of the template.
pub(crate) fn features(template: &Template, max_descriptors: usize) -> Features {
    let m = &template.minutiae;
    if m.is_empty() {
        return Features {
            descriptors: Vec::new(),
            central_order: Vec::new(),
        };
    }
    // ISO directions turn counter-clockwise with y down the image; in the frame (x, -y) the same
    // number is an ordinary counter-clockwise angle, so positions are taken there.
    let pts: Vec<(f32, f32, f32)> = m
        .iter()
        .map(|p| {
            (
                f32::from(p.x),
                -f32::from(p.y),
                f32::from(p.direction) * TAU / 256.0,
            )
        })
        .collect();
    let n = pts.len() as f32;
    let cx = pts.iter().map(|p| p.0).sum::<f32>() / n;
    let cy = pts.iter().map(|p| p.1).sum::<f32>() / n;
    let mut order: Vec<usize> = (0..pts.len()).collect();
    let d2 = |i: usize| (pts[i].0 - cx).powi(2) + (pts[i].1 - cy).powi(2);
    order.sort_by(|&a, &b| d2(a).total_cmp(&d2(b)).then(a.cmp(&b)));

    let mut descriptors = Vec::with_capacity(max_descriptors.min(pts.len()));
    for &i in &order {
        if descriptors.len() == max_descriptors {
            break;
        }
        let (bits, neighbours) = neighbourhood_bits(&pts, i);
        if neighbours >= DESCRIPTOR_MIN_NEIGHBOURS && bits != 0 {
            descriptors.push((bits, i));
        }
    }
    Features {
        descriptors,
        central_order: order,
    }
}

fn neighbourhood_bits(pts: &[(f32, f32, f32)], centre: usize) -> (u64, usize) {
    const NS: usize = DESCRIPTOR_SPATIAL_CELLS;
    const ND: usize = DESCRIPTOR_DIRECTION_BINS;
    let r = DESCRIPTOR_HALF_SIDE_PX;
    let tol = DESCRIPTOR_SPATIAL_TOLERANCE_PX;
    let cell = 2.0 * r / NS as f32;
    let bin = TAU / ND as f32;
    let (x0, y0, a0) = pts[centre];
    let (c, s) = (a0.cos(), a0.sin());
    let reach = (r + tol) * std::f32::consts::SQRT_2;
    let mut bits = 0u64;
    let mut neighbours = 0;
    for (j, &(x, y, a)) in pts.iter().enumerate() {
        let (dx, dy) = (x - x0, y - y0);
        if j == centre || dx.abs() > reach || dy.abs() > reach {
            continue;
        }
        // Coordinates in the centre minutia's own frame: u along its direction.
        let u = dx * c + dy * s;
        let v = -dx * s + dy * c;
        if u.abs() >= r + tol || v.abs() >= r + tol {
            continue;
        }
        if u.abs() < r && v.abs() < r {
            neighbours += 1;
        }
        let beta = (a - a0).rem_euclid(TAU);
        let cells = |w: f32| {
            let lo = (((w - tol + r) / cell).floor().max(0.0)) as usize;
            let hi = (((w + tol + r) / cell).floor() as isize).clamp(-1, NS as isize - 1);
            (lo, hi)
        };
        let (ilo, ihi) = cells(u);
        let (jlo, jhi) = cells(v);
        if ihi < 0 || jhi < 0 {
            continue;
        }
        let klo = ((beta - DESCRIPTOR_DIRECTION_TOLERANCE_RAD) / bin).floor() as isize;
        let khi = ((beta + DESCRIPTOR_DIRECTION_TOLERANCE_RAD) / bin).floor() as isize;
        for i in ilo..=ihi as usize {
            for jj in jlo..=jhi as usize {
                for k in klo..=khi {
                    let k = k.rem_euclid(ND as isize) as usize;
                    bits |= 1 << ((jj * NS + i) * ND + k);
                }
            }
        }
    }
    (bits, neighbours)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Minutia, MinutiaKind};

    fn template(points: &[(u16, u16, u8)]) -> Template {
        Template {
            width: 400,
            height: 400,
            quality: 80,
            minutiae: points
                .iter()
                .map(|&(x, y, direction)| Minutia {
                    x,
                    y,
                    direction,
                    kind: MinutiaKind::Ending,
                })
                .collect(),
        }
    }

    fn grid(rotation_iso: u8, shift: (f32, f32)) -> Template {
        let a = f32::from(rotation_iso) * TAU / 256.0;
        let (c, s) = (a.cos(), a.sin());
        let pts: Vec<(u16, u16, u8)> = (0..25)
            .map(|i| {
                let (x, y) = ((i % 5) as f32 * 25.0 - 50.0, (i / 5) as f32 * 25.0 - 50.0);
                // Rotate counter-clockwise in the (x, -y) frame, as ISO directions turn.
                let (rx, ry) = (x * c + y * s, -x * s + y * c);
                (
                    (200.0 + rx + shift.0) as u16,
                    (200.0 + ry + shift.1) as u16,
                    ((i * 37) as u8).wrapping_add(rotation_iso),
                )
            })
            .collect();
        template(&pts)
    }

    fn descriptors(t: &Template, max: usize) -> Vec<u64> {
        features(t, max).descriptors.iter().map(|d| d.0).collect()
    }

    #[test]
    fn geo_round_trips_at_two_pixel_resolution() {
        assert_eq!(unpack_geo(pack_geo(301, 57, 200)), (300.0, 56.0, 202));
        assert_eq!(unpack_geo(pack_geo(0, 0, 0)), (0.0, 0.0, 2));
        assert_ne!(pack_geo(0, 0, 0), EMPTY_GEO);
    }

    #[test]
    fn central_minutia_descriptor_survives_rotation_and_shift() {
        let a = descriptors(&grid(0, (0.0, 0.0)), 1);
        let b = descriptors(&grid(40, (17.0, -9.0)), 1);
        let inter = (a[0] & b[0]).count_ones() as f32;
        let dice = 2.0 * inter / (a[0].count_ones() + b[0].count_ones()) as f32;
        assert!(dice > 0.8, "dice {dice}");
    }

    #[test]
    fn isolated_minutiae_give_no_descriptor() {
        assert!(descriptors(&template(&[(10, 10, 0), (300, 300, 0)]), 5).is_empty());
    }

    #[test]
    fn descriptors_are_ordered_from_the_centre_and_capped() {
        let t = grid(0, (0.0, 0.0));
        let f = features(&t, 3);
        assert_eq!(f.descriptors.len(), 3);
        assert_eq!(t.minutiae[f.descriptors[0].1].x, 200);
        assert_eq!(f.central_order.len(), t.minutiae.len());
    }
}
