//! An optional sink that records each extraction stage's output under a stable key.
//!
//! The default sink records nothing and costs nothing: the extractor asks `wants()` before it
//! serialises a stage. Golden-checksum tests hash what a recording sink receives, so any change to
//! any stage shows up in review as a changed checksum under that stage's key.

/// Receives stage outputs as canonical little-endian bytes.
pub trait TraceSink {
    /// Whether this sink records anything; `false` lets the extractor skip serialising.
    fn wants(&self) -> bool {
        true
    }
    fn record(&mut self, key: &'static str, bytes: &[u8]);
}

/// The default sink: records nothing.
pub struct NoTrace;

impl TraceSink for NoTrace {
    fn wants(&self) -> bool {
        false
    }
    fn record(&mut self, _key: &'static str, _bytes: &[u8]) {}
}

/// The stable keys, in pipeline order.
pub mod keys {
    pub const SEGMENTATION_MASK: &str = "segmentation_mask";
    pub const ORIENTATION: &str = "orientation";
    pub const RIDGE_FREQUENCY: &str = "ridge_frequency";
    pub const ENHANCEMENT: &str = "enhancement";
    pub const BINARIZATION: &str = "binarization";
    pub const THINNING: &str = "thinning";
    pub const MINUTIAE: &str = "minutiae";
    pub const FALSE_MINUTIAE: &str = "false_minutiae";
    pub const RIDGE_CLARITY: &str = "ridge_clarity";
    pub const QUALITY: &str = "quality";
    pub const ALL: [&str; 10] = [
        SEGMENTATION_MASK,
        ORIENTATION,
        RIDGE_FREQUENCY,
        ENHANCEMENT,
        BINARIZATION,
        THINNING,
        MINUTIAE,
        FALSE_MINUTIAE,
        RIDGE_CLARITY,
        QUALITY,
    ];
}

/// Records a stage when the sink wants it, serialising lazily.
pub(crate) fn record(sink: &mut dyn TraceSink, key: &'static str, bytes: impl FnOnce() -> Vec<u8>) {
    if sink.wants() {
        sink.record(key, &bytes());
    }
}

pub(crate) fn f32s(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub(crate) fn bools(values: &[bool]) -> Vec<u8> {
    values.iter().map(|&b| b as u8).collect()
}
