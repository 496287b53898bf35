//! Local ridge period (pixels per ridge), from the grey-level signature taken across the ridges
//! (Hong, Wan & Jain 1998), with failed blocks filled in from their neighbours.

use super::orientation::OrientationField;
use crate::params::{
    BLOCK_SIZE_PX, DEFAULT_RIDGE_PERIOD_PX, FREQUENCY_WINDOW_LENGTH_PX, FREQUENCY_WINDOW_WIDTH_PX,
    MAX_RIDGE_PERIOD_PX, MIN_RIDGE_PERIOD_PX,
};
use crate::primitives::grid::Grid;
use crate::primitives::round_to_isize;

/// Ridge period in pixels per block.
pub(crate) struct RidgeFrequency {
    pub period_px: Grid<f32>,
}

pub(crate) fn ridge_frequency(
    pixels: &Grid<f32>,
    field: &OrientationField,
    foreground: &Grid<bool>,
) -> RidgeFrequency {
    let (bw, bh) = (foreground.width, foreground.height);
    let mut period = Grid::new(bw, bh, f32::NAN);
    for by in 0..bh {
        for bx in 0..bw {
            if foreground.get(bx, by) {
                let cx = (bx * BLOCK_SIZE_PX) as f32 + BLOCK_SIZE_PX as f32 / 2.0;
                let cy = (by * BLOCK_SIZE_PX) as f32 + BLOCK_SIZE_PX as f32 / 2.0;
                period.set(
                    bx,
                    by,
                    block_period(pixels, cx, cy, field.angle.get(bx, by)),
                );
            }
        }
    }
    fill_and_smooth(&period, foreground)
}

/// Period from the distance between the first and last peak of the signature along the normal.
fn block_period(pixels: &Grid<f32>, cx: f32, cy: f32, ridge_angle: f32) -> f32 {
    let (ux, uy) = (ridge_angle.cos(), ridge_angle.sin());
    let (nx, ny) = (-uy, ux);
    let len = FREQUENCY_WINDOW_LENGTH_PX as isize;
    let half_w = FREQUENCY_WINDOW_WIDTH_PX as isize / 2;
    let mut signature = [0.0f32; FREQUENCY_WINDOW_LENGTH_PX];
    for (k, s) in signature.iter_mut().enumerate() {
        let t = k as isize - len / 2;
        let (mut sum, mut n) = (0.0, 0.0);
        // Every other pixel along the ridge: the average barely changes and it halves the cost.
        for along in (-half_w..half_w).step_by(2) {
            let x = round_to_isize(cx + t as f32 * nx + along as f32 * ux);
            let y = round_to_isize(cy + t as f32 * ny + along as f32 * uy);
            if x >= 0 && y >= 0 && (x as usize) < pixels.width && (y as usize) < pixels.height {
                sum += pixels.get(x as usize, y as usize);
                n += 1.0;
            }
        }
        *s = if n > 0.0 { sum / n } else { f32::NAN };
    }
    if signature.iter().any(|v| v.is_nan()) {
        return f32::NAN;
    }
    // A light [1 2 1] smoothing keeps pores and noise from making extra peaks.
    let mut smooth = signature;
    for k in 1..FREQUENCY_WINDOW_LENGTH_PX - 1 {
        smooth[k] = (signature[k - 1] + 2.0 * signature[k] + signature[k + 1]) / 4.0;
    }
    let mean = smooth.iter().sum::<f32>() / smooth.len() as f32;
    let peaks: Vec<usize> = (1..FREQUENCY_WINDOW_LENGTH_PX - 1)
        .filter(|&k| smooth[k] > mean && smooth[k] >= smooth[k - 1] && smooth[k] > smooth[k + 1])
        .collect();
    if peaks.len() < 2 {
        return f32::NAN;
    }
    let p = (peaks[peaks.len() - 1] - peaks[0]) as f32 / (peaks.len() - 1) as f32;
    if (MIN_RIDGE_PERIOD_PX..=MAX_RIDGE_PERIOD_PX).contains(&p) {
        p
    } else {
        f32::NAN
    }
}

/// Fills failed blocks with the mean of valid neighbours (growing inward), the rest with the image
/// median, then smooths with a 3x3 box over foreground blocks.
fn fill_and_smooth(raw: &Grid<f32>, foreground: &Grid<bool>) -> RidgeFrequency {
    let mut valid: Vec<f32> = raw.data.iter().copied().filter(|v| !v.is_nan()).collect();
    valid.sort_by(f32::total_cmp);
    let median = valid
        .get(valid.len() / 2)
        .copied()
        .unwrap_or(DEFAULT_RIDGE_PERIOD_PX);
    let mut period = raw.clone();
    for _ in 0..4 {
        let before = period.clone();
        for y in 0..period.height as isize {
            for x in 0..period.width as isize {
                if !before.get(x as usize, y as usize).is_nan() {
                    continue;
                }
                let (mut sum, mut n) = (0.0, 0.0);
                for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                    let v = before.get_or(x + dx, y + dy, f32::NAN);
                    if !v.is_nan() {
                        sum += v;
                        n += 1.0;
                    }
                }
                if n > 0.0 {
                    period.set(x as usize, y as usize, sum / n);
                }
            }
        }
    }
    let filled = period.map(|v| if v.is_nan() { median } else { v });
    let mut smooth = filled.clone();
    for y in 0..filled.height as isize {
        for x in 0..filled.width as isize {
            let (mut sum, mut n) = (0.0, 0.0);
            for dy in -1..=1 {
                for dx in -1..=1 {
                    if foreground.get_or(x + dx, y + dy, false) {
                        sum += filled.get((x + dx) as usize, (y + dy) as usize);
                        n += 1.0;
                    }
                }
            }
            if n > 0.0 {
                smooth.set(x as usize, y as usize, sum / n);
            }
        }
    }
    RidgeFrequency { period_px: smooth }
}

#[cfg(test)]
mod tests {
    use super::super::orientation::{orientation_field, structure_tensor};
    use super::*;
    use std::f32::consts::PI;

    #[test]
    fn measures_the_period_of_synthetic_stripes() {
        for &period in &[7.0f32, 10.0, 12.0] {
            let mut img = Grid::new(80, 80, 0.0);
            for y in 0..80 {
                for x in 0..80 {
                    img.set(
                        x,
                        y,
                        128.0 + 100.0 * ((x as f32 + 0.3 * y as f32) / period * 2.0 * PI).cos(),
                    );
                }
            }
            let tensor = structure_tensor(&img);
            let fg = Grid::new(tensor.a.width, tensor.a.height, true);
            let field = orientation_field(&tensor, &fg);
            let freq = ridge_frequency(&img, &field, &fg);
            // Stripes along x + 0.3y have period p / |(1, 0.3)| across the ridges.
            let expected = period / (1.0f32 + 0.09).sqrt();
            let got = freq.period_px.get(5, 5);
            assert!(
                (got - expected).abs() < 0.8,
                "period {period}: got {got}, want {expected}"
            );
        }
    }
}
