//! Screening: the compact in-memory search form of a gallery and the fast passes over it that
//! pick a short list for the exact matcher.
//!
//! Each enrolled finger keeps [`GALLERY_DESCRIPTORS_PER_FINGER`] 64-bit local descriptors and
//! [`GALLERY_MINUTIAE_PER_FINGER`] minutiae packed in three bytes (the descriptors' own minutiae
//! first). A probe finger is compared with a gallery finger by finding each gallery descriptor's
//! most similar probe descriptor (Dice on the bits), then keeping the largest group of such
//! matches that agree on one rotation and translation: impostor matches scatter, a mate's line up.
//! The last stage places every stored minutia by the best groups' placements and counts those
//! that land on a probe minutia. Fingers of one person add; a finger that alone stands out also
//! brings its person forward, so one badly captured finger does not hide a mate.
//!
//! One job per file: `finger_code` (the stored form of a finger and a person), `probe` (a probe
//! prepared once per search), `index` (the gallery's columns), `passes` (first pass, rescoring,
//! the short list), `finger_comparison` (one probe finger against one stored finger),
//! `nearest_descriptor` (the Hamming-nearest kernel, portable and AVX-512), `fast_popcount`
//! (compiling the hot loops for the CPU's popcount) and `pair_map` (the last stage's lookup).

mod fast_popcount;
mod finger_code;
mod finger_comparison;
#[cfg(test)]
mod fixtures;
mod index;
mod nearest_descriptor;
mod pair_map;
mod passes;
mod probe;

pub use finger_code::{
    person_codes_from_bytes, person_codes_to_bytes, FingerCode, FINGER_CODE_BYTES,
    FINGER_POSITIONS, PERSON_CODES_BYTES, PERSON_CODES_VERSION,
};
pub use index::ScreeningIndex;
pub use passes::{top, FirstPass, Screened};
pub use probe::ScreeningProbe;

use super::params::{
    GALLERY_DESCRIPTORS_PER_FINGER, GALLERY_MINUTIAE_PER_FINGER, PROBE_DESCRIPTORS_PER_FINGER,
    SCREEN_FIRST_PASS_DESCRIPTORS,
};

/// Descriptors and minutiae stored per finger, short because every file here indexes by them.
const D: usize = GALLERY_DESCRIPTORS_PER_FINGER;
const M: usize = GALLERY_MINUTIAE_PER_FINGER;
const _: () = assert!(
    PROBE_DESCRIPTORS_PER_FINGER <= 256,
    "probe descriptor indices are packed in 8 bits"
);
const _: () = assert!(D <= M, "every descriptor's minutia is stored");
const _: () = assert!(SCREEN_FIRST_PASS_DESCRIPTORS <= D);
