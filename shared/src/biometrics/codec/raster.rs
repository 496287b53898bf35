//! Common raster formats through the `image` crate, converted to 8-bit greyscale.
//! (Placeholder entry point: WSQ and resampling to 500 ppi are added by the codec work.)

use crate::biometrics::GrayImage;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    UnknownFormat,
    Malformed(String),
    TooLarge { width: u32, height: u32 },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownFormat => write!(f, "unknown image format"),
            Self::Malformed(why) => write!(f, "malformed image: {why}"),
            Self::TooLarge { width, height } => write!(f, "image too large: {width}x{height}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes PNG, BMP, TIFF or JPEG bytes into greyscale, without resampling.
pub fn decode_image(bytes: &[u8]) -> Result<GrayImage, DecodeError> {
    let format = image::guess_format(bytes).map_err(|_| DecodeError::UnknownFormat)?;
    let img = image::load_from_memory_with_format(bytes, format)
        .map_err(|e| DecodeError::Malformed(e.to_string()))?
        .into_luma8();
    let (w, h) = img.dimensions();
    GrayImage::new(w as usize, h as usize, img.into_raw())
        .ok_or_else(|| DecodeError::Malformed("pixel buffer size".into()))
}
