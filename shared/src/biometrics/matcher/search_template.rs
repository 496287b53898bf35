//! The immutable search form of a template: minutiae in the matcher's frame, their cylinders and
//! the pairwise geometry that consolidation looks up instead of recomputing per comparison.

use super::cylinder::{self, Cylinder, Point};
use crate::biometrics::params::ROTATION_VOTERS;
use crate::biometrics::primitives::angle;
use crate::biometrics::Template;

/// A template prepared for matching. Build it once per stored template (1:N candidates) or per
/// probe; comparing two of them allocates little and computes no trigonometry.
#[derive(Clone, Debug)]
pub struct SearchTemplate {
    pub(crate) points: Vec<Point>,
    /// Indices into `points` of the minutiae that have a valid cylinder, with the cylinder.
    pub(crate) cylinders: Vec<(usize, Cylinder)>,
    /// Indices into `cylinders` of the most distinctive ones (most set bits), which vote for the
    /// global rotation.
    pub(crate) voters: Vec<usize>,
    /// Unit direction vectors `(cos, sin)` of the minutiae.
    pub(crate) unit: Vec<(f32, f32)>,
    /// `n x n` distances between minutiae, row-major.
    pub(crate) distance: Vec<f32>,
    /// `n x n` radial angles: direction of the segment i->j relative to minutia i's direction.
    pub(crate) radial: Vec<f32>,
}

impl SearchTemplate {
    pub fn new(template: &Template) -> Self {
        // ISO angles turn counter-clockwise with y down the image; flipping y gives the usual
        // mathematical frame in which that same angle is a counter-clockwise angle too.
        let points: Vec<Point> = template
            .minutiae
            .iter()
            .map(|m| Point {
                x: m.x as f32,
                y: -(m.y as f32),
                angle: angle::from_iso(m.direction),
            })
            .collect();
        let n = points.len();
        let mut distance = vec![0.0; n * n];
        let mut radial = vec![0.0; n * n];
        for (i, a) in points.iter().enumerate() {
            for (j, b) in points.iter().enumerate() {
                distance[i * n + j] = (b.x - a.x).hypot(b.y - a.y);
                radial[i * n + j] = angle::signed_diff((b.y - a.y).atan2(b.x - a.x), a.angle);
            }
        }
        let cylinders: Vec<(usize, Cylinder)> = cylinder::cylinders(&points)
            .into_iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (i, c)))
            .collect();
        let unit = points
            .iter()
            .map(|p| (p.angle.cos(), p.angle.sin()))
            .collect();
        let mut voters: Vec<usize> = (0..cylinders.len()).collect();
        voters.sort_by_key(|&i| (std::cmp::Reverse(cylinders[i].1.ones), i));
        voters.truncate(ROTATION_VOTERS);
        Self {
            points,
            cylinders,
            voters,
            unit,
            distance,
            radial,
        }
    }

    /// Number of minutiae.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}
