//! Image quality 0-100: how much clear ridge area the print offers. Blank, partial, smudged and
//! dry prints score low because they lack foreground, coherence or minutiae.

use super::orientation::OrientationField;
use super::segmentation_mask::SegmentationMask;
use crate::params::{
    BLOCK_SIZE_PX, GOOD_FOREGROUND_AREA_PX, GOOD_MEAN_COHERENCE, GOOD_MINUTIAE_COUNT,
};

/// The product of three saturating factors in 0..1: foreground area, mean orientation coherence
/// over the foreground (the NFIQ 2 "orientation certainty" idea), and minutiae count. A product,
/// because any one failing makes the print hard to match whatever the others say.
pub(crate) fn quality(mask: &SegmentationMask, field: &OrientationField, minutiae: usize) -> u8 {
    let blocks = mask.foreground_blocks();
    if blocks == 0 {
        return 0;
    }
    let area = (blocks * BLOCK_SIZE_PX * BLOCK_SIZE_PX) as f32;
    let coherence: f32 = mask
        .blocks
        .data
        .iter()
        .zip(&field.coherence.data)
        .filter(|(&fg, _)| fg)
        .map(|(_, &c)| c)
        .sum::<f32>()
        / blocks as f32;
    let area_factor = (area / GOOD_FOREGROUND_AREA_PX).min(1.0);
    let clarity_factor = (coherence / GOOD_MEAN_COHERENCE).min(1.0);
    let minutiae_factor = (minutiae as f32 / GOOD_MINUTIAE_COUNT).min(1.0);
    (100.0 * area_factor * clarity_factor * minutiae_factor).round() as u8
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

    #[test]
    fn clear_full_print_scores_high_and_blank_or_smudged_low() {
        let full = SegmentationMask {
            blocks: Grid::new(40, 40, true),
            border_distance_px: Grid::new(1, 1, 0.0),
        };
        assert_eq!(quality(&full, &field(0.7), 40), 100);
        assert!(quality(&full, &field(0.15), 40) < 30, "smudged");
        assert!(quality(&full, &field(0.7), 5) < 20, "few minutiae");
        let blank = SegmentationMask {
            blocks: Grid::new(40, 40, false),
            border_distance_px: Grid::new(1, 1, 0.0),
        };
        assert_eq!(quality(&blank, &field(0.7), 0), 0);
    }
}
