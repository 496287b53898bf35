//! Decoding scanner output (PNG, BMP, TIFF, JPEG, WSQ) into 500 ppi greyscale.

mod raster;
mod resample;

pub use raster::{decode_image, DecodeError};
pub use resample::resample_to_standard;
