//! Synthetic people for the screening tests: two fingers each, and a second impression of them.

use super::{FingerCode, ScreeningIndex, FINGER_POSITIONS};
use crate::search::synthetic::{synthetic_template, Rng};
use crate::Template;

pub(super) fn person(seed: u64) -> (Template, Template) {
    (
        synthetic_template(&mut Rng::new(seed * 2)),
        synthetic_template(&mut Rng::new(seed * 2 + 1)),
    )
}

/// Another impression: shifted, turned a little, some minutiae missed.
pub(super) fn again(t: &Template) -> Template {
    let mut t = t.clone();
    t.minutiae = t
        .minutiae
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 6 != 0)
        .map(|(_, m)| {
            let mut m = *m;
            m.x = (m.x + 9).min(t.width - 1);
            m.y = m.y.saturating_sub(5);
            m.direction = m.direction.wrapping_add(2);
            m
        })
        .collect();
    t
}

pub(super) fn gallery(people: u64) -> ScreeningIndex {
    let mut index = ScreeningIndex::new();
    for seed in 0..people {
        let (r, l) = person(seed);
        let mut codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
        codes[1] = Some(FingerCode::new(&r));
        codes[6] = Some(FingerCode::new(&l));
        index.push(&codes);
    }
    index
}
