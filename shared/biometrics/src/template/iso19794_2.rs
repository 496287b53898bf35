//! Import and export of ISO/IEC 19794-2:2005 finger minutiae records, for exchange with other systems.
//!
//! # Record layout (big-endian)
//!
//! Header, 24 bytes: `FMR\0`, version ` 20\0`, record length (4 bytes, the whole record), capture
//! equipment (4 bits compliance + 12 bits id), image width and height (pixels), x and y resolution
//! (pixels per **centimetre**: 197 is 500 ppi), number of finger views, one reserved byte. Each view:
//! finger position, view number (high nibble) and impression type (low nibble), finger quality
//! (0-100), minutia count, then 6 bytes per minutia (2 bits type `01` ending / `10` bifurcation /
//! `00` other + 14 bits x; 2 reserved bits + 14 bits y; angle; minutia quality), then a 2-byte
//! extended data length and that many bytes of extended data, which we skip.
//!
//! # Angle convention
//!
//! ISO 19794-2:2005 measures the angle counter-clockwise from the horizontal axis pointing right, in
//! units of 360/256 = 1.40625 degrees, in the image frame whose origin is the top-left corner with y
//! pointing down. That is exactly [`Minutia::direction`]'s convention, so the angle byte is carried over
//! unchanged in both directions. (ANSI 378 uses 2-degree units and some vendors measure clockwise;
//! those are different formats, not read here.)
//!
//! # Resolution
//!
//! Coordinates are scaled from the header's resolution to 500 ppi. The header is trusted: the SecuGen
//! records in our test data were extracted from images squeezed to 300x400 that still claim 500 ppi,
//! so their minutiae stay in that 300x400 frame; nothing in the record reveals the original geometry.
//!
//! ISO type `00` ("other", used by FingerJetFX for minutiae it could not classify) has no counterpart
//! in [`MinutiaKind`]; it is imported as an ending, the more common class, and exported never.

use super::reader::Reader;
use super::wire;
use super::TemplateError;
use crate::{Minutia, MinutiaKind, Template, STANDARD_PPI};

const MAGIC: &[u8; 4] = b"FMR\0";
const VERSION: &[u8; 4] = b" 20\0";
const HEADER_LEN: usize = 24;
const VIEW_HEADER_LEN: usize = 4;
const MINUTIA_LEN: usize = 6;
/// 500 ppi expressed in the header's unit, pixels per centimetre (500 / 2.54 = 196.85).
const STANDARD_PPCM: u16 = 197;
/// About 250 to 1000 ppi in whole pixels per centimetre: anything else is not a fingerprint scan, and
/// would make scaling absurd.
const MIN_PPCM: u16 = 98;
const MAX_PPCM: u16 = 394;
/// Coordinates are 14-bit fields.
const MAX_COORDINATE: u16 = 0x3fff;

/// One finger view of an ISO record, converted to a 500 ppi [`Template`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IsoFinger {
    /// ISO finger position code: 0 unknown, 1-10 right thumb to left little finger.
    pub finger_position: u8,
    pub view_number: u8,
    /// 0 live-scan plain, 1 live-scan rolled, 2 non-live plain, 3 non-live rolled, 8 swipe.
    pub impression_type: u8,
    /// The view's minutiae in a 500 ppi frame; `quality` is the record's finger quality (0-100).
    pub template: Template,
}

/// Parses every finger view of an ISO/IEC 19794-2:2005 record. The record must be complete and
/// exactly as long as its header says; every field is range-checked before use.
pub fn from_iso(bytes: &[u8]) -> Result<Vec<IsoFinger>, TemplateError> {
    let mut r = Reader::new(bytes);
    if r.take(4)? != MAGIC {
        return Err(TemplateError::BadMagic);
    }
    let version = r.take(4)?;
    if version != VERSION {
        let v = u32::from_be_bytes([version[0], version[1], version[2], version[3]]);
        return Err(TemplateError::UnsupportedVersion(v));
    }
    let declared = r.u32()? as usize;
    if declared != bytes.len() {
        return Err(TemplateError::LengthMismatch {
            declared,
            actual: bytes.len(),
        });
    }
    let _capture_equipment = r.u16()?;
    let width = r.u16()?;
    let height = r.u16()?;
    let x_ppi = ppcm_to_ppi("x resolution", r.u16()?)?;
    let y_ppi = ppcm_to_ppi("y resolution", r.u16()?)?;
    let views = r.u8()?;
    let _reserved = r.u8()?;
    for (field, value) in [("image width", width), ("image height", height)] {
        if value == 0 || value > MAX_COORDINATE {
            return Err(TemplateError::OutOfRange {
                field,
                value: value.into(),
            });
        }
    }
    debug_assert_eq!(r.position(), HEADER_LEN);

    let frame_width = scale(width, x_ppi).max(1);
    let frame_height = scale(height, y_ppi).max(1);
    let mut fingers = Vec::with_capacity(usize::from(views));
    for _ in 0..views {
        let finger_position = r.u8()?;
        let view_impression = r.u8()?;
        let quality = r.u8()?;
        let count = usize::from(r.u8()?);
        let (view_number, impression_type) = (view_impression >> 4, view_impression & 0xf);
        check_view_fields(finger_position, impression_type, quality)?;
        // The count is one byte, so this allocation is bounded; `take` rejects short records first.
        let raw = r.take(count * MINUTIA_LEN)?;
        let mut minutiae = Vec::with_capacity(count);
        for (index, m) in raw.chunks_exact(MINUTIA_LEN).enumerate() {
            let type_x = u16::from_be_bytes([m[0], m[1]]);
            let y_field = u16::from_be_bytes([m[2], m[3]]);
            let (x, y) = (type_x & MAX_COORDINATE, y_field & MAX_COORDINATE);
            let kind = match type_x >> 14 {
                0b00 | 0b01 => MinutiaKind::Ending,
                0b10 => MinutiaKind::Bifurcation,
                other => {
                    return Err(TemplateError::OutOfRange {
                        field: "minutia type",
                        value: other.into(),
                    })
                }
            };
            if x >= width || y >= height {
                return Err(TemplateError::MinutiaOutsideFrame {
                    index,
                    x: x.into(),
                    y: y.into(),
                });
            }
            minutiae.push(Minutia {
                x: scale(x, x_ppi).min(frame_width - 1),
                y: scale(y, y_ppi).min(frame_height - 1),
                direction: m[4],
                kind,
            });
        }
        let extended = usize::from(r.u16()?);
        r.take(extended)?;
        let template = Template {
            width: frame_width,
            height: frame_height,
            quality,
            minutiae,
        };
        // An imported template must be storable: the same limits as our wire form (a 4096-pixel
        // frame is 20 cm at 500 ppi, far beyond any finger).
        wire::validate(&template)?;
        fingers.push(IsoFinger {
            finger_position,
            view_number,
            impression_type,
            template,
        });
    }
    if r.remaining() != 0 {
        return Err(TemplateError::LengthMismatch {
            declared,
            actual: r.position(),
        });
    }
    Ok(fingers)
}

/// Writes one finger view at 500 ppi. Minutia quality is written as 0 ("not reported"), since our
/// templates carry none. The count field is one byte, so minutiae beyond the first 255 are dropped,
/// and coordinates beyond 14 bits are clamped; neither happens with real extraction output.
pub fn to_iso(template: &Template, finger_position: u8) -> Vec<u8> {
    let minutiae = &template.minutiae[..template.minutiae.len().min(255)];
    let len = HEADER_LEN + VIEW_HEADER_LEN + MINUTIA_LEN * minutiae.len() + 2;
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(VERSION);
    out.extend_from_slice(&(len as u32).to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes()); // capture equipment: not reported
    out.extend_from_slice(&template.width.min(MAX_COORDINATE).to_be_bytes());
    out.extend_from_slice(&template.height.min(MAX_COORDINATE).to_be_bytes());
    out.extend_from_slice(&STANDARD_PPCM.to_be_bytes());
    out.extend_from_slice(&STANDARD_PPCM.to_be_bytes());
    out.push(1); // one finger view
    out.push(0); // reserved
    out.push(finger_position);
    out.push(0); // view 0, impression type 0: live-scan plain
    out.push(template.quality.min(100));
    out.push(minutiae.len() as u8);
    for m in minutiae {
        let kind: u16 = match m.kind {
            MinutiaKind::Ending => 0b01,
            MinutiaKind::Bifurcation => 0b10,
        };
        out.extend_from_slice(&(kind << 14 | m.x.min(MAX_COORDINATE)).to_be_bytes());
        out.extend_from_slice(&m.y.min(MAX_COORDINATE).to_be_bytes());
        out.push(m.direction);
        out.push(0);
    }
    out.extend_from_slice(&0u16.to_be_bytes()); // no extended data
    out
}

/// Converts the header's pixels-per-centimetre to whole pixels per inch (197 -> 500, 224 -> 569).
fn ppcm_to_ppi(field: &'static str, ppcm: u16) -> Result<u32, TemplateError> {
    if (MIN_PPCM..=MAX_PPCM).contains(&ppcm) {
        Ok((u32::from(ppcm) * 254 + 50) / 100)
    } else {
        Err(TemplateError::OutOfRange {
            field,
            value: ppcm.into(),
        })
    }
}

/// Scales a coordinate or length from `ppi` to 500 ppi, rounding to nearest.
fn scale(value: u16, ppi: u32) -> u16 {
    let standard = u32::from(STANDARD_PPI);
    ((u32::from(value) * standard + ppi / 2) / ppi).min(u32::from(u16::MAX)) as u16
}

fn check_view_fields(position: u8, impression: u8, quality: u8) -> Result<(), TemplateError> {
    // Positions 0-10 are single fingers; 11-15 are the multi-finger plain codes of ISO 19794-1.
    let checks = [
        ("finger position", position, position <= 15),
        (
            "impression type",
            impression,
            matches!(impression, 0..=3 | 8),
        ),
        ("finger quality", quality, quality <= 100),
    ];
    for (field, value, ok) in checks {
        if !ok {
            return Err(TemplateError::OutOfRange {
                field,
                value: value.into(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> Template {
        Template {
            width: 388,
            height: 374,
            quality: 60,
            minutiae: vec![
                Minutia {
                    x: 10,
                    y: 20,
                    direction: 0,
                    kind: MinutiaKind::Ending,
                },
                Minutia {
                    x: 387,
                    y: 373,
                    direction: 255,
                    kind: MinutiaKind::Bifurcation,
                },
            ],
        }
    }

    #[test]
    fn export_then_import_is_lossless_at_500_ppi() {
        let bytes = to_iso(&template(), 2);
        let fingers = from_iso(&bytes).unwrap();
        assert_eq!(fingers.len(), 1);
        assert_eq!(fingers[0].finger_position, 2);
        assert_eq!(fingers[0].template, template());
    }

    #[test]
    fn header_resolution_rescales_to_500_ppi() {
        let mut bytes = to_iso(&template(), 0);
        // 1000 ppi is 394 pixels per centimetre: coordinates and frame halve.
        bytes[20..22].copy_from_slice(&394u16.to_be_bytes());
        bytes[18..20].copy_from_slice(&394u16.to_be_bytes());
        let t = &from_iso(&bytes).unwrap()[0].template;
        assert_eq!((t.width, t.height), (194, 187));
        assert_eq!((t.minutiae[0].x, t.minutiae[0].y), (5, 10));
        assert_eq!((t.minutiae[1].x, t.minutiae[1].y), (193, 186));
    }

    #[test]
    fn ppcm_converts_to_common_ppi() {
        assert_eq!(ppcm_to_ppi("x", 197), Ok(500));
        assert_eq!(ppcm_to_ppi("x", 224), Ok(569));
        assert!(ppcm_to_ppi("x", 0).is_err());
    }

    #[test]
    fn reserved_minutia_type_and_bad_quality_are_rejected() {
        let good = to_iso(&template(), 0);
        let mut bad_type = good.clone();
        bad_type[28] |= 0xc0;
        assert!(matches!(
            from_iso(&bad_type),
            Err(TemplateError::OutOfRange {
                field: "minutia type",
                ..
            })
        ));
        let mut bad_quality = good.clone();
        bad_quality[26] = 101;
        assert!(from_iso(&bad_quality).is_err());
    }

    #[test]
    fn every_truncation_is_rejected() {
        let good = to_iso(&template(), 0);
        for len in 0..good.len() {
            let mut cut = good[..len].to_vec();
            // Fix the declared length too, so the parser must notice the missing fields themselves.
            if len >= 12 {
                cut[8..12].copy_from_slice(&(len as u32).to_be_bytes());
            }
            assert!(from_iso(&cut).is_err(), "len {len}");
        }
    }
}
