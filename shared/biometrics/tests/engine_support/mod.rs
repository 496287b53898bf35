//! Helpers shared by the engine's integration tests: loading FVC2002 images from `../shared/data`
//! and a small seeded random generator (no dependency needed for a few dozen draws).

#![allow(dead_code)] // each test file uses a different subset

use biometrics::{codec, extract, GrayImage, MatcherProbe, SearchTemplate, Template};

pub const FVC2002: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/fingerprints/fvc2002"
);

/// Decodes `DBn_B/finger_impression.tif` at the folder's resolution (DB2 is 569 ppi).
pub fn load(db: &str, finger: u32, impression: u32) -> GrayImage {
    let path = format!("{FVC2002}/{db}/{finger}_{impression}.tif");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let ppi = if db.starts_with("DB2") { 569 } else { 500 };
    codec::decode(&bytes, ppi).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn template(db: &str, finger: u32, impression: u32) -> Template {
    extract(&load(db, finger, impression))
}

pub fn score(probe: &Template, candidate: &Template) -> f32 {
    MatcherProbe::new(probe).score(&SearchTemplate::new(candidate))
}

/// SplitMix64: tiny, seeded, reproducible.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32 * (hi - lo)
    }
}
