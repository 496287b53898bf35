//! The in-memory search form of a gallery: one column per finger position, filled by enrolment.

use super::finger_code::{FingerCode, FINGER_POSITIONS};
use super::{D, M};
use crate::search::descriptor::{Geo, EMPTY_GEO};

/// One column per finger position: D descriptors and M minutiae per person, in slot order.
#[derive(Clone, Debug, Default)]
pub(super) struct Column {
    pub(super) bits: Vec<u64>,
    pub(super) minutiae: Vec<Geo>,
}

/// The in-memory search form of a gallery (or one shard of it). Slots are dense indices in
/// insertion order; the caller maps them to its own ids.
#[derive(Clone, Debug, Default)]
pub struct ScreeningIndex {
    pub(super) columns: [Column; FINGER_POSITIONS],
    pub(super) len: usize,
}

impl ScreeningIndex {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(people: usize) -> Self {
        let mut index = Self::default();
        for c in &mut index.columns {
            c.bits.reserve_exact(people * D);
            c.minutiae.reserve_exact(people * M);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a person with their finger codes by position (index 0 = position 1); returns the slot.
    pub fn push(&mut self, fingers: &[Option<FingerCode>; FINGER_POSITIONS]) -> u32 {
        for (column, code) in self.columns.iter_mut().zip(fingers) {
            match code {
                Some(code) => {
                    column.bits.extend_from_slice(&code.bits);
                    column.minutiae.extend_from_slice(&code.minutiae);
                }
                None => {
                    column.bits.extend([0u64; D]);
                    column.minutiae.extend([EMPTY_GEO; M]);
                }
            }
        }
        self.len += 1;
        (self.len - 1) as u32
    }

    /// Replaces the codes of an existing slot (the caller recomputed them).
    ///
    /// # Panics
    /// If `slot` is not below [`Self::len`].
    pub fn replace(&mut self, slot: u32, fingers: &[Option<FingerCode>; FINGER_POSITIONS]) {
        let slot = slot as usize;
        assert!(slot < self.len, "slot {slot} of {}", self.len);
        for (column, code) in self.columns.iter_mut().zip(fingers) {
            let (bits, minutiae) = match code {
                Some(code) => (code.bits, code.minutiae),
                None => ([0u64; D], [EMPTY_GEO; M]),
            };
            column.bits[slot * D..slot * D + D].copy_from_slice(&bits);
            column.minutiae[slot * M..slot * M + M].copy_from_slice(&minutiae);
        }
    }

    /// Heap bytes of the search form per person (the arrays of all ten positions); the caller's
    /// slot-to-id map is extra and is not counted here.
    pub fn bytes_per_person() -> usize {
        FINGER_POSITIONS * (D * std::mem::size_of::<u64>() + M * std::mem::size_of::<Geo>())
    }
}
