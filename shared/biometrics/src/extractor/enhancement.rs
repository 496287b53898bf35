//! Contextual enhancement: each foreground pixel is filtered with an even Gabor kernel tuned to the
//! local ridge orientation and period (Hong, Wan & Jain 1998), which joins broken ridges and
//! separates touching ones. Output is signed: negative on ridges (dark), positive on valleys.

use super::orientation::OrientationField;
use super::ridge_frequency::RidgeFrequency;
use super::segmentation_mask::SegmentationMask;
use crate::params::{
    BLOCK_SIZE_PX, GABOR_ORIENTATIONS, GABOR_RADIUS_PX, GABOR_SIGMA_ACROSS_PX,
    GABOR_SIGMA_ALONG_PX, MAX_RIDGE_PERIOD_PX, MIN_RIDGE_PERIOD_PX,
};
use crate::primitives::grid::Grid;
use crate::primitives::round_to_isize;
use std::f32::consts::PI;

const SIDE: usize = 2 * GABOR_RADIUS_PX + 1;

/// Kernels indexed by `[period_bin][orientation_bin]`, each `SIDE x SIDE`, zero-mean so flat areas
/// (whatever their brightness) give zero response.
struct KernelBank {
    kernels: Vec<[f32; SIDE * SIDE]>,
    periods: usize,
}

impl KernelBank {
    fn new() -> Self {
        let min = MIN_RIDGE_PERIOD_PX.round() as usize;
        let periods = MAX_RIDGE_PERIOD_PX.round() as usize - min + 1;
        let mut kernels = Vec::with_capacity(periods * GABOR_ORIENTATIONS);
        let r = GABOR_RADIUS_PX as isize;
        for p in 0..periods {
            let period = (min + p) as f32;
            for o in 0..GABOR_ORIENTATIONS {
                let angle = o as f32 * PI / GABOR_ORIENTATIONS as f32;
                let (c, s) = (angle.cos(), angle.sin());
                let mut k = [0.0f32; SIDE * SIDE];
                for dy in -r..=r {
                    for dx in -r..=r {
                        let along = dx as f32 * c + dy as f32 * s;
                        let across = -dx as f32 * s + dy as f32 * c;
                        let envelope = (-0.5
                            * (along * along / (GABOR_SIGMA_ALONG_PX * GABOR_SIGMA_ALONG_PX)
                                + across * across
                                    / (GABOR_SIGMA_ACROSS_PX * GABOR_SIGMA_ACROSS_PX)))
                            .exp();
                        k[((dy + r) as usize) * SIDE + (dx + r) as usize] =
                            envelope * (2.0 * PI * across / period).cos();
                    }
                }
                let mean = k.iter().sum::<f32>() / k.len() as f32;
                k.iter_mut().for_each(|v| *v -= mean);
                kernels.push(k);
            }
        }
        Self { kernels, periods }
    }

    fn period_bin(&self, period_px: f32) -> usize {
        (round_to_isize(period_px - MIN_RIDGE_PERIOD_PX).max(0) as usize).min(self.periods - 1)
    }

    fn orientation_bin(angle: f32) -> usize {
        round_to_isize(angle / PI * GABOR_ORIENTATIONS as f32) as usize % GABOR_ORIENTATIONS
    }

    fn kernel(&self, period_bin: usize, orientation_bin: usize) -> &[f32; SIDE * SIDE] {
        &self.kernels[period_bin * GABOR_ORIENTATIONS + orientation_bin]
    }
}

pub(crate) fn enhancement(
    pixels: &Grid<f32>,
    mask: &SegmentationMask,
    field: &OrientationField,
    frequency: &RidgeFrequency,
) -> Grid<f32> {
    let bank = KernelBank::new();
    let (w, h) = (pixels.width, pixels.height);
    let r = GABOR_RADIUS_PX;
    // Pad with the image mean so kernels near the edge need no bounds checks and see no step.
    let mean = pixels.data.iter().sum::<f32>() / pixels.data.len().max(1) as f32;
    let pw = w + 2 * r;
    let mut padded = vec![mean; pw * (h + 2 * r)];
    for y in 0..h {
        padded[(y + r) * pw + r..(y + r) * pw + r + w]
            .copy_from_slice(&pixels.data[y * w..(y + 1) * w]);
    }
    // Orientation is interpolated per 2x2 pixels: finer than the 16-step kernel bank resolves,
    // at a quarter of the arctangents.
    let mut orientation_bins = Grid::new(w.div_ceil(2), h.div_ceil(2), 0usize);
    for y in 0..orientation_bins.height {
        for x in 0..orientation_bins.width {
            let angle = field.at_pixel(2.0 * x as f32 + 0.5, 2.0 * y as f32 + 0.5);
            orientation_bins.set(x, y, KernelBank::orientation_bin(angle));
        }
    }
    let mut out = Grid::new(w, h, 0.0f32);
    for y in 0..h {
        for x in 0..w {
            if !mask.contains_pixel(x, y) {
                continue;
            }
            let period = frequency
                .period_px
                .get(x / BLOCK_SIZE_PX, y / BLOCK_SIZE_PX);
            let kernel = bank.kernel(bank.period_bin(period), orientation_bins.get(x / 2, y / 2));
            let mut acc = 0.0f32;
            for (ky, krow) in kernel.chunks_exact(SIDE).enumerate() {
                let start = (y + ky) * pw + x;
                let row = &padded[start..start + SIDE];
                acc += row.iter().zip(krow).map(|(a, b)| a * b).sum::<f32>();
            }
            out.set(x, y, acc);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::orientation::{orientation_field, structure_tensor};
    use super::super::ridge_frequency::ridge_frequency;
    use super::super::segmentation_mask::segmentation_mask;
    use super::*;

    #[test]
    fn ridges_respond_negative_and_valleys_positive() {
        // Vertical ridges with period 10: dark (ridge) at x = 0, 10, 20, ...
        let mut img = Grid::new(64, 64, 0.0);
        for y in 0..64 {
            for x in 0..64 {
                img.set(x, y, 128.0 - 100.0 * (x as f32 / 10.0 * 2.0 * PI).cos());
            }
        }
        let tensor = structure_tensor(&img);
        let mask = segmentation_mask(&tensor, 64, 64);
        let fg = Grid::new(tensor.a.width, tensor.a.height, true);
        let field = orientation_field(&tensor, &fg);
        let freq = ridge_frequency(&img, &field, &fg);
        let out = enhancement(&img, &mask, &field, &freq);
        assert!(out.get(30, 32) < 0.0, "ridge centre");
        assert!(out.get(35, 32) > 0.0, "valley centre");
    }
}
