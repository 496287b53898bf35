//! The card chip's data file: what the dinas hands the card encoder for one card, signed with
//! the regency's key in the same envelope as the Surat Keterangan ([`DocumentKind::CardChipData`]).
//! The layout is documented in `docs/chip-data.md` at the repository root; this file is its
//! one implementation (the edge signs, tests and any encoder-side tool open).

use super::envelope::{DocumentKind, OpenError, Opened};
use super::keys::{KeyRing, PublicKey, Signer};
use super::wire::{Malformed, Reader, Writer};
use crate::domain::Date;
use std::fmt;

/// Version of the chip data body (its first byte).
pub const CHIP_DATA_VERSION: u8 = 1;

/// One chip slot's fingerprint: an ISO/IEC 19794-2:2005 record of one finger view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChipFinger {
    /// The index finger the slot stands for: 2 (right) or 7 (left).
    pub slot: u8,
    /// The finger recorded there; differs from `slot` when substituted (see
    /// `crate::printing::chip_fingers`).
    pub position: u8,
    pub iso_record: Vec<u8>,
}

/// Everything the encoder writes to one card's chip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChipData {
    /// The blank card's serial: ties the file to one physical card.
    pub card_serial: String,
    pub nik: String,
    pub full_name: String,
    pub birth_place: String,
    pub birth_date: Date,
    pub sex: String,
    pub blood_type: String,
    pub street: String,
    pub rt: String,
    pub rw: String,
    pub village: String,
    pub district: String,
    pub regency: String,
    pub province: String,
    pub religion: String,
    pub marital_status: String,
    pub occupation: String,
    pub citizenship: String,
    pub valid_until: String,
    pub issued_on: Date,
    /// Right slot first, then left; 0 to 2 entries.
    pub fingers: Vec<ChipFinger>,
    /// The face taken at recording (JPEG).
    pub photo_jpeg: Vec<u8>,
    /// The signature taken at recording (PNG).
    pub signature_png: Vec<u8>,
}

/// Why chip data cannot be written or is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChipDataError {
    /// A text over 127 characters, more than two fingers, or a part over its length field.
    TooLong,
    /// Cut short, trailing bytes, or a field out of range.
    Malformed,
    /// A body version this build does not read.
    UnsupportedVersion(u8),
    /// The envelope did not verify.
    Envelope(OpenError),
}

impl fmt::Display for ChipDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChipDataError::TooLong => f.write_str("a chip data field is over its length limit"),
            ChipDataError::Malformed => f.write_str("not a chip data body"),
            ChipDataError::UnsupportedVersion(v) => write!(f, "unsupported chip data version {v}"),
            ChipDataError::Envelope(e) => write!(f, "chip data envelope: {e}"),
        }
    }
}

impl std::error::Error for ChipDataError {}

impl From<Malformed> for ChipDataError {
    fn from(_: Malformed) -> Self {
        ChipDataError::Malformed
    }
}

impl ChipData {
    fn texts(&self) -> [&str; 17] {
        [
            &self.card_serial,
            &self.nik,
            &self.full_name,
            &self.birth_place,
            &self.sex,
            &self.blood_type,
            &self.street,
            &self.rt,
            &self.rw,
            &self.village,
            &self.district,
            &self.regency,
            &self.province,
            &self.religion,
            &self.marital_status,
            &self.occupation,
            &self.citizenship,
        ]
    }

    /// The body: version, the texts, the dates, the fingers, the photo and the signature.
    pub fn encode(&self) -> Result<Vec<u8>, ChipDataError> {
        let mut w = Writer::default();
        w.u8(CHIP_DATA_VERSION);
        for text in self.texts() {
            w.text(text).ok_or(ChipDataError::TooLong)?;
        }
        w.text(&self.valid_until).ok_or(ChipDataError::TooLong)?;
        w.date(self.birth_date);
        w.date(self.issued_on);
        if self.fingers.len() > 2 {
            return Err(ChipDataError::TooLong);
        }
        w.u8(self.fingers.len() as u8);
        for f in &self.fingers {
            w.u8(f.slot);
            w.u8(f.position);
            let len = u16::try_from(f.iso_record.len()).map_err(|_| ChipDataError::TooLong)?;
            w.u16(len);
            w.bytes(&f.iso_record);
        }
        for image in [&self.photo_jpeg, &self.signature_png] {
            let len = u32::try_from(image.len()).map_err(|_| ChipDataError::TooLong)?;
            w.u32(len);
            w.bytes(image);
        }
        Ok(w.0)
    }

    /// Reads what [`ChipData::encode`] wrote; every byte must be used.
    pub fn decode(body: &[u8]) -> Result<ChipData, ChipDataError> {
        let mut r = Reader::new(body);
        let version = r.u8()?;
        if version != CHIP_DATA_VERSION {
            return Err(ChipDataError::UnsupportedVersion(version));
        }
        let mut texts = Vec::with_capacity(18);
        for _ in 0..18 {
            texts.push(r.text()?);
        }
        let birth_date = r.date()?;
        let issued_on = r.date()?;
        let count = r.u8()?;
        if count > 2 {
            return Err(ChipDataError::Malformed);
        }
        let mut fingers = Vec::new();
        for _ in 0..count {
            let slot = r.u8()?;
            let position = r.u8()?;
            if !matches!(slot, 2 | 7) || !(1..=10).contains(&position) {
                return Err(ChipDataError::Malformed);
            }
            let len = usize::from(r.u16()?);
            fingers.push(ChipFinger {
                slot,
                position,
                iso_record: r.take(len)?.to_vec(),
            });
        }
        let mut image = || -> Result<Vec<u8>, ChipDataError> {
            let len = r.u32()? as usize;
            Ok(r.take(len)?.to_vec())
        };
        let photo_jpeg = image()?;
        let signature_png = image()?;
        r.finish()?;
        let mut t = texts.into_iter();
        let mut next = || t.next().unwrap_or_default();
        Ok(ChipData {
            card_serial: next(),
            nik: next(),
            full_name: next(),
            birth_place: next(),
            sex: next(),
            blood_type: next(),
            street: next(),
            rt: next(),
            rw: next(),
            village: next(),
            district: next(),
            regency: next(),
            province: next(),
            religion: next(),
            marital_status: next(),
            occupation: next(),
            citizenship: next(),
            valid_until: next(),
            birth_date,
            issued_on,
            fingers,
            photo_jpeg,
            signature_png,
        })
    }
}

/// The signed file: the envelope around [`ChipData::encode`].
pub fn sign_chip_data(signer: &Signer, data: &ChipData) -> Result<Vec<u8>, ChipDataError> {
    Ok(signer.seal(DocumentKind::CardChipData, &data.encode()?))
}

/// Verifies a chip data file against `ring` and reads it, with the key that signed it.
pub fn open_chip_data(ring: &KeyRing, file: &[u8]) -> Result<(ChipData, PublicKey), ChipDataError> {
    let Opened { key, body } = ring
        .open(DocumentKind::CardChipData, file)
        .map_err(ChipDataError::Envelope)?;
    Ok((ChipData::decode(body)?, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signed::keys::{KeyId, KeyRole};

    fn sample() -> ChipData {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        ChipData {
            card_serial: "KTP-000123".into(),
            nik: "3315135211870003".into(),
            full_name: "SITI AMINAH".into(),
            birth_place: "GROBOGAN".into(),
            birth_date: d(1987, 11, 12),
            sex: "PEREMPUAN".into(),
            blood_type: "O".into(),
            street: "JL. MELATI 5".into(),
            rt: "002".into(),
            rw: "004".into(),
            village: "WARUKARANGANYAR".into(),
            district: "PURWODADI".into(),
            regency: "KABUPATEN GROBOGAN".into(),
            province: "JAWA TENGAH".into(),
            religion: "ISLAM".into(),
            marital_status: "KAWIN TERCATAT".into(),
            occupation: "PETANI/PEKEBUN".into(),
            citizenship: "WNI".into(),
            valid_until: "SEUMUR HIDUP".into(),
            issued_on: d(2026, 12, 7),
            fingers: vec![
                ChipFinger {
                    slot: 2,
                    position: 1,
                    iso_record: vec![b'F', b'M', b'R', 0, 1],
                },
                ChipFinger {
                    slot: 7,
                    position: 7,
                    iso_record: vec![b'F', b'M', b'R', 0, 2],
                },
            ],
            photo_jpeg: vec![0xFF, 0xD8, 0xFF, 0xD9],
            signature_png: b"\x89PNG".to_vec(),
        }
    }

    #[test]
    fn signed_chip_data_opens_to_the_same_content() {
        let signer = Signer::from_seed(KeyId(5), &[4; 32]);
        let mut ring = KeyRing::new();
        ring.insert(signer.public_key(KeyRole::Production)).unwrap();
        let file = sign_chip_data(&signer, &sample()).unwrap();
        let (data, key) = open_chip_data(&ring, &file).unwrap();
        assert_eq!(data, sample());
        assert_eq!(key.id, KeyId(5));
        // One changed byte anywhere and the file is refused.
        let mut bad = file.clone();
        bad[40] ^= 1;
        assert!(open_chip_data(&ring, &bad).is_err());
        // A Surat Keterangan signature can never pass as chip data, nor the reverse.
        let other = signer.seal(DocumentKind::Certificate, &sample().encode().unwrap());
        assert_eq!(
            open_chip_data(&ring, &other),
            Err(ChipDataError::Envelope(OpenError::WrongKind(1)))
        );
    }

    #[test]
    fn bodies_that_are_cut_padded_or_newer_are_refused() {
        let body = sample().encode().unwrap();
        assert_eq!(
            ChipData::decode(&body[..body.len() - 1]),
            Err(ChipDataError::Malformed)
        );
        let mut longer = body.clone();
        longer.push(0);
        assert_eq!(ChipData::decode(&longer), Err(ChipDataError::Malformed));
        let mut newer = body;
        newer[0] = 2;
        assert_eq!(
            ChipData::decode(&newer),
            Err(ChipDataError::UnsupportedVersion(2))
        );
        let mut three = sample();
        three.fingers.push(three.fingers[0].clone());
        assert_eq!(three.encode(), Err(ChipDataError::TooLong));
    }
}
