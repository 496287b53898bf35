//! 1:N search (deduplication): screening over a compact in-memory form, then the exact matcher on
//! a short list, finger fusion and decision bands.
//!
//! Pure computation: it takes candidates and knows nothing of storage or sharding (the edge
//! decides how to shard, load and page the gallery). Slots are dense indices the caller maps to
//! its own reference ids; no name or NIK ever reaches this module.

mod descriptor;
mod fusion;
pub mod params;
mod screening;
pub mod synthetic;

pub use fusion::{decide, evidence_decades, fuse, Decision, ExactProbe, FingerScore};
pub use screening::{
    person_codes_from_bytes, person_codes_to_bytes, top, FingerCode, FirstPass, Screened,
    ScreeningIndex, ScreeningProbe, FINGER_CODE_BYTES, FINGER_POSITIONS, PERSON_CODES_BYTES,
    PERSON_CODES_VERSION,
};
