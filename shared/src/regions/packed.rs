//! Read access to a packed name table: sorted codes, one length byte per name, a sparse index.

/// Names per block of the sparse start index; must equal `BLOCK` in `build.rs`.
const BLOCK: usize = 32;

/// A view over generated arrays: entry `i` has code `codes()[i]` and a name of `lens[i]` bytes,
/// starting at `starts[i / BLOCK]` plus the lengths of the earlier names of its block. Codes are
/// sorted, so lookups are binary searches. `codes` is a function so a table may decode its codes
/// once, on first use (see [`decode_gaps`]).
pub(crate) struct Packed<C: 'static> {
    pub codes: fn() -> &'static [C],
    pub lens: &'static [u8],
    pub starts: &'static [u32],
    pub names: &'static str,
}

#[cfg(not(feature = "region-names"))]
impl<C: 'static> Packed<C> {
    /// A table of codes without names (see the `region-names` feature).
    pub const fn codes_only(codes: fn() -> &'static [C]) -> Packed<C> {
        Packed {
            codes,
            lens: &[],
            starts: &[],
            names: "",
        }
    }
}

impl<C: Ord + Copy> Packed<C> {
    pub fn len(&self) -> usize {
        (self.codes)().len()
    }

    pub fn index_of(&self, code: C) -> Option<usize> {
        (self.codes)().binary_search(&code).ok()
    }

    pub fn code(&self, i: usize) -> C {
        (self.codes)()[i]
    }

    pub fn name(&self, i: usize) -> &'static str {
        let block = i / BLOCK;
        let before: usize = self.lens[block * BLOCK..i]
            .iter()
            .map(|&l| usize::from(l))
            .sum();
        let start = self.starts[block] as usize + before;
        &self.names[start..start + usize::from(self.lens[i])]
    }

    /// Indices of entries whose code lies in `lo..=hi`.
    pub fn range(&self, lo: C, hi: C) -> std::ops::Range<usize> {
        let codes = (self.codes)();
        let start = codes.partition_point(|c| *c < lo);
        let end = codes.partition_point(|c| *c <= hi);
        start..end.max(start)
    }

    /// Bytes these arrays and names take in the binary.
    pub fn size_bytes(&self) -> usize {
        std::mem::size_of_val((self.codes)())
            + std::mem::size_of_val(self.lens)
            + std::mem::size_of_val(self.starts)
            + self.names.len()
    }
}

/// Codes written by `build.rs` as LEB128 varints of the gap to the previous code.
pub(crate) fn decode_gaps(bytes: &[u8]) -> Vec<u32> {
    let mut codes = Vec::new();
    let (mut code, mut gap, mut shift) = (0u32, 0u32, 0);
    for &b in bytes {
        gap |= u32::from(b & 0x7f) << shift;
        shift += 7;
        if b < 0x80 {
            code += gap;
            codes.push(code);
            (gap, shift) = (0, 0);
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::decode_gaps;

    #[test]
    fn gaps_decode_to_running_sums() {
        // 11, then +1 (12), then +300 (312: 300 = 0b10_0101100 -> 0xAC 0x02).
        assert_eq!(decode_gaps(&[11, 1, 0xAC, 0x02]), vec![11, 12, 312]);
        assert_eq!(decode_gaps(&[]), Vec::<u32>::new());
    }
}
