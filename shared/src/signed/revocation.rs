//! The revocation list: a signed bitstring with one bit per certificate serial, dated, so a
//! verifier that cached it can say "not revoked as of <date>" with no network.

use super::base45;
use super::certificate_payload::Issuer;
use super::envelope::{DocumentKind, OpenError};
use super::keys::{KeyRing, Signer};
use super::wire::{Malformed, Reader, Writer};
use crate::domain::{Date, RegionCode, RegionLevel};

/// Version of the list's body layout (its first byte).
pub const REVOCATION_LIST_VERSION: u8 = 1;

/// One issuer's revocations on one day. The list covers serials `0..covered` (every serial the
/// issuer had given out when it was made); a later serial is not covered.
///
/// Body layout, version 1 (big-endian):
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 1 | version (1) |
/// | 1 | 2 | regency code as a number |
/// | 3 | 1 | office |
/// | 4 | 4 | made on (year u16, month, day) |
/// | 8 | 4 | serials covered, N |
/// | 12 | ⌈N/8⌉ | bit i (most significant bit first) set = serial i revoked; padding bits zero |
///
/// 10,000 certificates make 1,250 bytes of bits; at a regency's rate of issue a plain bitstring
/// stays small, so it is not compressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevocationList {
    issuer: Issuer,
    made_on: Date,
    covered: u32,
    bits: Vec<u8>,
}

/// A revoked serial the list does not cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SerialNotCovered(pub u32);

/// What a list says about one serial.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevocationStatus {
    Revoked,
    NotRevoked,
    /// Issued after the list was made (or by another issuer): the list cannot tell.
    NotCovered,
}

impl RevocationList {
    /// The list of `issuer` made on `made_on`, covering serials below `covered`, with `revoked`
    /// set.
    pub fn new(
        issuer: Issuer,
        made_on: Date,
        covered: u32,
        revoked: impl IntoIterator<Item = u32>,
    ) -> Result<RevocationList, SerialNotCovered> {
        let mut bits = vec![0u8; (covered as usize).div_ceil(8)];
        for serial in revoked {
            if serial >= covered {
                return Err(SerialNotCovered(serial));
            }
            bits[serial as usize / 8] |= 0x80 >> (serial % 8);
        }
        Ok(RevocationList {
            issuer,
            made_on,
            covered,
            bits,
        })
    }

    pub fn issuer(&self) -> Issuer {
        self.issuer
    }

    pub fn made_on(&self) -> Date {
        self.made_on
    }

    pub fn covered(&self) -> u32 {
        self.covered
    }

    fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.u8(REVOCATION_LIST_VERSION);
        w.u16(self.issuer.regency().value() as u16);
        w.u8(self.issuer.office);
        w.date(self.made_on);
        w.u32(self.covered);
        w.bytes(&self.bits);
        w.0
    }

    fn decode(body: &[u8]) -> Result<RevocationList, OpenError> {
        let mut r = Reader::new(body);
        let version = r.u8().map_err(|_| OpenError::Malformed)?;
        if version != REVOCATION_LIST_VERSION {
            return Err(OpenError::UnsupportedVersion(version));
        }
        let read = |r: &mut Reader<'_>| -> Result<RevocationList, Malformed> {
            let regency = RegionCode::from_value(RegionLevel::Regency, u64::from(r.u16()?))
                .map_err(|_| Malformed)?;
            let issuer = Issuer::new(regency, r.u8()?).ok_or(Malformed)?;
            let made_on = r.date()?;
            let covered = r.u32()?;
            let bits = r.rest();
            if bits.len() != (covered as usize).div_ceil(8) {
                return Err(Malformed);
            }
            // Padding bits past the last serial must be zero: one list, one encoding.
            let used = covered % 8;
            if used != 0 && bits.last().is_some_and(|b| b & (0xff >> used) != 0) {
                return Err(Malformed);
            }
            Ok(RevocationList {
                issuer,
                made_on,
                covered,
                bits: bits.to_vec(),
            })
        };
        let list = read(&mut r).map_err(|Malformed| OpenError::Malformed)?;
        r.finish().map_err(|Malformed| OpenError::Malformed)?;
        Ok(list)
    }
}

/// What `list` says about certificate `serial` (of the list's issuer).
pub fn status_of(serial: u32, list: &RevocationList) -> RevocationStatus {
    if serial >= list.covered {
        return RevocationStatus::NotCovered;
    }
    if list.bits[serial as usize / 8] & (0x80 >> (serial % 8)) != 0 {
        RevocationStatus::Revoked
    } else {
        RevocationStatus::NotRevoked
    }
}

/// Signs `list`; the base45 text is what the edge serves and the page caches.
pub fn sign_revocation_list(signer: &Signer, list: &RevocationList) -> String {
    base45::encode(&signer.seal(DocumentKind::RevocationList, &list.encode()))
}

/// Checks a list's text against `ring` and reads it. Line breaks around it are ignored.
pub fn open_revocation_list(ring: &KeyRing, text: &str) -> Result<RevocationList, OpenError> {
    let bytes =
        base45::decode(text.trim_matches(['\r', '\n', '\t'])).map_err(|_| OpenError::Malformed)?;
    let opened = ring.open(DocumentKind::RevocationList, &bytes)?;
    RevocationList::decode(opened.body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signed::keys::{KeyId, KeyRole};

    fn issuer() -> Issuer {
        Issuer::new(RegionCode::parse("33.15").unwrap(), 1).unwrap()
    }

    fn day(d: u8) -> Date {
        Date::new(2026, 4, d).unwrap()
    }

    fn signer_and_ring() -> (Signer, KeyRing) {
        let signer = Signer::from_seed(KeyId(1), &[5; 32]);
        let mut ring = KeyRing::new();
        ring.insert(signer.public_key(KeyRole::Production)).unwrap();
        (signer, ring)
    }

    #[test]
    fn signed_list_round_trips_and_answers_per_serial() {
        let (signer, ring) = signer_and_ring();
        let list = RevocationList::new(issuer(), day(2), 13, [0, 7, 8, 12]).unwrap();
        let text = sign_revocation_list(&signer, &list);
        let opened = open_revocation_list(&ring, &format!("{text}\n")).unwrap();
        assert_eq!(opened, list);
        assert_eq!(opened.made_on(), day(2));
        let expect = |serial, status| assert_eq!(status_of(serial, &opened), status, "{serial}");
        for s in [0, 7, 8, 12] {
            expect(s, RevocationStatus::Revoked);
        }
        for s in [1, 6, 9, 11] {
            expect(s, RevocationStatus::NotRevoked);
        }
        expect(13, RevocationStatus::NotCovered);
        expect(u32::MAX, RevocationStatus::NotCovered);
    }

    #[test]
    fn list_is_compact() {
        let (signer, _) = signer_and_ring();
        let list = RevocationList::new(issuer(), day(2), 10_000, [42]).unwrap();
        let text = sign_revocation_list(&signer, &list);
        // 4 header + 12 body + 1,250 bits + 64 signature bytes, base45-encoded.
        assert_eq!(base45::decode(&text).unwrap().len(), 1_330);
    }

    #[test]
    fn out_of_range_serials_and_forged_or_odd_lists_are_refused() {
        let (signer, ring) = signer_and_ring();
        assert_eq!(
            RevocationList::new(issuer(), day(2), 8, [8]),
            Err(SerialNotCovered(8))
        );
        let list = RevocationList::new(issuer(), day(2), 3, [1]).unwrap();
        let sealed = base45::decode(&sign_revocation_list(&signer, &list)).unwrap();
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x10;
            assert!(
                open_revocation_list(&ring, &base45::encode(&bad)).is_err(),
                "byte {i}"
            );
        }
        // Well signed but with a padding bit set: refused by the decoder.
        let mut body = list.encode();
        *body.last_mut().unwrap() |= 0x01;
        let odd = signer.seal(DocumentKind::RevocationList, &body);
        assert_eq!(
            open_revocation_list(&ring, &base45::encode(&odd)),
            Err(OpenError::Malformed)
        );
        let empty = RevocationList::new(issuer(), day(2), 0, []).unwrap();
        assert_eq!(
            open_revocation_list(&ring, &sign_revocation_list(&signer, &empty)),
            Ok(empty)
        );
    }
}
