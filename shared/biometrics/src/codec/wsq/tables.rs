//! The WSQ header segments: frame (SOF), transform (DTT), quantization (DQT) and NIST comments (COM).

use super::bytes::Bytes;
use crate::codec::DecodeError;

/// Longest filter the specification allows.
const MAX_FILTER_TAPS: u8 = 31;

/// A WSQ "scaled value": a 16 or 32-bit integer divided by ten to the power of an exponent byte.
fn scaled(value: u32, exponent: u8) -> f32 {
    // Division step by step in f64, as the reference decoder does, keeps us within its rounding.
    let mut v = value as f32;
    for _ in 0..exponent.min(40) {
        v = (f64::from(v) / 10.0) as f32;
    }
    v
}

pub(super) struct Frame {
    pub width: u32,
    pub height: u32,
    /// Pixel = coefficient * `scale` + `shift`.
    pub shift: f32,
    pub scale: f32,
}

pub(super) fn frame(b: &mut Bytes) -> Result<Frame, DecodeError> {
    let _length = b.u16()?;
    let _black = b.u8()?;
    let _white = b.u8()?;
    let height = u32::from(b.u16()?);
    let width = u32::from(b.u16()?);
    let shift_exp = b.u8()?;
    let shift = scaled(b.u16()?.into(), shift_exp);
    let scale_exp = b.u8()?;
    let scale = scaled(b.u16()?.into(), scale_exp);
    let _encoder = b.u8()?;
    let _software = b.u16()?;
    Ok(Frame {
        width,
        height,
        shift,
        scale,
    })
}

/// The synthesis filters, full length, derived from the analysis filters the DTT transmits.
pub(super) struct Filters {
    pub low: Vec<f32>,
    pub high: Vec<f32>,
}

/// The DTT sends the right halves of the analysis lowpass (L0 taps) and highpass (L1 taps) filters.
/// Synthesis uses the quadrature mirrors: the synthesis highpass is the analysis lowpass with
/// alternating signs, the synthesis lowpass the analysis highpass with alternating signs.
pub(super) fn transform(b: &mut Bytes) -> Result<Filters, DecodeError> {
    let _length = b.u16()?;
    let analysis_low_len = b.u8()?;
    let analysis_high_len = b.u8()?;
    for len in [analysis_low_len, analysis_high_len] {
        if len == 0 || len > MAX_FILTER_TAPS {
            return Err(DecodeError::Malformed("transform filter length"));
        }
        if len % 2 == 0 {
            // Even-length (half-sample symmetric) filters are allowed by the specification but
            // used by no FBI-certified encoder; deferred until a real file needs them.
            return Err(DecodeError::Unsupported("even-length wavelet filters"));
        }
    }
    let high = mirrored_filter(b, analysis_low_len)?;
    let low = mirrored_filter(b, analysis_high_len)?;
    Ok(Filters { low, high })
}

/// Reads the right half (centre first) of an odd-length symmetric filter and returns the whole
/// filter with signs alternating away from the centre.
fn mirrored_filter(b: &mut Bytes, len: u8) -> Result<Vec<f32>, DecodeError> {
    let half = usize::from(len / 2);
    let mut filter = vec![0f32; usize::from(len)];
    for k in 0..=half {
        let negative = b.u8()? != 0;
        let exponent = b.u8()?;
        let mut c = scaled(b.u32()?, exponent);
        if negative {
            c = -c;
        }
        if k % 2 == 1 {
            c = -c;
        }
        filter[half + k] = c;
        filter[half - k] = c;
    }
    Ok(filter)
}

/// Per-subband quantizer: bin width `q` (0 = subband not transmitted) and zero-bin width `z`.
pub(super) struct Quantization {
    pub centre: f32,
    pub q: [f32; 64],
    pub z: [f32; 64],
}

pub(super) fn quantization(b: &mut Bytes) -> Result<Quantization, DecodeError> {
    let _length = b.u16()?;
    let centre_exp = b.u8()?;
    let centre = scaled(b.u16()?.into(), centre_exp);
    let mut q = [0f32; 64];
    let mut z = [0f32; 64];
    for i in 0..64 {
        let q_exp = b.u8()?;
        q[i] = scaled(b.u16()?.into(), q_exp);
        let z_exp = b.u8()?;
        z[i] = scaled(b.u16()?.into(), z_exp);
    }
    Ok(Quantization { centre, q, z })
}

/// Reads a COM segment and returns the resolution if it is a `NIST_COM` comment with a `PPI` line.
pub(super) fn comment_ppi(b: &mut Bytes) -> Result<Option<u16>, DecodeError> {
    let length = usize::from(b.u16()?);
    let text = b.take(
        length
            .checked_sub(2)
            .ok_or(DecodeError::Malformed("comment length"))?,
    )?;
    if !text.starts_with(b"NIST_COM") {
        return Ok(None);
    }
    let text = text.split(|&c| c == 0).next().unwrap_or_default();
    let mut ppi = None;
    for line in text.split(|&c| c == b'\n') {
        let line = std::str::from_utf8(line).unwrap_or_default();
        let mut fields = line.split_whitespace();
        if fields.next() == Some("PPI") {
            // The last PPI line wins; "-1" (unknown) and junk leave the resolution unknown.
            ppi = fields
                .next()
                .and_then(|v| v.parse::<u16>().ok())
                .filter(|&v| v > 0);
        }
    }
    Ok(ppi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_values_divide_by_powers_of_ten() {
        assert_eq!(scaled(12345, 2), 123.45);
        assert_eq!(scaled(7, 0), 7.0);
    }

    #[test]
    fn nist_comment_gives_ppi() {
        let text = b"NIST_COM 3\nPIX_WIDTH 296\nPPI 569\nLOSSY 1";
        let mut seg = ((text.len() + 2) as u16).to_be_bytes().to_vec();
        seg.extend_from_slice(text);
        assert_eq!(comment_ppi(&mut Bytes::new(&seg)), Ok(Some(569)));
    }

    #[test]
    fn other_comments_give_nothing() {
        let mut seg = vec![0, 7];
        seg.extend_from_slice(b"hello");
        assert_eq!(comment_ppi(&mut Bytes::new(&seg)), Ok(None));
    }
}
