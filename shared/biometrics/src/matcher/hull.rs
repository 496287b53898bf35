//! Convex hull of a template's minutiae: a stand-in for the print's visible area when only
//! minutiae are stored, so cylinder cells outside it can be marked "unseen" rather than "empty".

/// Counter-clockwise hull vertices (Andrew's monotone chain). Fewer than three distinct points give
/// a degenerate hull (a point or a segment), which [`distance_outside`] still handles.
pub(crate) fn convex_hull(points: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let mut pts = points.to_vec();
    pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let cross = |o: (f32, f32), a: (f32, f32), b: (f32, f32)| {
        (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
    };
    let mut hull: Vec<(f32, f32)> = Vec::with_capacity(pts.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &(f32, f32)>> = if pass == 0 {
            Box::new(pts.iter())
        } else {
            Box::new(pts.iter().rev())
        };
        for &p in iter {
            while hull.len() >= start + 2
                && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// Distance from `p` to the hull: 0 inside, else to the nearest edge or vertex.
pub(crate) fn distance_outside(hull: &[(f32, f32)], p: (f32, f32)) -> f32 {
    match hull.len() {
        0 => f32::INFINITY,
        1 => (p.0 - hull[0].0).hypot(p.1 - hull[0].1),
        _ => {
            let mut inside = hull.len() >= 3;
            let mut best = f32::INFINITY;
            for i in 0..hull.len() {
                let a = hull[i];
                let b = hull[(i + 1) % hull.len()];
                let (ex, ey) = (b.0 - a.0, b.1 - a.1);
                let (px, py) = (p.0 - a.0, p.1 - a.1);
                if ex * py - ey * px < 0.0 {
                    inside = false;
                }
                let len2 = ex * ex + ey * ey;
                let t = if len2 > 0.0 {
                    ((px * ex + py * ey) / len2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                best = best.min((px - t * ex).hypot(py - t * ey));
            }
            if inside {
                0.0
            } else {
                best
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_hull_and_distances() {
        let pts = [
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (5.0, 5.0),
        ];
        let hull = convex_hull(&pts);
        assert_eq!(hull.len(), 4);
        assert_eq!(distance_outside(&hull, (5.0, 5.0)), 0.0);
        assert!((distance_outside(&hull, (13.0, 5.0)) - 3.0).abs() < 1e-5);
        assert!((distance_outside(&hull, (-3.0, -4.0)) - 5.0).abs() < 1e-5);
    }

    #[test]
    fn degenerate_hulls() {
        assert_eq!(
            distance_outside(&convex_hull(&[]), (0.0, 0.0)),
            f32::INFINITY
        );
        let seg = convex_hull(&[(0.0, 0.0), (10.0, 0.0)]);
        assert!((distance_outside(&seg, (5.0, 2.0)) - 2.0).abs() < 1e-5);
    }
}
