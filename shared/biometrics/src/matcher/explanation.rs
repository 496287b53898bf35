//! Why two templates scored what they scored, for a person deciding without the images: the
//! minutiae pairs the matcher's consolidation averaged, the rigid alignment they imply, and both
//! minutiae sets in the probe's frame for drawing. Read from the matcher's own consolidation, not
//! recomputed by another algorithm.

use super::calibration::calibrate;
use super::consolidation::{consolidate, Compatibility, RelaxedPair};
use super::SearchTemplate;
use crate::params::EXPLAIN_MIN_RELAXATION_KEPT;
use crate::primitives::angle;
use crate::{MinutiaKind, Template};

/// The evidence behind one comparison score. Coordinates are pixels at 500 ppi with y pointing
/// down the image; angles are radians counter-clockwise as seen on the image (the sense of ISO
/// 19794-2 minutia directions).
#[derive(Clone, Debug, PartialEq)]
pub struct MatchExplanation {
    /// The calibrated score, equal to [`crate::MatcherProbe::score`] for the same pair.
    pub score: f32,
    /// The rigid transform taking candidate coordinates into the probe's frame: turn by
    /// `rotation_rad` about the image origin, then shift by `(dx_px, dy_px)`. On the image that is
    /// `x' = x cos r + y sin r + dx`, `y' = -x sin r + y cos r + dy`, and directions gain `r`.
    pub rotation_rad: f32,
    pub dx_px: f32,
    pub dy_px: f32,
    /// The minutiae pairs the score rests on, most supported first: of the pairs consolidation
    /// averaged into the score (at most 12), those that kept their similarity through relaxation;
    /// the rest were isolated coincidences, relaxed to almost nothing. Impostor comparisons
    /// usually have none.
    pub pairs: Vec<MatchedPair>,
    /// Every probe minutia, untransformed, in the order of the probe template.
    pub probe_minutiae: Vec<AlignedMinutia>,
    /// Every candidate minutia moved into the probe's frame, in the order of the candidate template.
    pub candidate_minutiae: Vec<AlignedMinutia>,
}

/// One paired minutia of each template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MatchedPair {
    /// Index into the probe template's `minutiae` (and [`MatchExplanation::probe_minutiae`]).
    pub probe_index: usize,
    /// Index into the candidate template's `minutiae` (and
    /// [`MatchExplanation::candidate_minutiae`]).
    pub candidate_index: usize,
    /// What this pair adds to the uncalibrated similarity (0 to 1) behind the score; over all the
    /// pairs the matcher averaged (those listed and those not) these sum to that similarity.
    pub contribution: f32,
}

/// A minutia placed for drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlignedMinutia {
    pub x: f32,
    pub y: f32,
    pub angle_rad: f32,
    pub kind: MinutiaKind,
}

/// Explains the comparison of `candidate` against `probe`: the same score as
/// `MatcherProbe::new(probe).score_template(candidate)`, with the pairs and alignment behind it.
/// Pure and deterministic; never fails (templates with no comparable minutiae give score 0, no
/// pairs and the identity transform).
pub fn explain(probe: &Template, candidate: &Template) -> MatchExplanation {
    let (search_probe, search_candidate) =
        (SearchTemplate::new(probe), SearchTemplate::new(candidate));
    let consolidation = consolidate(&search_probe, &search_candidate, &Compatibility::new());
    let wanted = consolidation.wanted as f32;
    let supported: Vec<&RelaxedPair> = consolidation.pairs[..consolidation.len]
        .iter()
        .filter(|p| p.relaxed >= EXPLAIN_MIN_RELAXATION_KEPT * p.local)
        .collect();
    let pairs: Vec<MatchedPair> = supported
        .iter()
        .map(|p| MatchedPair {
            probe_index: search_probe.source[p.a as usize] as usize,
            candidate_index: search_candidate.source[p.b as usize] as usize,
            contribution: p.relaxed / wanted,
        })
        .collect();
    let weighted: Vec<(Point, Point, f32)> = pairs
        .iter()
        .map(|p| {
            (
                Point::of(probe, p.probe_index),
                Point::of(candidate, p.candidate_index),
                p.contribution,
            )
        })
        .collect();
    let transform = Rigid::fit(&weighted);
    MatchExplanation {
        score: calibrate(consolidation.score),
        rotation_rad: transform.rotation_rad,
        dx_px: transform.dx,
        dy_px: transform.dy,
        pairs,
        probe_minutiae: (0..probe.minutiae.len())
            .map(|i| Point::of(probe, i).drawn(probe.minutiae[i].kind))
            .collect(),
        candidate_minutiae: (0..candidate.minutiae.len())
            .map(|i| {
                transform
                    .apply(Point::of(candidate, i))
                    .drawn(candidate.minutiae[i].kind)
            })
            .collect(),
    }
}

/// A minutia's position and direction in image coordinates (y down, angle counter-clockwise on
/// screen).
#[derive(Clone, Copy, Debug)]
struct Point {
    x: f32,
    y: f32,
    angle: f32,
}

impl Point {
    fn of(template: &Template, index: usize) -> Self {
        let m = template.minutiae[index];
        Self {
            x: m.x as f32,
            y: m.y as f32,
            angle: angle::from_iso(m.direction),
        }
    }

    fn drawn(self, kind: MinutiaKind) -> AlignedMinutia {
        AlignedMinutia {
            x: self.x,
            y: self.y,
            angle_rad: self.angle,
            kind,
        }
    }
}

/// A rotation about the origin then a shift, in image coordinates (see [`MatchExplanation`]).
#[derive(Clone, Copy, Debug)]
struct Rigid {
    rotation_rad: f32,
    dx: f32,
    dy: f32,
}

impl Rigid {
    const IDENTITY: Self = Self {
        rotation_rad: 0.0,
        dx: 0.0,
        dy: 0.0,
    };

    /// Weighted least-squares fit of `(probe, candidate, weight)` correspondences (the 2-D
    /// Procrustes solution). One pair fixes the rotation by its directions instead of positions.
    fn fit(pairs: &[(Point, Point, f32)]) -> Self {
        let total: f32 = pairs.iter().map(|p| p.2).sum();
        if pairs.is_empty() || total <= 0.0 {
            return Self::IDENTITY;
        }
        let mean = |f: &dyn Fn(&(Point, Point, f32)) -> f32| {
            pairs.iter().map(|p| p.2 * f(p)).sum::<f32>() / total
        };
        let (px, py) = (mean(&|p| p.0.x), mean(&|p| p.0.y));
        let (cx, cy) = (mean(&|p| p.1.x), mean(&|p| p.1.y));
        // In the y-up frame (X = x, Y = -y) the rotation is counter-clockwise; its angle is that of
        // the weighted sum of candidate-probe vector products.
        let (mut dot, mut cross) = (0.0f32, 0.0f32);
        for (p, c, w) in pairs {
            let (ax, ay) = (c.x - cx, -(c.y - cy));
            let (bx, by) = (p.x - px, -(p.y - py));
            dot += w * (ax * bx + ay * by);
            cross += w * (ax * by - ay * bx);
        }
        let rotation_rad = if pairs.len() == 1 || (dot == 0.0 && cross == 0.0) {
            angle::signed_diff(pairs[0].0.angle, pairs[0].1.angle)
        } else {
            cross.atan2(dot)
        };
        let turned = Self {
            rotation_rad,
            dx: 0.0,
            dy: 0.0,
        }
        .apply(Point {
            x: cx,
            y: cy,
            angle: 0.0,
        });
        Self {
            rotation_rad,
            dx: px - turned.x,
            dy: py - turned.y,
        }
    }

    fn apply(self, p: Point) -> Point {
        let (s, c) = self.rotation_rad.sin_cos();
        Point {
            x: p.x * c + p.y * s + self.dx,
            y: -p.x * s + p.y * c + self.dy,
            angle: angle::wrap(p.angle + self.rotation_rad),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(x: f32, y: f32, angle: f32) -> Point {
        Point { x, y, angle }
    }

    #[test]
    fn fit_recovers_a_known_rigid_transform_and_apply_inverts_nothing_else() {
        let truth = Rigid {
            rotation_rad: 0.4,
            dx: 12.0,
            dy: -7.0,
        };
        let candidate = [
            point(10.0, 20.0, 0.1),
            point(80.0, 25.0, 1.0),
            point(40.0, 90.0, 2.0),
            point(120.0, 140.0, 3.0),
        ];
        let pairs: Vec<(Point, Point, f32)> = candidate
            .iter()
            .map(|&c| (truth.apply(c), c, 1.0))
            .collect();
        let fit = Rigid::fit(&pairs);
        assert!((fit.rotation_rad - 0.4).abs() < 1e-4, "{fit:?}");
        assert!(
            (fit.dx - 12.0).abs() < 1e-2 && (fit.dy + 7.0).abs() < 1e-2,
            "{fit:?}"
        );
        // A direction pointing along +x on screen, turned counter-clockwise on screen, points up
        // (towards smaller y).
        let turned = Rigid {
            rotation_rad: std::f32::consts::FRAC_PI_2,
            dx: 0.0,
            dy: 0.0,
        }
        .apply(point(10.0, 0.0, 0.0));
        assert!(turned.x.abs() < 1e-4 && (turned.y + 10.0).abs() < 1e-4);
    }

    #[test]
    fn no_pairs_give_the_identity_and_one_pair_aligns_its_directions() {
        let id = Rigid::fit(&[]);
        assert_eq!((id.rotation_rad, id.dx, id.dy), (0.0, 0.0, 0.0));
        let one = Rigid::fit(&[(point(50.0, 50.0, 1.0), point(20.0, 30.0, 0.5), 1.0)]);
        assert!((one.rotation_rad - 0.5).abs() < 1e-5);
        let moved = one.apply(point(20.0, 30.0, 0.5));
        assert!((moved.x - 50.0).abs() < 1e-3 && (moved.y - 50.0).abs() < 1e-3);
    }
}
