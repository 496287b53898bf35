//! Image-level helpers that are not decoding: resolution changes.

pub(crate) mod resample;
