//! Bit reader for WSQ entropy-coded data: most significant bit first, `FF 00` is a stuffed `FF`, and
//! any other `FF xx` is the marker that ends the block.

use crate::codec::DecodeError;

pub(super) struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    byte: u8,
    left: u8,
}

impl<'a> Bits<'a> {
    pub(super) fn new(data: &'a [u8], pos: usize) -> Self {
        Self {
            data,
            pos,
            byte: 0,
            left: 0,
        }
    }

    /// Where the marker that ended the block starts (valid once `bit` returned `None`).
    pub(super) fn position(&self) -> usize {
        self.pos
    }

    /// The next bit, or `None` at a marker. A marker can only begin on a byte boundary; the bits left
    /// in a byte before it are the encoder's 1-padding, which never completes a code.
    pub(super) fn bit(&mut self) -> Result<Option<u32>, DecodeError> {
        if self.left == 0 {
            let b = *self.data.get(self.pos).ok_or(DecodeError::Truncated)?;
            if b == 0xff {
                match *self.data.get(self.pos + 1).ok_or(DecodeError::Truncated)? {
                    0x00 => self.pos += 2,
                    _ => return Ok(None),
                }
            } else {
                self.pos += 1;
            }
            self.byte = b;
            self.left = 8;
        }
        self.left -= 1;
        Ok(Some(u32::from(self.byte >> self.left & 1)))
    }

    /// A fixed-width field inside the data; a marker in the middle of one is corruption.
    pub(super) fn bits(&mut self, n: u32) -> Result<u32, DecodeError> {
        let mut value = 0;
        for _ in 0..n {
            let bit = self
                .bit()?
                .ok_or(DecodeError::Malformed("marker inside a coefficient"))?;
            value = value << 1 | bit;
        }
        Ok(value)
    }
}
