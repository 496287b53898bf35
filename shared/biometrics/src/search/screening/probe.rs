//! A probe person prepared once per search: each finger's descriptors as parallel arrays, its
//! minutiae as a pairing map, and the rotation table the comparisons share.

use super::fast_popcount::has_avx512_popcount;
use super::pair_map::PairMap;
use crate::search::descriptor;
use crate::search::params::{FINGER_PRIORITY, PROBE_DESCRIPTORS_PER_FINGER, SCREEN_MAX_FINGERS};
use crate::Template;
use std::f32::consts::TAU;

/// One probe finger prepared for screening: its descriptors as parallel arrays.
#[derive(Clone, Debug)]
pub(super) struct ProbeFinger {
    pub(super) position: usize,
    pub(super) bits: Vec<u64>,
    pub(super) ones: Vec<u32>,
    pub(super) x: Vec<f32>,
    pub(super) y: Vec<f32>,
    pub(super) direction: Vec<u8>,
    /// Every minutia of the probe finger, for the last stage's pairing.
    pub(super) minutiae: PairMap,
    /// The CPU has AVX-512 with vector popcount: [`nearest`] uses the padded copies (only
    /// read on x86-64; elsewhere `avx512` is always false).
    ///
    /// [`nearest`]: super::nearest_descriptor::nearest
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    pub(super) avx512: bool,
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    pub(super) padded_bits: Vec<u64>,
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    pub(super) padded_index: Vec<u64>,
}

/// A probe person prepared once per search: up to [`SCREEN_MAX_FINGERS`] fingers, by position.
#[derive(Clone, Debug)]
pub struct ScreeningProbe {
    pub(super) fingers: Vec<ProbeFinger>,
    pub(super) tables: Tables,
}

impl ScreeningProbe {
    /// `fingers`: (ISO position 1-10, template). Positions outside 1-10 are ignored.
    /// Uses at most [`SCREEN_MAX_FINGERS`] of them, in [`FINGER_PRIORITY`] order.
    pub fn new<'a>(fingers: impl IntoIterator<Item = (u8, &'a Template)>) -> Self {
        let fingers = by_priority(fingers, SCREEN_MAX_FINGERS)
            .into_iter()
            .map(|(position, t)| {
                let d = descriptor::features(t, PROBE_DESCRIPTORS_PER_FINGER).descriptors;
                let at = |i: usize| &t.minutiae[i];
                ProbeFinger {
                    position: usize::from(position - 1),
                    bits: d.iter().map(|l| l.0).collect(),
                    ones: d.iter().map(|l| l.0.count_ones()).collect(),
                    avx512: has_avx512_popcount(),
                    padded_bits: (0..d.len().next_multiple_of(8))
                        .map(|i| d.get(i).map_or(0, |l| l.0))
                        .collect(),
                    padded_index: (0..d.len().next_multiple_of(8))
                        .map(|i| {
                            if i < d.len() {
                                i as u64
                            } else {
                                u64::from(u32::MAX)
                            }
                        })
                        .collect(),
                    x: d.iter().map(|l| f32::from(at(l.1).x)).collect(),
                    y: d.iter().map(|l| -f32::from(at(l.1).y)).collect(),
                    direction: d.iter().map(|l| at(l.1).direction).collect(),
                    minutiae: PairMap::new(
                        &t.minutiae
                            .iter()
                            .map(|m| (f32::from(m.x), -f32::from(m.y), m.direction))
                            .collect::<Vec<_>>(),
                    ),
                }
            })
            .collect();
        Self {
            fingers,
            tables: Tables::new(),
        }
    }

    /// Fingers this probe screens with.
    pub fn finger_count(&self) -> usize {
        self.fingers.len()
    }
}

/// Up to `max` of the fingers (valid positions, first of each), in [`FINGER_PRIORITY`] order.
pub(crate) fn by_priority<'a>(
    fingers: impl IntoIterator<Item = (u8, &'a Template)>,
    max: usize,
) -> Vec<(u8, &'a Template)> {
    let fingers: Vec<(u8, &Template)> = fingers.into_iter().collect();
    FINGER_PRIORITY
        .iter()
        .filter_map(|&p| fingers.iter().find(|(q, _)| *q == p).copied())
        .take(max)
        .collect()
}

/// Per-probe lookup table: rotation by ISO angle.
#[derive(Clone, Debug)]
pub(super) struct Tables {
    pub(super) cos: [f32; 256],
    pub(super) sin: [f32; 256],
}

impl Tables {
    fn new() -> Self {
        let mut t = Tables {
            cos: [0.0; 256],
            sin: [0.0; 256],
        };
        for a in 0..256 {
            let r = a as f32 * TAU / 256.0;
            t.cos[a] = r.cos();
            t.sin[a] = r.sin();
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::screening::fixtures::person;

    #[test]
    fn probes_use_index_fingers_first() {
        let t = person(1).0;
        let probe = ScreeningProbe::new([(1, &t), (3, &t), (7, &t), (2, &t)]);
        let positions: Vec<usize> = probe.fingers.iter().map(|f| f.position + 1).collect();
        assert_eq!(positions, [2, 7]);
    }
}
