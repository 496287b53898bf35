//! A bounds-checked big-endian cursor over the WSQ stream's header segments.

use crate::codec::DecodeError;

pub(super) struct Bytes<'a> {
    data: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Bytes<'a> {
    pub(super) fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }

    pub(super) fn data(&self) -> &'a [u8] {
        self.data
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).ok_or(DecodeError::Truncated)?;
        let slice = self.data.get(self.pos..end).ok_or(DecodeError::Truncated)?;
        self.pos = end;
        Ok(slice)
    }

    pub(super) fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    pub(super) fn u16(&mut self) -> Result<u16, DecodeError> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    pub(super) fn u32(&mut self) -> Result<u32, DecodeError> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Reads a marker, skipping the `0xFF` fill bytes the specification allows before it.
    pub(super) fn marker(&mut self) -> Result<u8, DecodeError> {
        if self.u8()? != 0xff {
            return Err(DecodeError::Malformed("expected a marker"));
        }
        loop {
            match self.u8()? {
                0xff => continue,
                0x00 => return Err(DecodeError::Malformed("expected a marker")),
                code => return Ok(code),
            }
        }
    }
}
