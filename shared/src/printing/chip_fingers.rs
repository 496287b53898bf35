//! Which recorded fingers go on the card's chip. The chip holds the right and the left index
//! finger (Perpres 26/2009); when an index finger was not recorded (an exception: missing,
//! bandaged, unreadable), its slot takes the first recorded finger of the SAME hand in a fixed
//! order, so a verifier that asks for "the right hand's finger" still compares the right hand:
//!
//! - right slot: right index (2), right thumb (1), right middle (3), right ring (4), right little (5)
//! - left slot: left index (7), left thumb (6), left middle (8), left ring (9), left little (10)
//!
//! (ISO/IEC 19794-2 finger positions.) A hand with no recorded finger leaves its slot empty.

/// Substitute order of the right hand's slot.
pub const RIGHT_INDEX_ORDER: [u8; 5] = [2, 1, 3, 4, 5];
/// Substitute order of the left hand's slot.
pub const LEFT_INDEX_ORDER: [u8; 5] = [7, 6, 8, 9, 10];

/// One chip slot's finger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChipSlot {
    /// The index finger the slot stands for: 2 (right) or 7 (left).
    pub slot: u8,
    /// The finger actually stored there (equal to `slot` unless substituted).
    pub position: u8,
}

/// The right and left slots, given which positions (1-10) have a usable template.
pub fn chip_fingers(recorded: impl Fn(u8) -> bool) -> [Option<ChipSlot>; 2] {
    [RIGHT_INDEX_ORDER, LEFT_INDEX_ORDER].map(|order| {
        order
            .iter()
            .copied()
            .find(|&p| recorded(p))
            .map(|position| ChipSlot {
                slot: order[0],
                position,
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(recorded: &[u8], expected: [Option<u8>; 2]) {
        let got = chip_fingers(|p| recorded.contains(&p));
        assert_eq!(got.map(|s| s.map(|s| s.position)), expected, "{recorded:?}");
        assert_eq!(got[0].map(|s| s.slot).unwrap_or(2), 2);
        assert_eq!(got[1].map(|s| s.slot).unwrap_or(7), 7);
    }

    #[test]
    fn index_fingers_first_then_the_same_hand_in_order() {
        let all: Vec<u8> = (1..=10).collect();
        check(&all, [Some(2), Some(7)]);
        check(&[1, 3, 4, 5, 6, 7, 8, 9, 10], [Some(1), Some(7)]);
        check(&[3, 4, 5, 6, 8], [Some(3), Some(6)]);
        check(&[5, 10], [Some(5), Some(10)]);
        // A hand with nothing recorded never borrows from the other hand.
        check(&[6, 7], [None, Some(7)]);
        check(&[], [None, None]);
    }
}
