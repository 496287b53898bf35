//! Rekam's stored and wire template form: the only byte layout we promise to read back later.
//!
//! # Layout, version 1 (all multi-byte integers big-endian)
//!
//! | offset | size | field |
//! | --- | --- | --- |
//! | 0 | 3 | magic `RKT` |
//! | 3 | 1 | format version, `1` |
//! | 4 | 2 | frame width in pixels at 500 ppi, `1..=4096` |
//! | 6 | 2 | frame height in pixels at 500 ppi, `1..=4096` |
//! | 8 | 1 | image quality, `0..=100` |
//! | 9 | 2 | minutia count `n`, `0..=512` |
//! | 11 | `ceil(n/8)` | kind bits: minutia `i` is bit `i % 8` (least significant first) of byte `i / 8`; `1` = bifurcation, `0` = ending; unused trailing bits are `0` |
//! | .. | `4n` | minutiae, each a `u32`: `x << 20 | y << 8 | direction` |
//!
//! `x < width`, `y < height` (so 12 bits each suffice), and `direction` is the full byte in 256ths of a
//! turn (the ISO 19794-2 unit, counter-clockwise from the x axis with y pointing down), so every byte
//! value is a valid angle. The record has no trailing bytes. A typical 50-minutia template takes
//! 11 + 7 + 200 = 218 bytes.
//!
//! Keeping the kinds in a bitmap rather than inside each minutia is what lets a minutia fit in four
//! bytes without giving up any bits of position or angle.

use super::reader::Reader;
use super::TemplateError;
use crate::{Minutia, MinutiaKind, Template};

const MAGIC: &[u8; 3] = b"RKT";
/// The version this code writes; it reads only this one so far.
pub const WIRE_VERSION: u8 = 1;
/// The largest frame side the 12-bit coordinates can address.
pub const MAX_FRAME_PX: u16 = 4096;
/// Far above any real finger (40-100 minutiae); bounds the size of a stored record.
pub const MAX_MINUTIAE: usize = 512;
pub const MAX_QUALITY: u8 = 100;
const HEADER_LEN: usize = 11;

/// Serialises a template. Never fails: a template that breaks the format's limits (see the module
/// documentation) is brought inside them first, frame and quality clamped, minutiae beyond
/// [`MAX_MINUTIAE`] dropped and coordinates clamped into the frame, so the output always decodes.
/// Extraction output is inside the limits by construction; call [`validate`] to check beforehand.
pub fn encode(template: &Template) -> Vec<u8> {
    let width = template.width.clamp(1, MAX_FRAME_PX);
    let height = template.height.clamp(1, MAX_FRAME_PX);
    let minutiae = &template.minutiae[..template.minutiae.len().min(MAX_MINUTIAE)];
    let n = minutiae.len();

    let mut out = Vec::with_capacity(HEADER_LEN + n.div_ceil(8) + 4 * n);
    out.extend_from_slice(MAGIC);
    out.push(WIRE_VERSION);
    out.extend_from_slice(&width.to_be_bytes());
    out.extend_from_slice(&height.to_be_bytes());
    out.push(template.quality.min(MAX_QUALITY));
    out.extend_from_slice(&(n as u16).to_be_bytes());

    let mut kinds = vec![0u8; n.div_ceil(8)];
    for (i, m) in minutiae.iter().enumerate() {
        if m.kind == MinutiaKind::Bifurcation {
            kinds[i / 8] |= 1 << (i % 8);
        }
    }
    out.extend_from_slice(&kinds);

    for m in minutiae {
        let x = u32::from(m.x.min(width - 1));
        let y = u32::from(m.y.min(height - 1));
        let packed = x << 20 | y << 8 | u32::from(m.direction);
        out.extend_from_slice(&packed.to_be_bytes());
    }
    out
}

/// Parses and validates a wire template; any byte string that is not exactly a valid record is an error.
pub fn decode(bytes: &[u8]) -> Result<Template, TemplateError> {
    let mut r = Reader::new(bytes);
    if r.take(3)? != MAGIC {
        return Err(TemplateError::BadMagic);
    }
    let version = r.u8()?;
    if version != WIRE_VERSION {
        return Err(TemplateError::UnsupportedVersion(version.into()));
    }
    let width = r.u16()?;
    let height = r.u16()?;
    let quality = r.u8()?;
    let n = usize::from(r.u16()?);
    // Check the count and total length before allocating anything sized by the count.
    if n > MAX_MINUTIAE {
        return Err(TemplateError::OutOfRange {
            field: "minutia count",
            value: n as u32,
        });
    }
    let expected = HEADER_LEN + n.div_ceil(8) + 4 * n;
    if bytes.len() != expected {
        return Err(TemplateError::LengthMismatch {
            declared: expected,
            actual: bytes.len(),
        });
    }
    let kinds = r.take(n.div_ceil(8))?;
    if n % 8 != 0 && kinds[n / 8] >> (n % 8) != 0 {
        // Canonical form: one template has exactly one encoding, so stored bytes can be compared.
        return Err(TemplateError::OutOfRange {
            field: "unused kind bits",
            value: u32::from(kinds[n / 8]),
        });
    }

    let mut minutiae = Vec::with_capacity(n);
    for i in 0..n {
        let packed = r.u32()?;
        let kind = if kinds[i / 8] >> (i % 8) & 1 == 1 {
            MinutiaKind::Bifurcation
        } else {
            MinutiaKind::Ending
        };
        minutiae.push(Minutia {
            x: (packed >> 20) as u16,
            y: (packed >> 8 & 0xfff) as u16,
            direction: packed as u8,
            kind,
        });
    }
    let template = Template {
        width,
        height,
        quality,
        minutiae,
    };
    validate(&template)?;
    Ok(template)
}

/// Checks that a template is inside the wire format's limits: frame, quality, count, and every
/// minutia inside the frame. Angles need no check: every byte is a valid direction.
pub fn validate(template: &Template) -> Result<(), TemplateError> {
    let range = |field, value: u32, max: u32, min: u32| {
        if (min..=max).contains(&value) {
            Ok(())
        } else {
            Err(TemplateError::OutOfRange { field, value })
        }
    };
    range("width", template.width.into(), MAX_FRAME_PX.into(), 1)?;
    range("height", template.height.into(), MAX_FRAME_PX.into(), 1)?;
    range("quality", template.quality.into(), MAX_QUALITY.into(), 0)?;
    range(
        "minutia count",
        template.minutiae.len() as u32,
        MAX_MINUTIAE as u32,
        0,
    )?;
    for (index, m) in template.minutiae.iter().enumerate() {
        if m.x >= template.width || m.y >= template.height {
            return Err(TemplateError::MinutiaOutsideFrame {
                index,
                x: m.x.into(),
                y: m.y.into(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: usize) -> Template {
        let minutiae = (0..n)
            .map(|i| Minutia {
                x: (i * 37 % 400) as u16,
                y: (i * 53 % 500) as u16,
                direction: (i * 71 % 256) as u8,
                kind: if i % 3 == 0 {
                    MinutiaKind::Bifurcation
                } else {
                    MinutiaKind::Ending
                },
            })
            .collect();
        Template {
            width: 400,
            height: 500,
            quality: 77,
            minutiae,
        }
    }

    #[test]
    fn round_trip_preserves_every_field() {
        for n in [0, 1, 7, 8, 9, 50, MAX_MINUTIAE] {
            let t = sample(n);
            assert_eq!(decode(&encode(&t)).unwrap(), t, "n = {n}");
        }
    }

    #[test]
    fn extreme_values_round_trip() {
        let t = Template {
            width: MAX_FRAME_PX,
            height: MAX_FRAME_PX,
            quality: 100,
            minutiae: vec![Minutia {
                x: 4095,
                y: 4095,
                direction: 255,
                kind: MinutiaKind::Bifurcation,
            }],
        };
        assert_eq!(decode(&encode(&t)).unwrap(), t);
    }

    #[test]
    fn sixty_minutiae_fit_well_under_400_bytes() {
        assert_eq!(encode(&sample(60)).len(), 11 + 8 + 240);
    }

    #[test]
    fn layout_matches_the_documented_bytes() {
        let t = Template {
            width: 300,
            height: 2,
            quality: 5,
            minutiae: vec![Minutia {
                x: 0x123,
                y: 1,
                direction: 0x80,
                kind: MinutiaKind::Bifurcation,
            }],
        };
        let expected = [
            b'R', b'K', b'T', 1, 0x01, 0x2c, 0, 2, 5, 0, 1, 0b1, 0x12, 0x30, 0x01, 0x80,
        ];
        assert_eq!(encode(&t), expected);
    }

    #[test]
    fn every_truncation_and_extension_is_rejected() {
        let bytes = encode(&sample(13));
        for len in 0..bytes.len() {
            assert!(decode(&bytes[..len]).is_err(), "len {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(
            decode(&longer),
            Err(TemplateError::LengthMismatch { .. })
        ));
    }

    #[test]
    fn bad_fields_are_named() {
        let good = encode(&sample(3));
        let with = |i: usize, v: u8| {
            let mut b = good.clone();
            b[i] = v;
            decode(&b)
        };
        assert_eq!(with(0, b'X'), Err(TemplateError::BadMagic));
        assert_eq!(with(3, 2), Err(TemplateError::UnsupportedVersion(2)));
        assert!(matches!(
            with(8, 101),
            Err(TemplateError::OutOfRange {
                field: "quality",
                ..
            })
        ));
        assert!(matches!(
            with(4, 0x20),
            Err(TemplateError::OutOfRange { field: "width", .. })
        ));
        assert!(matches!(
            with(11, 0xff),
            Err(TemplateError::OutOfRange {
                field: "unused kind bits",
                ..
            })
        ));
        // First minutia's x high byte: 0xff.. puts x far outside the 400-pixel frame.
        assert!(matches!(
            with(12, 0xff),
            Err(TemplateError::MinutiaOutsideFrame { index: 0, .. })
        ));
    }

    #[test]
    fn encode_brings_out_of_limit_templates_inside_them() {
        let mut t = sample(MAX_MINUTIAE + 3);
        t.quality = 200;
        t.minutiae[0].x = 9999;
        let back = decode(&encode(&t)).unwrap();
        assert_eq!(back.quality, 100);
        assert_eq!(back.minutiae.len(), MAX_MINUTIAE);
        assert_eq!(back.minutiae[0].x, 399);
        assert!(validate(&t).is_err());
    }
}
