//! Maps raw similarity to a calibrated score: 10 points per decade of false match rate, so the
//! `THRESHOLD_FMR_*` constants read as error rates (30 = 1 in 1,000 impostors scores this high).

use crate::params::{
    SCORE_AT_FIRST_KNOT, SCORE_CALIBRATION_RAW, SCORE_MAX, SCORE_POINTS_PER_DECADE,
};

/// Piecewise linear through `(0, 0)` and the measured knots, extended past the last knot with the
/// last segment's slope, clamped to `0..=SCORE_MAX`. Strictly increasing on that range, so it
/// changes no error rate, only what the numbers mean.
pub(crate) fn calibrate(raw: f32) -> f32 {
    if raw.is_nan() || raw <= 0.0 {
        return 0.0;
    }
    let knots = SCORE_CALIBRATION_RAW;
    let score_at = |i: usize| SCORE_AT_FIRST_KNOT + i as f32 * SCORE_POINTS_PER_DECADE;
    let scaled = if raw < knots[0] {
        raw / knots[0] * SCORE_AT_FIRST_KNOT
    } else {
        let i = (1..knots.len())
            .find(|&i| raw < knots[i])
            .unwrap_or(knots.len() - 1);
        let (lo, hi) = (knots[i - 1], knots[i]);
        score_at(i - 1) + (raw - lo) / (hi - lo) * SCORE_POINTS_PER_DECADE
    };
    scaled.clamp(0.0, SCORE_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knots_map_to_decades_and_the_map_is_monotone_and_bounded() {
        assert_eq!(calibrate(0.0), 0.0);
        assert_eq!(calibrate(f32::NAN), 0.0);
        for (i, &k) in SCORE_CALIBRATION_RAW.iter().enumerate() {
            assert!((calibrate(k) - (SCORE_AT_FIRST_KNOT + 10.0 * i as f32)).abs() < 1e-3);
        }
        let mut last = -1.0;
        for step in 0..2000 {
            let s = calibrate(step as f32 * 0.0005);
            assert!(s >= last && (0.0..=SCORE_MAX).contains(&s));
            last = s;
        }
        assert_eq!(calibrate(1.0), SCORE_MAX);
    }
}
