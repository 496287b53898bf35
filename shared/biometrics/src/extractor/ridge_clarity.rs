//! Local ridge clarity per block: how much of the grey-level variation around a block is a clean
//! ridge-valley wave at the local orientation and period (the idea behind NFIQ 2's local clarity
//! and frequency-domain features, measured our own way). Clear ridges score near 1; smudges,
//! where ridges merge, dry prints, where they break up, and noise score near 0.

use super::orientation::OrientationField;
use super::ridge_frequency::RidgeFrequency;
use crate::params::{
    BLOCK_SIZE_PX, CLARITY_PERIOD_TOLERANCE, CLARITY_WINDOW_ACROSS_PX, CLARITY_WINDOW_ALONG_PX,
};
use crate::primitives::grid::Grid;
use crate::primitives::round_to_isize;
use std::f32::consts::TAU;

/// Clarity 0..1 per block; 0 on background.
pub(crate) struct RidgeClarity {
    pub clarity: Grid<f32>,
}

pub(crate) fn ridge_clarity(
    pixels: &Grid<f32>,
    field: &OrientationField,
    frequency: &RidgeFrequency,
    foreground: &Grid<bool>,
) -> RidgeClarity {
    let (bw, bh) = (foreground.width, foreground.height);
    let mut clarity = Grid::new(bw, bh, 0.0);
    for by in 0..bh {
        for bx in 0..bw {
            if foreground.get(bx, by) {
                let centre = (
                    (bx * BLOCK_SIZE_PX) as f32 + BLOCK_SIZE_PX as f32 / 2.0,
                    (by * BLOCK_SIZE_PX) as f32 + BLOCK_SIZE_PX as f32 / 2.0,
                );
                let period = frequency.period_px.get(bx, by);
                clarity.set(
                    bx,
                    by,
                    block_clarity(pixels, centre, field.angle.get(bx, by), period),
                );
            }
        }
    }
    RidgeClarity { clarity }
}

/// Running sums for the least-squares fit of `v = m + a cos(ωt) + b sin(ωt)` to samples `v` at
/// offsets `t` across the ridges.
#[derive(Clone, Copy, Default)]
struct WaveFit {
    n: f32,
    v: f32,
    vv: f32,
    c: f32,
    s: f32,
    cc: f32,
    ss: f32,
    cs: f32,
    vc: f32,
    vs: f32,
}

impl WaveFit {
    /// Adds `n` samples at one offset across the ridges, whose values sum to `v` and whose squares
    /// sum to `vv`, where the wave's basis is `(c, s)`.
    #[inline]
    fn add(&mut self, (n, v, vv): (f32, f32, f32), (c, s): (f32, f32)) {
        self.n += n;
        self.v += v;
        self.vv += vv;
        self.c += n * c;
        self.s += n * s;
        self.cc += n * c * c;
        self.ss += n * s * s;
        self.cs += n * c * s;
        self.vc += v * c;
        self.vs += v * s;
    }

    /// Fraction of the samples' variance the wave explains (R²), 0..1.
    fn explained(&self) -> f32 {
        if self.n < 3.0 {
            return 0.0;
        }
        let n = self.n;
        // Sums of centred products: the constant term of the fit absorbed.
        let vv = self.vv - self.v * self.v / n;
        let cc = self.cc - self.c * self.c / n;
        let ss = self.ss - self.s * self.s / n;
        let cs = self.cs - self.c * self.s / n;
        let vc = self.vc - self.v * self.c / n;
        let vs = self.vs - self.v * self.s / n;
        let det = cc * ss - cs * cs;
        if vv <= 0.0 || det <= 0.0 {
            return 0.0;
        }
        let a = (vc * ss - vs * cs) / det;
        let b = (vs * cc - vc * cs) / det;
        ((a * vc + b * vs) / vv).clamp(0.0, 1.0)
    }
}

/// The best R² over the local period and a little either side (the period map is smoothed, and a
/// small error drifts the phase across the window).
fn block_clarity(pixels: &Grid<f32>, (cx, cy): (f32, f32), ridge_angle: f32, period: f32) -> f32 {
    let (ux, uy) = (ridge_angle.cos(), ridge_angle.sin());
    let (nx, ny) = (-uy, ux);
    let periods = [
        period * (1.0 - CLARITY_PERIOD_TOLERANCE),
        period,
        period * (1.0 + CLARITY_PERIOD_TOLERANCE),
    ];
    let mut fits = [WaveFit::default(); 3];
    let across = CLARITY_WINDOW_ACROSS_PX as isize;
    let along = CLARITY_WINDOW_ALONG_PX as isize;
    for k in 0..across {
        let t = (k - across / 2) as f32;
        // The samples along the ridge share one offset across it: sum them first, then fit.
        // Every other pixel along the ridge, as the frequency stage samples.
        let (mut n, mut v, mut vv) = (0.0f32, 0.0f32, 0.0f32);
        for a in (-along / 2..along / 2).step_by(2) {
            let x = round_to_isize(cx + t * nx + a as f32 * ux);
            let y = round_to_isize(cy + t * ny + a as f32 * uy);
            if x < 0 || y < 0 || x as usize >= pixels.width || y as usize >= pixels.height {
                continue;
            }
            let p = pixels.get(x as usize, y as usize);
            n += 1.0;
            v += p;
            vv += p * p;
        }
        if n == 0.0 {
            continue;
        }
        for (fit, p) in fits.iter_mut().zip(periods) {
            let (s, c) = (TAU * t / p).sin_cos();
            fit.add((n, v, vv), (c, s));
        }
    }
    fits.iter().map(WaveFit::explained).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripes(period: f32, noise: impl Fn(usize, usize) -> f32) -> Grid<f32> {
        let mut img = Grid::new(64, 64, 0.0);
        for y in 0..64 {
            for x in 0..64 {
                let wave = 100.0 * (TAU * x as f32 / period).cos();
                img.set(x, y, 128.0 + wave + noise(x, y));
            }
        }
        img
    }

    /// Vertical ridges: ridge direction along y, so the wave runs along x.
    fn clarity_of(img: &Grid<f32>, period: f32) -> f32 {
        block_clarity(img, (32.0, 32.0), std::f32::consts::FRAC_PI_2, period)
    }

    #[test]
    fn clean_stripes_are_clear_and_noise_or_flat_is_not() {
        let clean = stripes(9.0, |_, _| 0.0);
        assert!(clarity_of(&clean, 9.0) > 0.95);
        // A slightly wrong period is tolerated.
        assert!(clarity_of(&clean, 9.6) > 0.8);
        // Pseudo-random noise as strong as the ridges.
        let noisy = stripes(9.0, |x, y| {
            (((x * 7919 + y * 104_729) % 257) as f32 - 128.0) * 1.6
        });
        let c = clarity_of(&noisy, 9.0);
        assert!(c > 0.1 && c < 0.7, "{c}");
        let flat = Grid::new(64, 64, 128.0);
        assert_eq!(clarity_of(&flat, 9.0), 0.0);
        let pure_noise = stripes(9.0, |x, y| {
            (((x * 7919 + y * 104_729) % 257) as f32 - 128.0) * 1.6
                - 100.0 * (TAU * x as f32 / 9.0).cos()
        });
        assert!(clarity_of(&pure_noise, 9.0) < 0.1);
    }
}
