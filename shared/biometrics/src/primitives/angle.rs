//! Angle helpers: wrapping, differences, and conversion to the ISO 256-step unit.

use std::f32::consts::PI;

pub(crate) const TAU: f32 = 2.0 * PI;

/// Wraps an angle into `[0, 2π)`.
#[inline]
pub(crate) fn wrap(a: f32) -> f32 {
    let r = a.rem_euclid(TAU);
    // rem_euclid can round up to exactly TAU for tiny negative inputs.
    if r >= TAU {
        0.0
    } else {
        r
    }
}

/// Signed difference `a - b` wrapped into `(-π, π]`. The matcher calls this in its inner loops on
/// angles already within a turn or two of each other, where a couple of compares beat `fmod`.
#[inline]
pub(crate) fn signed_diff(a: f32, b: f32) -> f32 {
    let mut d = a - b;
    if !(-4.0 * TAU..=4.0 * TAU).contains(&d) {
        d = d.rem_euclid(TAU);
    }
    while d > PI {
        d -= TAU;
    }
    while d <= -PI {
        d += TAU;
    }
    d
}

/// Absolute angular distance in `[0, π]`.
#[inline]
pub(crate) fn distance(a: f32, b: f32) -> f32 {
    signed_diff(a, b).abs()
}

/// Radians (counter-clockwise, y up) to the ISO 19794-2 unit of 1/256 turn.
#[inline]
pub(crate) fn to_iso(a: f32) -> u8 {
    ((wrap(a) / TAU * 256.0).round() as u32 % 256) as u8
}

/// The ISO 1/256-turn unit back to radians in `[0, 2π)`.
#[inline]
pub(crate) fn from_iso(d: u8) -> f32 {
    from_iso_units(d as f32)
}

/// Any number of ISO 1/256-turn units in radians.
#[inline]
pub(crate) fn from_iso_units(units: f32) -> f32 {
    units * TAU / 256.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_wrap_around_the_circle() {
        assert!((signed_diff(0.1, TAU - 0.1) - 0.2).abs() < 1e-5);
        assert!((distance(PI - 0.1, -PI + 0.1) - 0.2).abs() < 1e-5);
        assert!(wrap(-1e-9) < TAU);
    }

    #[test]
    fn iso_unit_round_trips() {
        for d in 0..=255u8 {
            assert_eq!(to_iso(from_iso(d)), d);
        }
    }
}
