//! The compact code of one enrolled finger and the stored form of a person's codes: computed once
//! at enrolment, stored beside the templates, loaded into a [`super::ScreeningIndex`].

use super::{D, M};
use crate::search::descriptor::{self, pack_geo, Geo, EMPTY_GEO};
use crate::Template;

/// Finger positions 1-10 (ISO/IEC 19794-2).
pub const FINGER_POSITIONS: usize = 10;
/// Bytes of one finger's code (8 bytes per descriptor, 3 per minutia).
pub const FINGER_CODE_BYTES: usize = D * 8 + M * 3;
/// Version of the stored form of [`person_codes_to_bytes`]: it changes whenever the codes do, and
/// stored codes of another version are recomputed from the templates.
/// 1: 12 descriptors with 4-byte minutiae, no version byte (never written with one).
/// 2: 8 descriptors, 28 three-byte minutiae.
pub const PERSON_CODES_VERSION: u8 = 2;

/// The compact code of one enrolled finger, computed once at enrolment and stored beside the
/// template so a gallery loads without re-extracting anything. Fixed length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FingerCode {
    /// Descriptor bits; 0 is an empty slot (never matches). Descriptor `i` is of minutia `i`.
    pub(super) bits: [u64; D],
    pub(super) minutiae: [Geo; M],
}

impl FingerCode {
    pub fn new(template: &Template) -> Self {
        let f = descriptor::features(template, D);
        let mut bits = [0u64; D];
        let mut minutiae = [EMPTY_GEO; M];
        let pack = |i: usize| {
            let m = &template.minutiae[i];
            pack_geo(m.x, m.y, m.direction)
        };
        for (slot, &(b, i)) in f.descriptors.iter().enumerate() {
            bits[slot] = b;
            minutiae[slot] = pack(i);
        }
        // Then the other minutiae nearest the centre, where later impressions overlap most.
        let mut next = f.descriptors.len();
        for i in f.central_order {
            if next == M {
                break;
            }
            if f.descriptors.iter().any(|&(_, j)| j == i) {
                continue;
            }
            minutiae[next] = pack(i);
            next += 1;
        }
        Self { bits, minutiae }
    }

    /// Fixed-length little-endian bytes: D x u64 bits, then M x 3 bytes of minutiae.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(FINGER_CODE_BYTES);
        for b in &self.bits {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for g in &self.minutiae {
            out.extend_from_slice(g);
        }
        out
    }

    /// Parses [`Self::to_bytes`]; `None` for any other length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != FINGER_CODE_BYTES {
            return None;
        }
        let (bits_bytes, geo_bytes) = bytes.split_at(D * 8);
        let mut bits = [0u64; D];
        for (b, chunk) in bits.iter_mut().zip(bits_bytes.chunks_exact(8)) {
            *b = u64::from_le_bytes(chunk.try_into().ok()?);
        }
        let mut minutiae = [EMPTY_GEO; M];
        for (g, chunk) in minutiae.iter_mut().zip(geo_bytes.chunks_exact(3)) {
            *g = chunk.try_into().ok()?;
        }
        Some(Self { bits, minutiae })
    }

    /// Descriptors actually present (a sparse print may have fewer than the maximum).
    pub fn descriptor_count(&self) -> usize {
        self.bits.iter().filter(|&&b| b != 0).count()
    }
}

/// Stored form of one person's codes: [`PERSON_CODES_VERSION`], then per position 1-10 a
/// presence byte and the code (zeros when absent). Fixed length, [`PERSON_CODES_BYTES`].
pub fn person_codes_to_bytes(codes: &[Option<FingerCode>; FINGER_POSITIONS]) -> Vec<u8> {
    let mut out = Vec::with_capacity(PERSON_CODES_BYTES);
    out.push(PERSON_CODES_VERSION);
    for c in codes {
        match c {
            Some(c) => {
                out.push(1);
                out.extend_from_slice(&c.to_bytes());
            }
            None => {
                out.push(0);
                out.extend(std::iter::repeat_n(0, FINGER_CODE_BYTES));
            }
        }
    }
    out
}

pub const PERSON_CODES_BYTES: usize = 1 + FINGER_POSITIONS * (1 + FINGER_CODE_BYTES);

/// Parses [`person_codes_to_bytes`]; `None` for anything else, including codes of another
/// version (the caller recomputes those from the templates).
pub fn person_codes_from_bytes(bytes: &[u8]) -> Option<[Option<FingerCode>; FINGER_POSITIONS]> {
    if bytes.len() != PERSON_CODES_BYTES || bytes[0] != PERSON_CODES_VERSION {
        return None;
    }
    let mut out: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
    for (i, chunk) in bytes[1..].chunks_exact(1 + FINGER_CODE_BYTES).enumerate() {
        match chunk[0] {
            0 => {}
            1 => out[i] = Some(FingerCode::from_bytes(&chunk[1..])?),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::screening::fixtures::person;

    #[test]
    fn codes_round_trip_through_their_stored_form() {
        let (r, l) = person(9);
        let mut codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
        codes[1] = Some(FingerCode::new(&r));
        codes[6] = Some(FingerCode::new(&l));
        let bytes = person_codes_to_bytes(&codes);
        assert_eq!(bytes.len(), PERSON_CODES_BYTES);
        assert_eq!(person_codes_from_bytes(&bytes), Some(codes));
        assert_eq!(person_codes_from_bytes(&bytes[1..]), None);
        assert!(FingerCode::new(&r).descriptor_count() > 0);
    }

    #[test]
    fn codes_of_another_version_are_refused() {
        let codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
        let mut bytes = person_codes_to_bytes(&codes);
        bytes[0] = PERSON_CODES_VERSION - 1;
        assert_eq!(person_codes_from_bytes(&bytes), None);
    }
}
