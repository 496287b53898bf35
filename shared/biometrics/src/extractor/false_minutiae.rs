//! Removal of false minutiae: spurs (rule off, see `params`), short fragments, bridges, broken
//! ridges, border artefacts, unreliable areas and clusters; then a cap keeping the most reliable ones.

use super::minutiae::{Candidate, Stop};
use super::orientation::OrientationField;
use super::segmentation_mask::SegmentationMask;
use crate::params::{
    BLOCK_SIZE_PX, BORDER_MARGIN_PX, CLUSTER_MAX_NEIGHBOURS, CLUSTER_RADIUS_PX,
    MAX_BREAK_ANGLE_RAD, MAX_BREAK_DISTANCE_PX, MAX_BRIDGE_LENGTH_PX, MAX_FRAGMENT_LENGTH_PX,
    MAX_MINUTIAE, MAX_SPUR_LENGTH_PX, MIN_MINUTIA_COHERENCE,
};
use crate::primitives::angle;
use crate::MinutiaKind;
use std::f32::consts::PI;

/// A surviving minutia with its reliability (0..1), used to rank and cap.
pub(crate) struct Kept {
    pub candidate: Candidate,
    pub reliability: f32,
}

pub(crate) fn false_minutiae(
    candidates: Vec<Candidate>,
    mask: &SegmentationMask,
    field: &OrientationField,
) -> Vec<Kept> {
    let n = candidates.len();
    let mut removed = vec![false; n];
    let near = |x: usize, y: usize, kind: MinutiaKind| {
        candidates
            .iter()
            .position(|c| c.kind == kind && c.x.abs_diff(x) <= 2 && c.y.abs_diff(y) <= 2)
    };
    // Skeleton-topology artefacts: both ends of the offending short ridge are false.
    for (i, c) in candidates.iter().enumerate() {
        for b in &c.branches {
            let partner = match (c.kind, b.stop) {
                (MinutiaKind::Ending, Stop::Junction)
                    if MAX_SPUR_LENGTH_PX.is_some_and(|max| b.steps <= max) =>
                {
                    Some(near(b.end_x, b.end_y, MinutiaKind::Bifurcation))
                }
                (MinutiaKind::Ending, Stop::Ending) if b.steps <= MAX_FRAGMENT_LENGTH_PX => {
                    Some(near(b.end_x, b.end_y, MinutiaKind::Ending))
                }
                (MinutiaKind::Bifurcation, Stop::Junction) if b.steps <= MAX_BRIDGE_LENGTH_PX => {
                    Some(near(b.end_x, b.end_y, MinutiaKind::Bifurcation))
                }
                _ => None,
            };
            if let Some(partner) = partner {
                removed[i] = true;
                if let Some(j) = partner {
                    removed[j] = true;
                }
            }
        }
    }
    // Broken ridges: two endings close together, pointing away from each other, each facing the
    // other across the gap.
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&candidates[i], &candidates[j]);
            if a.kind != MinutiaKind::Ending || b.kind != MinutiaKind::Ending {
                continue;
            }
            let (dx, dy) = (b.x as f32 - a.x as f32, b.y as f32 - a.y as f32);
            if dx.hypot(dy) > MAX_BREAK_DISTANCE_PX {
                continue;
            }
            let gap = dy.atan2(dx);
            let opposed = angle::distance(a.angle, b.angle + PI) <= MAX_BREAK_ANGLE_RAD;
            let facing = angle::distance(gap, a.angle + PI) <= MAX_BREAK_ANGLE_RAD;
            if opposed && facing {
                removed[i] = true;
                removed[j] = true;
            }
        }
    }
    let reliability = |c: &Candidate| {
        let coherence = field
            .coherence
            .get(c.x / BLOCK_SIZE_PX, c.y / BLOCK_SIZE_PX);
        let border = mask.border_distance_px.get(c.x, c.y);
        (coherence, border)
    };
    for (i, c) in candidates.iter().enumerate() {
        let (coherence, border) = reliability(c);
        if border < BORDER_MARGIN_PX || coherence < MIN_MINUTIA_COHERENCE {
            removed[i] = true;
        }
    }
    // Clusters: many minutiae in a small disc mean a scar, crease or smudge, not ridge detail.
    let survivors: Vec<usize> = (0..n).filter(|&i| !removed[i]).collect();
    let mut clustered = vec![false; n];
    for &i in &survivors {
        let close: Vec<usize> = survivors
            .iter()
            .copied()
            .filter(|&j| {
                j != i
                    && (candidates[i].x as f32 - candidates[j].x as f32)
                        .hypot(candidates[i].y as f32 - candidates[j].y as f32)
                        <= CLUSTER_RADIUS_PX
            })
            .collect();
        if close.len() >= CLUSTER_MAX_NEIGHBOURS {
            clustered[i] = true;
            close.iter().for_each(|&j| clustered[j] = true);
        }
    }
    let mut kept: Vec<Kept> = candidates
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| !removed[i] && !clustered[i])
        .map(|(_, c)| {
            let (coherence, border) = reliability(&c);
            let reliability = coherence * (border / (3.0 * BORDER_MARGIN_PX)).min(1.0);
            Kept {
                candidate: c,
                reliability,
            }
        })
        .collect();
    // Stable order: most reliable first, ties by position, so the cap is deterministic.
    kept.sort_by(|a, b| {
        b.reliability
            .total_cmp(&a.reliability)
            .then((a.candidate.y, a.candidate.x).cmp(&(b.candidate.y, b.candidate.x)))
    });
    kept.truncate(MAX_MINUTIAE);
    kept
}

#[cfg(test)]
mod tests {
    use super::super::minutiae::Branch;
    use super::super::orientation::OrientationField;
    use super::*;
    use crate::primitives::grid::Grid;

    fn candidate(
        x: usize,
        y: usize,
        kind: MinutiaKind,
        angle: f32,
        branch: Option<Branch>,
    ) -> Candidate {
        Candidate {
            x,
            y,
            kind,
            angle,
            branches: branch.into_iter().collect(),
        }
    }

    fn context() -> (SegmentationMask, OrientationField) {
        // Distance to the top and left image edges.
        let mut border = Grid::new(200, 200, 0.0);
        for y in 0..200 {
            for x in 0..200 {
                border.set(x, y, x.min(y) as f32);
            }
        }
        let mask = SegmentationMask {
            blocks: Grid::new(25, 25, true),
            border_distance_px: border,
        };
        let field = OrientationField {
            angle: Grid::new(25, 25, 0.0),
            cos2: Grid::new(25, 25, 1.0),
            sin2: Grid::new(25, 25, 0.0),
            coherence: Grid::new(25, 25, 0.8),
        };
        (mask, field)
    }

    #[test]
    fn removes_fragments_breaks_and_border_minutiae_but_keeps_clean_ones() {
        let (mask, field) = context();
        // A short ridge fragment: two endings 8 px apart along one ridge.
        let to_right = Branch {
            end_x: 60,
            end_y: 50,
            steps: 8,
            stop: Stop::Ending,
        };
        let to_left = Branch {
            end_x: 52,
            end_y: 50,
            steps: 8,
            stop: Stop::Ending,
        };
        let long = Branch {
            end_x: 0,
            end_y: 0,
            steps: 24,
            stop: Stop::Length,
        };
        let candidates = vec![
            candidate(52, 50, MinutiaKind::Ending, 0.0, Some(to_right)),
            candidate(60, 50, MinutiaKind::Ending, PI, Some(to_left)),
            // A broken ridge: endings at 100 and 110 facing each other.
            candidate(100, 120, MinutiaKind::Ending, PI, Some(long)),
            candidate(110, 120, MinutiaKind::Ending, 0.0, Some(long)),
            // Too close to the border.
            candidate(150, 3, MinutiaKind::Ending, 0.0, Some(long)),
            // A genuine, isolated ending.
            candidate(150, 150, MinutiaKind::Ending, 1.0, Some(long)),
        ];
        let kept = false_minutiae(candidates, &mask, &field);
        assert_eq!(kept.len(), 1);
        assert_eq!((kept[0].candidate.x, kept[0].candidate.y), (150, 150));
    }
}
