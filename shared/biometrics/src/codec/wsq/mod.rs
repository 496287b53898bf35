//! WSQ (FBI IAFIS-IC-0110 v3.1) decoding: marker stream, Huffman-coded quantized wavelet subbands,
//! dequantization and inverse wavelet transform, to 8-bit pixels at the file's own resolution.
//!
//! Written from the specification; NIST NBIS `dwsq` output is the reference the tests compare with.

mod bits;
mod bytes;
mod huffman;
mod stream;
mod subbands;
mod synthesis;
mod tables;

use super::DecodeError;
use crate::GrayImage;
use subbands::Region;

/// A decoded WSQ image at its native resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WsqImage {
    pub image: GrayImage,
    /// The resolution from the file's `NIST_COM` comment, if it has one.
    pub ppi: Option<u16>,
}

/// True when the bytes start like a WSQ file (the SOI marker `FF A0`).
pub fn is_wsq(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xa0])
}

/// Decodes a WSQ file. Dimensions are checked against the codec limits before any allocation.
pub fn decode_wsq(bytes: &[u8]) -> Result<WsqImage, DecodeError> {
    let parsed = stream::parse(bytes, |frame| {
        subbands::layout(frame.width as usize, frame.height as usize).subbands
    })?;
    let (width, height) = (parsed.frame.width as usize, parsed.frame.height as usize);
    let layout = subbands::layout(width, height);
    let mut plane = dequantize(&parsed, &layout.subbands, width, height);
    synthesis::reconstruct(&mut plane, width, &layout.joins, &parsed.filters);
    let pixels = to_pixels(&plane, parsed.frame.scale, parsed.frame.shift);
    let image =
        GrayImage::new(width, height, pixels).ok_or(DecodeError::Malformed("pixel count"))?;
    Ok(WsqImage {
        image,
        ppi: parsed.ppi,
    })
}

/// Places each coded subband's coefficients in its rectangle, mapping bin indices back to values:
/// `Q(p - C) + Z/2` above zero, `Q(p + C) - Z/2` below, where `C` is the bin centre and `Z` the
/// zero-bin width. A stream that stops early leaves the rest zero.
fn dequantize(
    parsed: &stream::Parsed,
    subbands: &[Region],
    width: usize,
    height: usize,
) -> Vec<f32> {
    let q = &parsed.quantization;
    let mut plane = vec![0f32; width * height];
    let mut coefficients = parsed.coefficients.iter();
    for (band, region) in subbands.iter().enumerate() {
        if q.q[band] == 0.0 {
            continue;
        }
        let (bin, half_zero) = (q.q[band], f64::from(q.z[band]) / 2.0);
        for y in region.y..region.y + region.height {
            for x in region.x..region.x + region.width {
                let Some(&p) = coefficients.next() else {
                    return plane;
                };
                let p = p as f32;
                plane[y * width + x] = match p {
                    _ if p > 0.0 => (f64::from(bin * (p - q.centre)) + half_zero) as f32,
                    _ if p < 0.0 => (f64::from(bin * (p + q.centre)) - half_zero) as f32,
                    _ => 0.0,
                };
            }
        }
    }
    plane
}

/// `pixel = value * scale + shift`, rounded half up and clamped to 0-255.
fn to_pixels(plane: &[f32], scale: f32, shift: f32) -> Vec<u8> {
    plane
        .iter()
        .map(|&v| {
            let t = (f64::from(v * scale + shift) + 0.5) as f32;
            if t.is_nan() || t < 0.0 {
                0
            } else if t > 255.0 {
                255
            } else {
                t as u8
            }
        })
        .collect()
}
