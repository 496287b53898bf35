//! Common raster formats (PNG, BMP, TIFF, JPEG) through the `image` crate, converted to 8-bit grey.

use super::limits::{check_dimensions, MAX_SOURCE_SIDE_PX};
use super::DecodeError;
use crate::GrayImage;
use image::{ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Decoding a colour 2,000 x 2,000 image needs 16 MB for RGBA plus the grey copy; allow some slack.
const MAX_DECODER_ALLOC_BYTES: u64 = 64 * 1024 * 1024;

/// Decodes PNG, BMP, TIFF or JPEG bytes into greyscale at their own resolution (no resampling).
pub fn decode_image(bytes: &[u8]) -> Result<GrayImage, DecodeError> {
    let format = image::guess_format(bytes).map_err(|_| DecodeError::UnknownFormat)?;
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Bmp | ImageFormat::Tiff | ImageFormat::Jpeg
    ) {
        return Err(DecodeError::UnknownFormat);
    }
    // Read only the header first, so oversized images are refused before pixel buffers exist.
    let (width, height) = reader(bytes, format)
        .into_dimensions()
        .map_err(|e| DecodeError::Raster(e.to_string()))?;
    check_dimensions(width, height)?;
    let img = reader(bytes, format)
        .decode()
        .map_err(|e| DecodeError::Raster(e.to_string()))?
        .into_luma8();
    let (w, h) = img.dimensions();
    check_dimensions(w, h)?;
    GrayImage::new(w as usize, h as usize, img.into_raw())
        .ok_or(DecodeError::Malformed("pixel count"))
}

fn reader(bytes: &[u8], format: ImageFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE_PX);
    limits.max_image_height = Some(MAX_SOURCE_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODER_ALLOC_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    reader
}
