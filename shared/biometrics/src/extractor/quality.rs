//! Image quality 0-100, meant to predict whether the print will match: how clear and how certain
//! its ridges are over the foreground, and whether it offers enough area and minutiae. Blank,
//! smudged, dry, noisy and tiny prints score low. (The features follow NFIQ 2's orientation
//! certainty and local clarity; the combination is our own.)

use super::orientation::OrientationField;
use super::ridge_clarity::RidgeClarity;
use super::segmentation_mask::SegmentationMask;
use crate::params::{
    BLOCK_SIZE_PX, GOOD_FOREGROUND_AREA_PX, GOOD_MEAN_CLARITY, GOOD_MEAN_COHERENCE,
    GOOD_MINUTIAE_COUNT,
};

/// The product of four saturating factors in 0..1: mean ridge clarity over the foreground, mean
/// orientation coherence (certainty) over it, foreground area, and minutiae count. A product,
/// because any one failing makes the print hard to match whatever the others say. Clarity and
/// certainty carry the ranking; area and count only bite on prints too small or too bare to match.
pub(crate) fn quality(
    mask: &SegmentationMask,
    field: &OrientationField,
    clarity: &RidgeClarity,
    minutiae: usize,
) -> u8 {
    let blocks = mask.foreground_blocks();
    if blocks == 0 {
        return 0;
    }
    let mean_over_foreground = |values: &[f32]| {
        mask.blocks
            .data
            .iter()
            .zip(values)
            .filter(|(&fg, _)| fg)
            .map(|(_, &v)| v)
            .sum::<f32>()
            / blocks as f32
    };
    let area = (blocks * BLOCK_SIZE_PX * BLOCK_SIZE_PX) as f32;
    let clarity_factor = (mean_over_foreground(&clarity.clarity.data) / GOOD_MEAN_CLARITY).min(1.0);
    let certainty_factor =
        (mean_over_foreground(&field.coherence.data) / GOOD_MEAN_COHERENCE).min(1.0);
    let area_factor = (area / GOOD_FOREGROUND_AREA_PX).min(1.0);
    let minutiae_factor = (minutiae as f32 / GOOD_MINUTIAE_COUNT).min(1.0);
    (100.0 * clarity_factor * certainty_factor * area_factor * minutiae_factor).round() as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::grid::Grid;

    fn field(coherence: f32) -> OrientationField {
        OrientationField {
            angle: Grid::new(40, 40, 0.0),
            cos2: Grid::new(40, 40, 1.0),
            sin2: Grid::new(40, 40, 0.0),
            coherence: Grid::new(40, 40, coherence),
        }
    }

    fn clarity(value: f32) -> RidgeClarity {
        RidgeClarity {
            clarity: Grid::new(40, 40, value),
        }
    }

    fn mask(blocks: Grid<bool>) -> SegmentationMask {
        SegmentationMask {
            blocks,
            border_distance_px: Grid::new(1, 1, 0.0),
        }
    }

    #[test]
    fn clear_full_print_scores_high_and_blank_smudged_tiny_or_bare_low() {
        let full = mask(Grid::new(40, 40, true));
        assert_eq!(quality(&full, &field(0.7), &clarity(0.6), 40), 100);
        assert!(
            quality(&full, &field(0.7), &clarity(0.1), 40) < 30,
            "smudged"
        );
        assert!(
            quality(&full, &field(0.15), &clarity(0.6), 40) < 30,
            "incoherent"
        );
        assert!(
            quality(&full, &field(0.7), &clarity(0.6), 3) < 30,
            "few minutiae"
        );
        let mut tiny = Grid::new(40, 40, false);
        for i in 0..100 {
            tiny.data[i] = true;
        }
        assert!(
            quality(&mask(tiny), &field(0.7), &clarity(0.6), 40) < 30,
            "tiny"
        );
        let blank = mask(Grid::new(40, 40, false));
        assert_eq!(quality(&blank, &field(0.7), &clarity(0.6), 0), 0);
    }

    #[test]
    fn clarity_outranks_a_smudge_with_the_same_area_and_more_minutiae() {
        let full = mask(Grid::new(40, 40, true));
        let clean = quality(&full, &field(0.55), &clarity(0.45), 25);
        let smudged = quality(&full, &field(0.5), &clarity(0.15), 60);
        assert!(clean > smudged, "{clean} vs {smudged}");
    }
}
