//! Canonical Huffman tables (as in JPEG) and symbol decoding for WSQ blocks.

use super::bits::Bits;
use crate::codec::DecodeError;

/// A decoding table: for each code length, the largest code, the first code and where its values start.
#[derive(Clone)]
pub(super) struct Huffman {
    values: Vec<u8>,
    max_code: [i32; 17],
    min_code: [u32; 17],
    first_value: [usize; 17],
}

impl Huffman {
    /// Builds a table from the 16 code-length counts and the symbol values of a DHT segment.
    pub(super) fn new(counts: &[u8; 16], values: Vec<u8>) -> Result<Self, DecodeError> {
        let total: usize = counts.iter().map(|&c| usize::from(c)).sum();
        if total != values.len() || total > 256 {
            return Err(DecodeError::Malformed("Huffman table value count"));
        }
        let mut table = Self {
            values,
            max_code: [-1; 17],
            min_code: [0; 17],
            first_value: [0; 17],
        };
        let mut code: u32 = 0;
        let mut k = 0;
        for len in 1..=16 {
            let count = usize::from(counts[len - 1]);
            if count > 0 {
                table.first_value[len] = k;
                table.min_code[len] = code;
                code += count as u32;
                // Codes of this length must fit in `len` bits, or the counts describe no prefix code.
                if code > 1 << len {
                    return Err(DecodeError::Malformed("Huffman code lengths overflow"));
                }
                table.max_code[len] = code as i32 - 1;
                k += count;
            }
            code <<= 1;
        }
        Ok(table)
    }

    /// Decodes one symbol, or `None` when the block's closing marker is reached.
    pub(super) fn decode(&self, bits: &mut Bits) -> Result<Option<u8>, DecodeError> {
        let mut code: u32 = 0;
        for len in 1..=16 {
            let Some(bit) = bits.bit()? else {
                return Ok(None);
            };
            code = code << 1 | bit;
            if self.max_code[len] >= 0 && code as i32 <= self.max_code[len] {
                let index = self.first_value[len] + (code - self.min_code[len]) as usize;
                return Ok(Some(self.values[index]));
            }
        }
        Err(DecodeError::Malformed("invalid Huffman code"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_canonical_codes() {
        // Lengths: one 1-bit code (0), two 2-bit codes (10, 11) -> a, b, c.
        let mut counts = [0u8; 16];
        counts[0] = 1;
        counts[1] = 2;
        let table = Huffman::new(&counts, vec![b'a', b'b', b'c']).unwrap();
        // 0 10 11 0 11, then a stuffed FF (four more 11 codes), then the end-of-block marker.
        let data = [0b0101_1011, 0b1111_1111, 0x00, 0xff, 0xa1];
        let mut bits = Bits::new(&data, 0);
        let mut out = Vec::new();
        while let Some(s) = table.decode(&mut bits).unwrap() {
            out.push(s);
            if out.len() > 10 {
                break;
            }
        }
        assert_eq!(out, b"abcaccccc");
    }

    #[test]
    fn over_full_lengths_are_rejected() {
        let mut counts = [0u8; 16];
        counts[0] = 3;
        assert!(Huffman::new(&counts, vec![1, 2, 3]).is_err());
    }
}
