//! Read access to a packed name table: parallel arrays of codes and name end offsets over one string.

/// A view over generated arrays: entry `i` has code `codes[i]` and name
/// `names[ends[i - 1]..ends[i]]`. Codes are sorted, so lookups are binary searches.
pub(crate) struct Packed<C: 'static> {
    pub codes: &'static [C],
    pub ends: &'static [u32],
    pub names: &'static str,
}

impl<C: Ord + Copy> Packed<C> {
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn index_of(&self, code: C) -> Option<usize> {
        self.codes.binary_search(&code).ok()
    }

    pub fn code(&self, i: usize) -> C {
        self.codes[i]
    }

    pub fn name(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.names[start..self.ends[i] as usize]
    }

    /// Indices of entries whose code lies in `lo..=hi`.
    pub fn range(&self, lo: C, hi: C) -> std::ops::Range<usize> {
        let start = self.codes.partition_point(|c| *c < lo);
        let end = self.codes.partition_point(|c| *c <= hi);
        start..end.max(start)
    }

    /// Bytes these arrays and names take in the binary.
    pub fn size_bytes(&self) -> usize {
        std::mem::size_of_val(self.codes) + std::mem::size_of_val(self.ends) + self.names.len()
    }
}
