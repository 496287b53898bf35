//! Minutiae from the skeleton by crossing number (1 = ending, 3 = bifurcation), with each
//! minutia's ridges followed a short way to read its direction and, later, to judge it.

use super::orientation::OrientationField;
use super::segmentation_mask::SegmentationMask;
use super::thinning::{neighbourhood, transitions, RING};
use crate::params::{DIRECTION_TRACE_PX, MAX_TRACE_PX};
use crate::primitives::angle;
use crate::primitives::grid::Grid;
use crate::MinutiaKind;
use std::f32::consts::PI;

/// How a followed ridge stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    /// At a ridge end.
    Ending,
    /// At a pixel where the ridge splits.
    Junction,
    /// After `MAX_TRACE_PX` steps.
    Length,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Branch {
    pub end_x: usize,
    pub end_y: usize,
    pub steps: usize,
    pub stop: Stop,
}

/// A minutia as found on the skeleton, before false ones are removed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    pub x: usize,
    pub y: usize,
    pub kind: MinutiaKind,
    /// Direction in image axes (radians from x toward y): into the ridge for an ending, between
    /// the two forks for a bifurcation (the same direction a ridge ending has in the negative
    /// image, so the two kinds agree when a print's ridges and valleys swap).
    pub angle: f32,
    pub branches: Vec<Branch>,
}

pub(crate) fn minutiae(
    skeleton: &Grid<bool>,
    mask: &SegmentationMask,
    field: &OrientationField,
) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for y in 1..skeleton.height.saturating_sub(1) {
        for x in 1..skeleton.width - 1 {
            if !skeleton.get(x, y) || !mask.contains_pixel(x, y) {
                continue;
            }
            let code = neighbourhood(skeleton, x, y);
            let kind = match transitions(code) {
                1 if code.count_ones() == 1 => MinutiaKind::Ending,
                3 => MinutiaKind::Bifurcation,
                _ => continue,
            };
            // A junction can span two adjacent pixels; report it once.
            if kind == MinutiaKind::Bifurcation
                && found
                    .iter()
                    .rev()
                    .take(8)
                    .any(|c| c.kind == kind && c.x.abs_diff(x) <= 1 && c.y.abs_diff(y) <= 1)
            {
                continue;
            }
            let (branches, ends) = follow_branches(skeleton, x, y, code);
            let traced = match kind {
                MinutiaKind::Ending => ends
                    .first()
                    .map(|&(ex, ey)| (ey - y as f32).atan2(ex - x as f32)),
                MinutiaKind::Bifurcation => fork_direction(x, y, &ends),
            };
            let Some(traced) = traced else { continue };
            // The orientation field is more precise than a 10 px trace; the trace says which way.
            let ridge = field.at_pixel(x as f32, y as f32);
            let angle = if angle::distance(ridge, traced) <= PI / 2.0 {
                ridge
            } else {
                angle::wrap(ridge + PI)
            };
            found.push(Candidate {
                x,
                y,
                kind,
                angle,
                branches,
            });
        }
    }
    found
}

/// The two forks are the pair of branches closest in direction; the minutia points between them.
fn fork_direction(x: usize, y: usize, ends: &[(f32, f32)]) -> Option<f32> {
    if ends.len() != 3 {
        return None;
    }
    let dirs: Vec<f32> = ends
        .iter()
        .map(|&(ex, ey)| (ey - y as f32).atan2(ex - x as f32))
        .collect();
    let (i, j) = [(0, 1), (0, 2), (1, 2)]
        .into_iter()
        .min_by(|&(a, b), &(c, d)| {
            angle::distance(dirs[a], dirs[b]).total_cmp(&angle::distance(dirs[c], dirs[d]))
        })?;
    Some((dirs[i].sin() + dirs[j].sin()).atan2(dirs[i].cos() + dirs[j].cos()))
}

/// Follows every ridge leaving `(x, y)`: one per group of ring-adjacent neighbours. Returns each
/// branch's stop and the point `DIRECTION_TRACE_PX` along it (for the direction).
fn follow_branches(
    skeleton: &Grid<bool>,
    x: usize,
    y: usize,
    code: u8,
) -> (Vec<Branch>, Vec<(f32, f32)>) {
    let mut branches = Vec::with_capacity(3);
    let mut ends = Vec::with_capacity(3);
    for bit in 0..8 {
        let set = |b: usize| code & (1 << (b % 8)) != 0;
        // Start a branch at the first pixel of each run of set ring neighbours.
        if !set(bit) || set(bit + 7) {
            continue;
        }
        // Prefer an edge neighbour within the run: it continues the ridge more directly.
        let start = if bit % 2 == 1 && set(bit + 1) {
            (bit + 1) % 8
        } else {
            bit
        };
        let (dx, dy) = RING[start];
        let (branch, end) = follow(
            skeleton,
            (x, y),
            ((x as isize + dx) as usize, (y as isize + dy) as usize),
        );
        branches.push(branch);
        ends.push(end);
    }
    // A full ring (isolated blob) has no run start; it yields no branch and no minutia.
    (branches, ends)
}

fn follow(
    skeleton: &Grid<bool>,
    origin: (usize, usize),
    first: (usize, usize),
) -> (Branch, (f32, f32)) {
    let adjacent =
        |a: (usize, usize), b: (usize, usize)| a.0.abs_diff(b.0) <= 1 && a.1.abs_diff(b.1) <= 1;
    let (mut prev, mut cur) = (origin, first);
    let mut direction_point = (first.0 as f32, first.1 as f32);
    let mut steps = 1;
    let stop = loop {
        if steps == DIRECTION_TRACE_PX {
            direction_point = (cur.0 as f32, cur.1 as f32);
        }
        if steps >= MAX_TRACE_PX {
            break Stop::Length;
        }
        // On a clean skeleton the next pixel never touches the previous one; excluding those also
        // keeps the walk off the other branches of the origin.
        let mut next = None;
        let mut count = 0;
        for &(dx, dy) in &RING {
            let (nx, ny) = (cur.0 as isize + dx, cur.1 as isize + dy);
            if !skeleton.get_or(nx, ny, false) {
                continue;
            }
            let n = (nx as usize, ny as usize);
            if n == prev || adjacent(n, prev) || n == origin {
                continue;
            }
            count += 1;
            next = Some(n);
        }
        match (count, next) {
            (1, Some(n)) => {
                prev = cur;
                cur = n;
                steps += 1;
            }
            (0, _) => break Stop::Ending,
            _ => break Stop::Junction,
        }
    };
    if steps < DIRECTION_TRACE_PX {
        direction_point = (cur.0 as f32, cur.1 as f32);
    }
    (
        Branch {
            end_x: cur.0,
            end_y: cur.1,
            steps,
            stop,
        },
        direction_point,
    )
}

#[cfg(test)]
mod tests {
    use super::super::orientation::{orientation_field, structure_tensor};
    use super::super::segmentation_mask::SegmentationMask;
    use super::*;

    fn setup(skel: &Grid<bool>) -> (SegmentationMask, OrientationField) {
        // A horizontal-stripe orientation field and an all-foreground mask.
        let mut stripes = Grid::new(skel.width, skel.height, 0.0);
        for y in 0..skel.height {
            for x in 0..skel.width {
                stripes.set(x, y, (y as f32 / 9.0 * 2.0 * PI).cos() * 100.0);
            }
        }
        let tensor = structure_tensor(&stripes);
        let blocks = Grid::new(tensor.a.width, tensor.a.height, true);
        let field = orientation_field(&tensor, &blocks);
        let mask = SegmentationMask {
            blocks,
            border_distance_px: Grid::new(skel.width, skel.height, 100.0),
        };
        (mask, field)
    }

    #[test]
    fn finds_ending_and_bifurcation_with_directions() {
        let mut skel = Grid::new(64, 40, false);
        // A ridge from x=10 to x=50 along y=20, with a fork leaving at x=30 toward the lower right.
        for x in 10..=50 {
            skel.set(x, 20, true);
        }
        for i in 1..=12 {
            skel.set(30 + i, 20 + i, true);
        }
        let (mask, field) = setup(&skel);
        let found = minutiae(&skel, &mask, &field);
        let left = found.iter().find(|c| c.x == 10).expect("left ending");
        assert_eq!(left.kind, MinutiaKind::Ending);
        assert!(
            angle::distance(left.angle, 0.0) < 0.2,
            "ending points into the ridge: {}",
            left.angle
        );
        let fork = found
            .iter()
            .find(|c| c.kind == MinutiaKind::Bifurcation)
            .expect("bifurcation");
        assert!(fork.x.abs_diff(30) <= 1 && fork.y.abs_diff(20) <= 1);
        assert!(
            angle::distance(fork.angle, 0.0) < 0.3,
            "fork points between its branches: {}",
            fork.angle
        );
        assert_eq!(fork.branches.len(), 3);
    }
}
