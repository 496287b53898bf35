//! Small numeric building blocks shared by the extractor and the matcher.

pub(crate) mod angle;
pub(crate) mod grid;

/// Rounds to the nearest integer (halves away from zero). Baseline x86-64 has no rounding
/// instruction, and `f32::round` became a library call in the extractor's sampling loops.
#[inline]
pub(crate) fn round_to_isize(v: f32) -> isize {
    if v >= 0.0 {
        (v + 0.5) as isize
    } else {
        (v - 0.5) as isize
    }
}
