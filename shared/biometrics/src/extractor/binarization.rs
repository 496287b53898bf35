//! Binarization of the enhanced image into ridge pixels, with small islands and holes removed.

use super::segmentation_mask::SegmentationMask;
use crate::params::{MIN_RIDGE_ISLAND_PX, MIN_VALLEY_HOLE_PX};
use crate::primitives::grid::Grid;

/// `true` = ridge. The enhanced image is zero-mean, so its sign is the decision.
pub(crate) fn binarization(enhanced: &Grid<f32>, mask: &SegmentationMask) -> Grid<bool> {
    let mut ridges = Grid::new(enhanced.width, enhanced.height, false);
    for y in 0..enhanced.height {
        for x in 0..enhanced.width {
            ridges.set(x, y, mask.contains_pixel(x, y) && enhanced.get(x, y) < 0.0);
        }
    }
    flip_small_components(&mut ridges, true, MIN_RIDGE_ISLAND_PX);
    flip_small_components(&mut ridges, false, MIN_VALLEY_HOLE_PX);
    ridges
}

/// Flips 4-connected components of `value` smaller than `min_size` pixels. Valley components that
/// touch the image edge are left alone (they are background, not holes).
fn flip_small_components(img: &mut Grid<bool>, value: bool, min_size: usize) {
    let (w, h) = (img.width, img.height);
    let mut seen = vec![false; w * h];
    let mut stack = Vec::new();
    let mut component = Vec::new();
    for start in 0..w * h {
        if img.data[start] != value || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        component.clear();
        let mut touches_edge = false;
        while let Some(i) = stack.pop() {
            component.push(i);
            let (x, y) = (i % w, i / w);
            touches_edge |= x == 0 || y == 0 || x + 1 == w || y + 1 == h;
            let mut visit = |j: usize| {
                if img.data[j] == value && !seen[j] {
                    seen[j] = true;
                    stack.push(j);
                }
            };
            if x > 0 {
                visit(i - 1);
            }
            if x + 1 < w {
                visit(i + 1);
            }
            if y > 0 {
                visit(i - w);
            }
            if y + 1 < h {
                visit(i + w);
            }
        }
        // Valley regions touching the edge are background, not holes: never flipped.
        if component.len() < min_size && (value || !touches_edge) {
            for &i in &component {
                img.data[i] = !value;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_specks_and_fills_pinholes() {
        let mut img = Grid::new(20, 20, false);
        for y in 2..18 {
            for x in 5..10 {
                img.set(x, y, true);
            }
        }
        img.set(7, 10, false); // pinhole in a ridge
        img.set(15, 15, true); // speck in a valley
        flip_small_components(&mut img, true, 5);
        flip_small_components(&mut img, false, 5);
        assert!(img.get(7, 10));
        assert!(!img.get(15, 15));
        assert!(img.get(5, 2));
    }
}
