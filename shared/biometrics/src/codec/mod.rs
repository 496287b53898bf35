//! Decoding scanner output (PNG, BMP, TIFF, JPEG, WSQ) into 500 ppi greyscale.

mod error;
pub(crate) mod limits;
mod raster;
mod resample;
mod wsq;

pub use error::DecodeError;
pub use limits::{MAX_PPI, MAX_SOURCE_SIDE_PX, MIN_PPI};
pub use raster::decode_image;
pub use resample::resample_to_standard;
pub use wsq::{decode_wsq, WsqImage};

use crate::GrayImage;

/// Decodes a scanner image and resamples it to 500 ppi.
///
/// `ppi` is the caller's knowledge of the capture resolution; a WSQ file that states its own
/// resolution overrides it, since the file travels with its capture metadata. Either must lie in
/// `MIN_PPI..=MAX_PPI`, and the source at most `MAX_SOURCE_SIDE_PX` on each side.
pub fn decode(bytes: &[u8], ppi: u16) -> Result<GrayImage, DecodeError> {
    let (image, ppi) = if wsq::is_wsq(bytes) {
        let decoded = decode_wsq(bytes)?;
        (decoded.image, decoded.ppi.unwrap_or(ppi))
    } else {
        limits::check_ppi(ppi)?;
        (decode_image(bytes)?, ppi)
    };
    limits::check_ppi(ppi)?;
    Ok(resample_to_standard(&image, ppi))
}
