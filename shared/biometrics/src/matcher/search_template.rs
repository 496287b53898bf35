//! The immutable search form of a template: the minutiae that have a cylinder, ordered so that a
//! comparison can walk straight to the ones whose direction is in range, with their cylinders and
//! the pairwise geometry that consolidation looks up instead of recomputing per comparison.

use super::cylinder::{self, Cylinder, Point, Rough};
use crate::params::{MATCHER_MAX_MINUTIAE, ROTATION_VOTERS};
use crate::primitives::angle;
use crate::Template;

/// Directions are grouped into this many buckets (of `256 / DIRECTION_BUCKETS` ISO units each) to
/// find the cylinders within a direction window without testing every one.
pub(crate) const DIRECTION_BUCKETS: usize = 64;
/// ISO direction units (1/256 turn) per bucket.
pub(crate) const UNITS_PER_BUCKET: usize = 256 / DIRECTION_BUCKETS;

/// A template prepared for matching. Build it once per stored template (1:N candidates) or per
/// probe; comparing two of them allocates nothing and computes no trigonometry.
///
/// Only minutiae with a valid cylinder take part in matching; they are stored in "matching
/// order": cylinders of full discs first, then partial ones (so the comparison loops need not
/// branch on the kind), each group by ascending direction (so a direction window is a range).
#[derive(Clone, Debug)]
pub struct SearchTemplate {
    /// Number of minutiae in the template (with or without a cylinder).
    minutiae: usize,
    pub(crate) cylinders: Vec<Cylinder>,
    /// `cylinders[..full]` have every cell valid; the rest are partial.
    pub(crate) full: usize,
    /// Per group (full, partial), the index of the first cylinder whose direction lies in each
    /// bucket or a later one; entry `DIRECTION_BUCKETS` is the group's end.
    pub(crate) bucket_start: [[u16; DIRECTION_BUCKETS + 1]; 2],
    /// Index in the template's minutiae of each cylinder's minutia.
    pub(crate) source: Vec<u16>,
    /// ISO direction (1/256 turn) of each cylinder's minutia.
    pub(crate) direction: Vec<u8>,
    /// The same direction in radians, and its unit vector `(cos, sin)`.
    pub(crate) angle: Vec<f32>,
    pub(crate) unit: Vec<(f32, f32)>,
    /// What the rotation vote compares of each cylinder, packed together.
    pub(crate) rough: Vec<Rough>,
    /// Indices of the most distinctive cylinders (most set bits), which vote for the global
    /// rotation.
    pub(crate) voters: Vec<u16>,
    /// `m x m` distances between the cylinders' minutiae, row-major.
    pub(crate) distance: Vec<f32>,
    /// `m x m` radial angles: direction of the segment i->j relative to minutia i's direction.
    pub(crate) radial: Vec<f32>,
}

impl SearchTemplate {
    pub fn new(template: &Template) -> Self {
        // ISO angles turn counter-clockwise with y down the image; flipping y gives the usual
        // mathematical frame in which that same angle is a counter-clockwise angle too. Beyond
        // the wire form's limit minutiae are ignored, which bounds the pairwise tables.
        let kept = &template.minutiae[..template.minutiae.len().min(MATCHER_MAX_MINUTIAE)];
        let points: Vec<Point> = kept
            .iter()
            .map(|m| Point {
                x: m.x as f32,
                y: -(m.y as f32),
                angle: angle::from_iso(m.direction),
            })
            .collect();
        let mut with_cylinder: Vec<(usize, Cylinder)> = cylinder::cylinders(&points)
            .into_iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (i, c)))
            .collect();
        with_cylinder.sort_by_key(|(i, c)| (!c.full, kept[*i].direction, *i));
        let full = with_cylinder.iter().filter(|(_, c)| c.full).count();
        let mut bucket_start = [[0u16; DIRECTION_BUCKETS + 1]; 2];
        for (group, range) in [(0, 0..full), (1, full..with_cylinder.len())] {
            let mut next = range.start;
            for (bucket, start) in bucket_start[group].iter_mut().enumerate() {
                while next < range.end
                    && (kept[with_cylinder[next].0].direction as usize) < bucket * UNITS_PER_BUCKET
                {
                    next += 1;
                }
                *start = next as u16;
            }
        }
        let order: Vec<usize> = with_cylinder.iter().map(|(i, _)| *i).collect();
        let m = order.len();
        let mut distance = vec![0.0; m * m];
        let mut radial = vec![0.0; m * m];
        for (i, a) in order.iter().map(|&i| points[i]).enumerate() {
            for (j, b) in order.iter().map(|&j| points[j]).enumerate() {
                distance[i * m + j] = (b.x - a.x).hypot(b.y - a.y);
                radial[i * m + j] = angle::signed_diff((b.y - a.y).atan2(b.x - a.x), a.angle);
            }
        }
        let cylinders: Vec<Cylinder> = with_cylinder.into_iter().map(|(_, c)| c).collect();
        let mut voters: Vec<u16> = (0..m as u16).collect();
        voters.sort_by_key(|&i| (std::cmp::Reverse(cylinders[i as usize].ones), i));
        voters.truncate(ROTATION_VOTERS);
        Self {
            minutiae: kept.len(),
            full,
            bucket_start,
            source: order.iter().map(|&i| i as u16).collect(),
            direction: order.iter().map(|&i| kept[i].direction).collect(),
            angle: order.iter().map(|&i| points[i].angle).collect(),
            unit: order
                .iter()
                .map(|&i| (points[i].angle.cos(), points[i].angle.sin()))
                .collect(),
            rough: cylinders.iter().map(Rough::new).collect(),
            cylinders,
            voters,
            distance,
            radial,
        }
    }

    /// Number of minutiae.
    pub fn len(&self) -> usize {
        self.minutiae
    }

    pub fn is_empty(&self) -> bool {
        self.minutiae == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Minutia, MinutiaKind};

    #[test]
    fn matching_order_is_full_first_then_by_direction_with_bucket_starts() {
        let minutiae = (0..60u16)
            .map(|i| Minutia {
                x: 40 + (i % 8) * 30 + (i * 7 % 11),
                y: 40 + (i / 8) * 30 + (i * 3 % 7),
                direction: (i * 97 % 256) as u8,
                kind: MinutiaKind::Ending,
            })
            .collect();
        let t = SearchTemplate::new(&Template {
            width: 400,
            height: 400,
            quality: 50,
            minutiae,
        });
        assert!(t.full > 0 && t.full < t.cylinders.len());
        for (group, range) in [(0, 0..t.full), (1, t.full..t.cylinders.len())] {
            for i in range.clone() {
                assert_eq!(t.cylinders[i].full, group == 0);
                let bucket = t.direction[i] as usize / UNITS_PER_BUCKET;
                let starts = &t.bucket_start[group];
                assert!((starts[bucket] as usize..starts[bucket + 1] as usize).contains(&i));
            }
            assert_eq!(t.bucket_start[group][0] as usize, range.start);
            assert_eq!(t.bucket_start[group][DIRECTION_BUCKETS] as usize, range.end);
        }
    }
}
