//! Decoding scanner output (PNG, BMP, TIFF, JPEG, WSQ) into 500 ppi greyscale.

mod raster;

pub use raster::{decode_image, DecodeError};
