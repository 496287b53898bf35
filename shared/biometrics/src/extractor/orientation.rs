//! Ridge orientation field: block-averaged squared gradients, smoothed as a double-angle vector
//! field, with coherence as the reliability of each block (Bazen & Gerez 2002).

use crate::params::{
    BLOCK_SIZE_PX, ORIENTATION_SMOOTHING_RADIUS_BLOCKS, ORIENTATION_SMOOTHING_SIGMA_BLOCKS,
    ORIENTATION_WINDOW_RADIUS_BLOCKS,
};
use crate::primitives::grid::Grid;
use std::f32::consts::PI;

/// Per block: the squared-gradient tensor summed over a window around the block.
pub(crate) struct StructureTensor {
    /// `Σ gx² - gy²` and `Σ 2 gx gy`: the gradient's double-angle vector, weighted by energy.
    pub a: Grid<f32>,
    pub b: Grid<f32>,
    /// Mean squared gradient magnitude per pixel (contrast).
    pub energy: Grid<f32>,
    /// `|(a, b)| / Σ (gx² + gy²)`: 1 for perfectly parallel ridges, 0 for isotropic noise.
    pub coherence: Grid<f32>,
}

/// The smoothed ridge orientation per block.
pub(crate) struct OrientationField {
    /// Ridge direction in `[0, π)`, image axes (x right, y down), angle measured from x toward y.
    pub angle: Grid<f32>,
    /// Unit double-angle vector of `angle` (for interpolation between block centres).
    pub cos2: Grid<f32>,
    pub sin2: Grid<f32>,
    /// Reliability of each block's orientation, from the unsmoothed tensor (0..1).
    pub coherence: Grid<f32>,
}

/// Number of blocks covering `len` pixels.
pub(crate) fn blocks_for(len: usize) -> usize {
    len.div_ceil(BLOCK_SIZE_PX)
}

/// Sobel gradients summed into block tensors, then into windows of blocks.
pub(crate) fn structure_tensor(pixels: &Grid<f32>) -> StructureTensor {
    let (w, h) = (pixels.width, pixels.height);
    let (bw, bh) = (blocks_for(w), blocks_for(h));
    let mut gxx = Grid::new(bw, bh, 0.0f32);
    let mut gyy = Grid::new(bw, bh, 0.0f32);
    let mut gxy = Grid::new(bw, bh, 0.0f32);
    let mut count = Grid::new(bw, bh, 0.0f32);
    let p = &pixels.data;
    for y in 1..h.saturating_sub(1) {
        let (up, row, down) = ((y - 1) * w, y * w, (y + 1) * w);
        let by = y / BLOCK_SIZE_PX;
        for x in 1..w - 1 {
            let gx = (p[up + x + 1] + 2.0 * p[row + x + 1] + p[down + x + 1])
                - (p[up + x - 1] + 2.0 * p[row + x - 1] + p[down + x - 1]);
            let gy = (p[down + x - 1] + 2.0 * p[down + x] + p[down + x + 1])
                - (p[up + x - 1] + 2.0 * p[up + x] + p[up + x + 1]);
            let i = by * bw + x / BLOCK_SIZE_PX;
            gxx.data[i] += gx * gx;
            gyy.data[i] += gy * gy;
            gxy.data[i] += gx * gy;
            count.data[i] += 1.0;
        }
    }
    let r = ORIENTATION_WINDOW_RADIUS_BLOCKS as isize;
    let mut a = Grid::new(bw, bh, 0.0f32);
    let mut b = Grid::new(bw, bh, 0.0f32);
    let mut energy = Grid::new(bw, bh, 0.0f32);
    let mut coherence = Grid::new(bw, bh, 0.0f32);
    for by in 0..bh as isize {
        for bx in 0..bw as isize {
            let (mut sxx, mut syy, mut sxy, mut n) = (0.0, 0.0, 0.0, 0.0);
            for dy in -r..=r {
                for dx in -r..=r {
                    sxx += gxx.get_or(bx + dx, by + dy, 0.0);
                    syy += gyy.get_or(bx + dx, by + dy, 0.0);
                    sxy += gxy.get_or(bx + dx, by + dy, 0.0);
                    n += count.get_or(bx + dx, by + dy, 0.0);
                }
            }
            let (bxu, byu) = (bx as usize, by as usize);
            let (va, vb, e) = (sxx - syy, 2.0 * sxy, sxx + syy);
            a.set(bxu, byu, va);
            b.set(bxu, byu, vb);
            // Sobel gains 4x in amplitude, 16x in energy: report plain grey levels² per pixel.
            energy.set(bxu, byu, if n > 0.0 { e / n / 16.0 } else { 0.0 });
            coherence.set(
                bxu,
                byu,
                if e > 0.0 {
                    (va * va + vb * vb).sqrt() / e
                } else {
                    0.0
                },
            );
        }
    }
    StructureTensor {
        a,
        b,
        energy,
        coherence,
    }
}

/// Smooths the coherence-weighted ridge vectors of foreground blocks with a Gaussian and reads
/// the angle. Background blocks take what their foreground neighbours say.
pub(crate) fn orientation_field(
    tensor: &StructureTensor,
    foreground: &Grid<bool>,
) -> OrientationField {
    let (bw, bh) = (tensor.a.width, tensor.a.height);
    // The ridge runs perpendicular to the gradient: its double angle is the gradient's plus π,
    // i.e. the negated vector. Normalising by energy weights each block by its coherence.
    let mut vx = Grid::new(bw, bh, 0.0f32);
    let mut vy = Grid::new(bw, bh, 0.0f32);
    for i in 0..bw * bh {
        let e = tensor.a.data[i].hypot(tensor.b.data[i]) / tensor.coherence.data[i].max(1e-6);
        if foreground.data[i] && e > 0.0 {
            vx.data[i] = -tensor.a.data[i] / e;
            vy.data[i] = -tensor.b.data[i] / e;
        }
    }
    let r = ORIENTATION_SMOOTHING_RADIUS_BLOCKS as isize;
    let two_s2 = 2.0 * ORIENTATION_SMOOTHING_SIGMA_BLOCKS * ORIENTATION_SMOOTHING_SIGMA_BLOCKS;
    let mut angle = Grid::new(bw, bh, 0.0f32);
    let mut cos2 = Grid::new(bw, bh, 1.0f32);
    let mut sin2 = Grid::new(bw, bh, 0.0f32);
    for by in 0..bh as isize {
        for bx in 0..bw as isize {
            let (mut sx, mut sy) = (0.0f32, 0.0f32);
            for dy in -r..=r {
                for dx in -r..=r {
                    let g = (-((dx * dx + dy * dy) as f32) / two_s2).exp();
                    sx += g * vx.get_or(bx + dx, by + dy, 0.0);
                    sy += g * vy.get_or(bx + dx, by + dy, 0.0);
                }
            }
            let (bxu, byu) = (bx as usize, by as usize);
            let norm = sx.hypot(sy);
            if norm > 1e-9 {
                cos2.set(bxu, byu, sx / norm);
                sin2.set(bxu, byu, sy / norm);
            }
            let double = sin2.get(bxu, byu).atan2(cos2.get(bxu, byu));
            angle.set(bxu, byu, (double / 2.0).rem_euclid(PI));
        }
    }
    OrientationField {
        angle,
        cos2,
        sin2,
        coherence: tensor.coherence.clone(),
    }
}

impl OrientationField {
    /// Ridge angle at a pixel, bilinearly interpolated between block centres in double-angle form.
    pub fn at_pixel(&self, x: f32, y: f32) -> f32 {
        let (c, s) = self.vector_at_pixel(x, y);
        (s.atan2(c) / 2.0).rem_euclid(PI)
    }

    /// The interpolated (unnormalised) double-angle vector at a pixel.
    pub fn vector_at_pixel(&self, x: f32, y: f32) -> (f32, f32) {
        let half = BLOCK_SIZE_PX as f32 / 2.0;
        let fx = ((x - half) / BLOCK_SIZE_PX as f32).clamp(0.0, (self.angle.width - 1) as f32);
        let fy = ((y - half) / BLOCK_SIZE_PX as f32).clamp(0.0, (self.angle.height - 1) as f32);
        let (x0, y0) = (fx as usize, fy as usize);
        let (x1, y1) = (
            (x0 + 1).min(self.angle.width - 1),
            (y0 + 1).min(self.angle.height - 1),
        );
        let (tx, ty) = (fx - x0 as f32, fy - y0 as f32);
        let lerp = |g: &Grid<f32>| {
            let top = g.get(x0, y0) * (1.0 - tx) + g.get(x1, y0) * tx;
            let bottom = g.get(x0, y1) * (1.0 - tx) + g.get(x1, y1) * tx;
            top * (1.0 - ty) + bottom * ty
        };
        (lerp(&self.cos2), lerp(&self.sin2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripes(w: usize, h: usize, ridge_angle: f32, period: f32) -> Grid<f32> {
        let (nx, ny) = (-ridge_angle.sin(), ridge_angle.cos());
        let mut g = Grid::new(w, h, 0.0);
        for y in 0..h {
            for x in 0..w {
                let t = (x as f32 * nx + y as f32 * ny) / period * 2.0 * PI;
                g.set(x, y, 128.0 + 100.0 * t.cos());
            }
        }
        g
    }

    #[test]
    fn recovers_the_direction_of_synthetic_stripes() {
        for &angle in &[0.0f32, 0.5, PI / 2.0, 2.5] {
            let img = stripes(64, 64, angle, 9.0);
            let tensor = structure_tensor(&img);
            let fg = Grid::new(tensor.a.width, tensor.a.height, true);
            let field = orientation_field(&tensor, &fg);
            let got = field.angle.get(4, 4);
            let err = (got - angle).rem_euclid(PI);
            assert!(err.min(PI - err) < 0.05, "angle {angle}: got {got}");
            assert!(tensor.coherence.get(4, 4) > 0.9);
        }
    }

    #[test]
    fn flat_image_has_no_coherence() {
        let tensor = structure_tensor(&Grid::new(32, 32, 200.0));
        assert!(tensor.coherence.data.iter().all(|&c| c == 0.0));
        assert!(tensor.energy.data.iter().all(|&e| e == 0.0));
    }
}
