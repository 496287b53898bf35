//! Bounds every decoder checks before trusting declared sizes, so hostile bytes cannot demand memory.

use super::DecodeError;

/// Largest accepted side at the source resolution; a 1,000 ppi scan of a whole palm is about this.
pub const MAX_SOURCE_SIDE_PX: u32 = 2000;
/// Scanner resolutions outside this range are not fingerprint captures.
pub const MIN_PPI: u16 = 250;
pub const MAX_PPI: u16 = 1000;

pub(crate) fn check_dimensions(width: u32, height: u32) -> Result<(), DecodeError> {
    if width == 0 || height == 0 {
        return Err(DecodeError::Malformed("zero image dimension"));
    }
    if width > MAX_SOURCE_SIDE_PX || height > MAX_SOURCE_SIDE_PX {
        return Err(DecodeError::TooLarge { width, height });
    }
    Ok(())
}

pub(crate) fn check_ppi(ppi: u16) -> Result<(), DecodeError> {
    if (MIN_PPI..=MAX_PPI).contains(&ppi) {
        Ok(())
    } else {
        Err(DecodeError::ResolutionOutOfRange(ppi))
    }
}
