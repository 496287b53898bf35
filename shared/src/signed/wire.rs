//! Byte-level reading and writing for the signed documents' bodies: fixed-width big-endian
//! integers, dates and length-prefixed text, with a reader that never panics on short input.

use crate::domain::Date;

/// A body that does not parse: cut short, a field out of range, or bytes left over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// The characters a packed text may hold (index = 6-bit code): what SIAK prints in names and
/// places of birth, and a few more for places.
pub(crate) const PACKED_ALPHABET: &[u8] = b" ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'-.,/()";

fn packed_index(b: u8) -> Option<u8> {
    PACKED_ALPHABET
        .iter()
        .position(|&a| a == b)
        .map(|i| i as u8)
}

/// Appends fields to a body.
#[derive(Default)]
pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.0.push(v);
    }

    pub(crate) fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_be_bytes());
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_be_bytes());
    }

    pub(crate) fn bytes(&mut self, v: &[u8]) {
        self.0.extend_from_slice(v);
    }

    /// Year (2 bytes), month, day: 4 bytes, readable in a hex dump.
    pub(crate) fn date(&mut self, d: Date) {
        self.u16(d.year());
        self.u8(d.month());
        self.u8(d.day());
    }

    /// A header byte then the text: packed six bits a character when every character is in
    /// [`PACKED_ALPHABET`] (names and places as SIAK prints them: a quarter smaller), UTF-8
    /// otherwise. Header: bit 7 set = packed, bits 0-6 = characters (packed) or bytes (UTF-8).
    /// `None` if the text is longer than 127.
    pub(crate) fn text(&mut self, s: &str) -> Option<()> {
        let packed: Option<Vec<u8>> = s.bytes().map(packed_index).collect();
        match packed {
            Some(indexes) => {
                let len = u8::try_from(indexes.len()).ok().filter(|&l| l <= 127)?;
                self.u8(0x80 | len);
                let mut acc = 0u32;
                let mut bits = 0;
                for i in indexes {
                    acc = acc << 6 | u32::from(i);
                    bits += 6;
                    while bits >= 8 {
                        bits -= 8;
                        self.u8((acc >> bits) as u8);
                    }
                }
                if bits > 0 {
                    self.u8((acc << (8 - bits)) as u8);
                }
            }
            None => {
                let len = u8::try_from(s.len()).ok().filter(|&l| l <= 127)?;
                self.u8(len);
                self.bytes(s.as_bytes());
            }
        }
        Some(())
    }
}

/// Reads fields from a body, front to back.
pub(crate) struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader(bytes)
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Malformed> {
        if self.0.len() < n {
            return Err(Malformed);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, Malformed> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn u16(&mut self) -> Result<u16, Malformed> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    pub(crate) fn u32(&mut self) -> Result<u32, Malformed> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(crate) fn date(&mut self) -> Result<Date, Malformed> {
        let year = self.u16()?;
        let month = self.u8()?;
        let day = self.u8()?;
        Date::new(year, month, day).map_err(|_| Malformed)
    }

    /// Reads what [`Writer::text`] wrote; refuses padding bits that are not zero and a UTF-8
    /// form of a text that would have been packed, so each text has one encoding.
    pub(crate) fn text(&mut self) -> Result<String, Malformed> {
        let header = self.u8()?;
        let len = usize::from(header & 0x7f);
        if header & 0x80 == 0 {
            let text = std::str::from_utf8(self.take(len)?).map_err(|_| Malformed)?;
            if text.bytes().all(|b| packed_index(b).is_some()) {
                return Err(Malformed);
            }
            return Ok(text.to_string());
        }
        let bytes = self.take((len * 6).div_ceil(8))?;
        let mut out = String::with_capacity(len);
        let mut acc = 0u32;
        let mut bits = 0;
        let mut input = bytes.iter();
        while out.len() < len {
            if bits < 6 {
                acc = acc << 8 | u32::from(*input.next().ok_or(Malformed)?);
                bits += 8;
            }
            bits -= 6;
            let index = ((acc >> bits) & 0x3f) as usize;
            out.push(char::from(*PACKED_ALPHABET.get(index).ok_or(Malformed)?));
        }
        if acc & ((1 << bits) - 1) != 0 {
            return Err(Malformed);
        }
        Ok(out)
    }

    /// Everything not read yet.
    pub(crate) fn rest(&mut self) -> &'a [u8] {
        std::mem::take(&mut self.0)
    }

    /// Succeeds only if every byte was read: trailing bytes mean a different layout.
    pub(crate) fn finish(self) -> Result<(), Malformed> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Malformed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> Vec<u8> {
        let mut w = Writer::default();
        w.text(text).unwrap();
        let mut r = Reader::new(&w.0);
        assert_eq!(r.text().as_deref(), Ok(text));
        r.finish().unwrap();
        w.0
    }

    #[test]
    fn names_pack_into_six_bits_a_character() {
        assert_eq!(round_trip("").len(), 1);
        assert_eq!(round_trip("A"), [0x81, 1 << 2]);
        assert_eq!(round_trip("MOH. SALEH").len(), 1 + 8);
        assert_eq!(round_trip(&"W".repeat(60)).len(), 1 + 45);
        // Not in the alphabet: UTF-8, one byte a character here.
        assert_eq!(round_trip("Grobogan").len(), 1 + 8);
        assert_eq!(round_trip("SÉMARANG").len(), 1 + 9);
    }

    #[test]
    fn non_canonical_or_cut_text_is_malformed() {
        // Packed "A" with a stray padding bit.
        assert_eq!(Reader::new(&[0x81, 0x05]).text(), Err(Malformed));
        // Code 63 is past the alphabet.
        assert_eq!(Reader::new(&[0x81, 0xfc]).text(), Err(Malformed));
        // "AB" as UTF-8 although it packs.
        assert_eq!(Reader::new(&[0x02, b'A', b'B']).text(), Err(Malformed));
        assert_eq!(Reader::new(&[0x84, 0x04]).text(), Err(Malformed));
        let mut w = Writer::default();
        assert_eq!(w.text(&"A".repeat(128)), None);
    }
}
