//! `explain` gives the evidence behind a score: on genuine FVC2002 pairs many paired minutiae that
//! land close together once aligned, on impostors few; a synthetic rotation and shift is recovered;
//! its score is the matcher's own; and it is deterministic.

mod engine_support;

use biometrics::{explain, MatchExplanation, Minutia, Template};
use engine_support::{score, template, Rng};

/// Genuine pairs (folder, finger, two impressions) and impostor pairs (folder, two fingers, first
/// impressions), a few per folder.
const GENUINE: [(&str, u32, u32, u32); 8] = [
    ("DB1_B", 101, 1, 2),
    ("DB1_B", 104, 3, 6),
    ("DB2_B", 102, 1, 4),
    ("DB2_B", 106, 2, 5),
    ("DB3_B", 103, 1, 3),
    ("DB3_B", 107, 2, 7),
    ("DB4_B", 105, 1, 2),
    ("DB4_B", 108, 4, 6),
];
const IMPOSTOR: [(&str, u32, u32); 8] = [
    ("DB1_B", 101, 104),
    ("DB1_B", 102, 107),
    ("DB2_B", 102, 106),
    ("DB2_B", 103, 109),
    ("DB3_B", 103, 107),
    ("DB3_B", 101, 105),
    ("DB4_B", 105, 108),
    ("DB4_B", 104, 110),
];

/// Distances between each pair's probe minutia and its aligned candidate minutia, sorted.
fn aligned_distances(e: &MatchExplanation) -> Vec<f32> {
    let mut d: Vec<f32> = e
        .pairs
        .iter()
        .map(|p| {
            let (a, b) = (
                e.probe_minutiae[p.probe_index],
                e.candidate_minutiae[p.candidate_index],
            );
            (a.x - b.x).hypot(a.y - b.y)
        })
        .collect();
    d.sort_by(f32::total_cmp);
    d
}

#[test]
fn genuine_pairs_give_many_close_pairs_and_impostors_few() {
    for (db, finger, i, j) in GENUINE {
        let e = explain(&template(db, finger, i), &template(db, finger, j));
        let d = aligned_distances(&e);
        assert!(
            e.pairs.len() >= 5,
            "{db} {finger} {i}/{j}: {} pairs",
            e.pairs.len()
        );
        let median = d[d.len() / 2];
        assert!(median <= 6.0, "{db} {finger} {i}/{j}: median {median} px");
    }
    for (db, a, b) in IMPOSTOR {
        let e = explain(&template(db, a, 1), &template(db, b, 1));
        assert!(
            e.pairs.len() <= 2,
            "{db} {a}/{b}: {} pairs (score {})",
            e.pairs.len(),
            e.score
        );
    }
}

#[test]
fn score_equals_the_matchers_and_contributions_stay_within_it() {
    let pairs = GENUINE
        .iter()
        .map(|&(db, f, i, j)| (template(db, f, i), template(db, f, j)))
        .chain(
            IMPOSTOR
                .iter()
                .map(|&(db, a, b)| (template(db, a, 1), template(db, b, 1))),
        );
    for (probe, candidate) in pairs {
        let e = explain(&probe, &candidate);
        assert_eq!(e.score, score(&probe, &candidate));
        assert_eq!(e.probe_minutiae.len(), probe.minutiae.len());
        assert_eq!(e.candidate_minutiae.len(), candidate.minutiae.len());
        let total: f32 = e.pairs.iter().map(|p| p.contribution).sum();
        assert!(total > 0.0 || e.pairs.is_empty());
        assert!(total <= 1.0 + 1e-6);
        assert!(e.pairs.iter().all(|p| p.probe_index < probe.minutiae.len()
            && p.candidate_index < candidate.minutiae.len()));
    }
}

/// `t` turned by `angle` (counter-clockwise on screen) about its centre and shifted by
/// `(dx, dy)`, keeping minutiae that stay in the frame; also returns, per kept minutia, its index
/// in `t`.
fn rotate_translate(t: &Template, angle: f32, dx: f32, dy: f32) -> (Template, Vec<usize>) {
    let (cx, cy) = (t.width as f32 / 2.0, t.height as f32 / 2.0);
    let (s, c) = angle.sin_cos();
    let turn = (angle / std::f32::consts::TAU * 256.0).round() as i32;
    let (minutiae, kept): (Vec<Minutia>, Vec<usize>) = t
        .minutiae
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let (x, y) = (m.x as f32 - cx, m.y as f32 - cy);
            let (rx, ry) = (cx + x * c + y * s + dx, cy - x * s + y * c + dy);
            let inside = rx >= 0.0 && ry >= 0.0 && rx < t.width as f32 && ry < t.height as f32;
            inside.then(|| {
                let moved = Minutia {
                    x: rx.round() as u16,
                    y: ry.round() as u16,
                    direction: (m.direction as i32 + turn).rem_euclid(256) as u8,
                    kind: m.kind,
                };
                (moved, i)
            })
        })
        .unzip();
    (
        Template {
            minutiae,
            ..t.clone()
        },
        kept,
    )
}

#[test]
fn a_synthetic_rotation_and_shift_is_recovered() {
    let probe = template("DB1_B", 103, 1);
    let (cx, cy) = (probe.width as f32 / 2.0, probe.height as f32 / 2.0);
    let mut rng = Rng(77);
    for _ in 0..6 {
        let angle = rng.range(-std::f32::consts::PI, std::f32::consts::PI);
        let (sx, sy) = (rng.range(-30.0, 30.0), rng.range(-30.0, 30.0));
        let (candidate, kept) = rotate_translate(&probe, angle, sx, sy);
        let e = explain(&probe, &candidate);
        // The inverse turns by -angle; it takes the candidate's centre, (cx + sx, cy + sy), back to
        // the probe's centre.
        let turn_error = (e.rotation_rad + angle).sin().asin().abs();
        assert!(
            turn_error < 0.03,
            "angle {angle}: recovered {}",
            e.rotation_rad
        );
        let (s, c) = e.rotation_rad.sin_cos();
        let (mx, my) = (cx + sx, cy + sy);
        let centre = (mx * c + my * s + e.dx_px, -mx * s + my * c + e.dy_px);
        assert!(
            (centre.0 - cx).hypot(centre.1 - cy) < 3.0,
            "angle {angle}, shift {sx},{sy}: centre lands at {centre:?}"
        );
        assert!(e.pairs.len() >= 8, "angle {angle}: {} pairs", e.pairs.len());
        for p in &e.pairs {
            assert_eq!(
                kept[p.candidate_index], p.probe_index,
                "a synthetic copy pairs each minutia with itself"
            );
        }
    }
}

#[test]
fn explanation_is_deterministic() {
    let (a, b) = (template("DB2_B", 104, 1), template("DB2_B", 104, 3));
    assert_eq!(explain(&a, &b), explain(&a, &b));
}
