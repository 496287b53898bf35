//! Foreground segmentation: which blocks hold fingerprint ridges, and how far each pixel is from
//! the print's border.

use super::orientation::StructureTensor;
use crate::params::{
    BLOCK_SIZE_PX, SEGMENTATION_ENERGY_PERCENTILE, SEGMENTATION_MIN_COHERENCE,
    SEGMENTATION_MIN_ENERGY, SEGMENTATION_RELATIVE_ENERGY, SEGMENTATION_SMOOTHING_PASSES,
};
use crate::primitives::grid::Grid;

pub(crate) struct SegmentationMask {
    /// Foreground blocks.
    pub blocks: Grid<bool>,
    /// Per pixel: approximate Euclidean distance (px) to the nearest background pixel or image edge.
    pub border_distance_px: Grid<f32>,
}

impl SegmentationMask {
    pub fn contains_pixel(&self, x: usize, y: usize) -> bool {
        self.blocks.get(x / BLOCK_SIZE_PX, y / BLOCK_SIZE_PX)
    }

    pub fn foreground_blocks(&self) -> usize {
        self.blocks.data.iter().filter(|&&b| b).count()
    }
}

/// Foreground = enough contrast (relative to the image's own ridge contrast, with an absolute
/// floor) and some ridge-like anisotropy; then smoothed, holes filled, largest region kept.
pub(crate) fn segmentation_mask(
    tensor: &StructureTensor,
    width: usize,
    height: usize,
) -> SegmentationMask {
    let mut sorted = tensor.energy.data.clone();
    sorted.sort_by(f32::total_cmp);
    let reference = sorted
        .get(
            ((sorted.len() as f32 * SEGMENTATION_ENERGY_PERCENTILE) as usize)
                .min(sorted.len().saturating_sub(1)),
        )
        .copied()
        .unwrap_or(0.0);
    let threshold = (reference * SEGMENTATION_RELATIVE_ENERGY).max(SEGMENTATION_MIN_ENERGY);
    let mut blocks = Grid {
        width: tensor.energy.width,
        height: tensor.energy.height,
        data: tensor
            .energy
            .data
            .iter()
            .zip(&tensor.coherence.data)
            .map(|(&e, &c)| e >= threshold && c >= SEGMENTATION_MIN_COHERENCE)
            .collect(),
    };
    for _ in 0..SEGMENTATION_SMOOTHING_PASSES {
        blocks = majority_vote(&blocks);
    }
    fill_holes(&mut blocks);
    keep_largest_region(&mut blocks);
    let border_distance_px = border_distance(&blocks, width, height);
    SegmentationMask {
        blocks,
        border_distance_px,
    }
}

fn majority_vote(mask: &Grid<bool>) -> Grid<bool> {
    let mut out = mask.clone();
    for y in 0..mask.height as isize {
        for x in 0..mask.width as isize {
            let mut votes = 0;
            for dy in -1..=1 {
                for dx in -1..=1 {
                    votes += mask.get_or(x + dx, y + dy, false) as usize;
                }
            }
            out.set(x as usize, y as usize, votes >= 5);
        }
    }
    out
}

/// Labels 4-connected regions of cells equal to `value`; returns labels (0 = other value) and sizes.
fn regions(mask: &Grid<bool>, value: bool) -> (Grid<u32>, Vec<usize>) {
    let mut labels = Grid::new(mask.width, mask.height, 0u32);
    let mut sizes = vec![0];
    let mut stack = Vec::new();
    for start in 0..mask.data.len() {
        if mask.data[start] != value || labels.data[start] != 0 {
            continue;
        }
        let label = sizes.len() as u32;
        let mut size = 0;
        labels.data[start] = label;
        stack.push(start);
        while let Some(i) = stack.pop() {
            size += 1;
            let (x, y) = (i % mask.width, i / mask.width);
            let mut visit = |j: usize| {
                if mask.data[j] == value && labels.data[j] == 0 {
                    labels.data[j] = label;
                    stack.push(j);
                }
            };
            if x > 0 {
                visit(i - 1);
            }
            if x + 1 < mask.width {
                visit(i + 1);
            }
            if y > 0 {
                visit(i - mask.width);
            }
            if y + 1 < mask.height {
                visit(i + mask.width);
            }
        }
        sizes.push(size);
    }
    (labels, sizes)
}

/// Background regions that do not touch the image edge are holes in the print (smudges, scars).
fn fill_holes(mask: &mut Grid<bool>) {
    let (labels, sizes) = regions(mask, false);
    let mut touches_edge = vec![false; sizes.len()];
    for y in 0..mask.height {
        for x in 0..mask.width {
            if x == 0 || y == 0 || x + 1 == mask.width || y + 1 == mask.height {
                touches_edge[labels.get(x, y) as usize] = true;
            }
        }
    }
    for i in 0..mask.data.len() {
        let l = labels.data[i] as usize;
        if l != 0 && !touches_edge[l] {
            mask.data[i] = true;
        }
    }
}

fn keep_largest_region(mask: &mut Grid<bool>) {
    let (labels, sizes) = regions(mask, true);
    if let Some((largest, _)) = sizes.iter().enumerate().skip(1).max_by_key(|&(_, &s)| s) {
        for i in 0..mask.data.len() {
            mask.data[i] = labels.data[i] as usize == largest;
        }
    }
}

/// Two-pass 3-4 chamfer distance from background (and from outside the image), in pixels.
fn border_distance(blocks: &Grid<bool>, width: usize, height: usize) -> Grid<f32> {
    const FAR: u32 = u32::MAX / 4;
    let mut d = Grid::new(width, height, 0u32);
    for y in 0..height {
        for x in 0..width {
            if blocks.get(x / BLOCK_SIZE_PX, y / BLOCK_SIZE_PX) {
                d.set(x, y, FAR);
            }
        }
    }
    // Outside the image counts as background: cells on the edge are at most 1 px inside.
    let at = |d: &Grid<u32>, x: isize, y: isize| d.get_or(x, y, 0);
    for y in 0..height as isize {
        for x in 0..width as isize {
            let v = d.get(x as usize, y as usize);
            if v == 0 {
                continue;
            }
            let best = v
                .min(at(&d, x - 1, y) + 3)
                .min(at(&d, x, y - 1) + 3)
                .min(at(&d, x - 1, y - 1) + 4)
                .min(at(&d, x + 1, y - 1) + 4);
            d.set(x as usize, y as usize, best);
        }
    }
    for y in (0..height as isize).rev() {
        for x in (0..width as isize).rev() {
            let v = d.get(x as usize, y as usize);
            if v == 0 {
                continue;
            }
            let best = v
                .min(at(&d, x + 1, y) + 3)
                .min(at(&d, x, y + 1) + 3)
                .min(at(&d, x + 1, y + 1) + 4)
                .min(at(&d, x - 1, y + 1) + 4);
            d.set(x as usize, y as usize, best);
        }
    }
    d.map(|v| v as f32 / 3.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tensor_with(energy: Grid<f32>) -> StructureTensor {
        let (w, h) = (energy.width, energy.height);
        StructureTensor {
            a: Grid::new(w, h, 0.0),
            b: Grid::new(w, h, 0.0),
            coherence: Grid::new(w, h, 0.8),
            energy,
        }
    }

    #[test]
    fn contrasted_centre_is_foreground_and_blank_is_not() {
        let mut energy = Grid::new(10, 10, 0.0);
        for y in 2..8 {
            for x in 2..8 {
                energy.set(x, y, 1000.0);
            }
        }
        energy.set(5, 5, 0.0); // a smudge inside the print is a hole that gets filled
        let mask = segmentation_mask(&tensor_with(energy), 80, 80);
        assert!(mask.blocks.get(5, 5));
        assert!(mask.blocks.get(3, 3));
        assert!(!mask.blocks.get(0, 0));
        assert!(mask.border_distance_px.get(40, 40) > 15.0);
        assert_eq!(mask.border_distance_px.get(2, 2), 0.0);

        let blank = segmentation_mask(&tensor_with(Grid::new(10, 10, 1.0)), 80, 80);
        assert_eq!(blank.foreground_blocks(), 0);
    }
}
