//! Resampling greyscale images from the scanner's resolution to the engine's 500 ppi.
//!
//! The resampler is separable: each output pixel along an axis is a weighted sum of input pixels.
//! Downscaling uses area averaging (each output pixel is the mean of the input area it covers, with
//! fractional edge coverage), which is itself the low-pass prefilter that keeps ridge frequencies near
//! the new Nyquist limit from aliasing into moiré. Upscaling uses bilinear interpolation between pixel
//! centres, which cannot alias.

use crate::{GrayImage, STANDARD_PPI};

/// One output sample along an axis: the first input index it reads and the weights from there on.
struct Tap {
    start: usize,
    weights: Vec<f32>,
}

/// Resamples an image captured at `ppi` to [`STANDARD_PPI`], keeping its physical size.
///
/// A `ppi` of 0 or exactly 500 returns a copy: there is nothing sensible to scale by.
pub fn resample_to_standard(image: &GrayImage, ppi: u16) -> GrayImage {
    if ppi == 0 || ppi == STANDARD_PPI || image.width == 0 || image.height == 0 {
        return image.clone();
    }
    let width = scaled_len(image.width, ppi);
    let height = scaled_len(image.height, ppi);
    resize(image, width, height)
}

/// The length of an axis after scaling from `ppi` to 500 ppi, rounded and at least one pixel.
pub(crate) fn scaled_len(len: usize, ppi: u16) -> usize {
    let scaled = (len as u64 * u64::from(STANDARD_PPI) + u64::from(ppi) / 2) / u64::from(ppi);
    (scaled as usize).max(1)
}

/// Resizes to exactly `width x height`, choosing per axis between area averaging and bilinear.
pub(crate) fn resize(image: &GrayImage, width: usize, height: usize) -> GrayImage {
    let x_taps = axis_taps(image.width, width);
    let y_taps = axis_taps(image.height, height);

    // Horizontal pass into floats, so rounding happens only once, after the vertical pass.
    let mut rows = vec![0f32; width * image.height];
    for y in 0..image.height {
        let src = &image.pixels[y * image.width..(y + 1) * image.width];
        let dst = &mut rows[y * width..(y + 1) * width];
        for (out, tap) in dst.iter_mut().zip(&x_taps) {
            *out = tap
                .weights
                .iter()
                .zip(&src[tap.start..])
                .map(|(w, &p)| w * f32::from(p))
                .sum();
        }
    }

    let mut pixels = vec![0u8; width * height];
    for (y, tap) in y_taps.iter().enumerate() {
        let dst = &mut pixels[y * width..(y + 1) * width];
        for (x, out) in dst.iter_mut().enumerate() {
            let value: f32 = tap
                .weights
                .iter()
                .enumerate()
                .map(|(k, w)| w * rows[(tap.start + k) * width + x])
                .sum();
            *out = value.round().clamp(0.0, 255.0) as u8;
        }
    }
    GrayImage {
        width,
        height,
        pixels,
    }
}

/// Weights mapping `src_len` samples onto `dst_len` samples; every tap's weights sum to 1.
fn axis_taps(src_len: usize, dst_len: usize) -> Vec<Tap> {
    let scale = src_len as f64 / dst_len as f64;
    (0..dst_len)
        .map(|i| {
            if scale > 1.0 {
                area_tap(i, scale, src_len)
            } else {
                bilinear_tap(i, scale, src_len)
            }
        })
        .collect()
}

/// Output pixel `i` covers input interval `[i*scale, (i+1)*scale)`; weight each input pixel by overlap.
fn area_tap(i: usize, scale: f64, src_len: usize) -> Tap {
    let lo = i as f64 * scale;
    let hi = ((i + 1) as f64 * scale).min(src_len as f64);
    let start = (lo.floor() as usize).min(src_len - 1);
    let end = (hi.ceil() as usize).clamp(start + 1, src_len);
    let mut weights: Vec<f32> = (start..end)
        .map(|k| {
            let overlap = (hi.min((k + 1) as f64) - lo.max(k as f64)).max(0.0);
            overlap as f32
        })
        .collect();
    normalise(&mut weights);
    Tap { start, weights }
}

/// Output pixel centre `i + 0.5` maps to input coordinate `(i + 0.5) * scale - 0.5`; interpolate there.
fn bilinear_tap(i: usize, scale: f64, src_len: usize) -> Tap {
    let pos = ((i as f64 + 0.5) * scale - 0.5).clamp(0.0, (src_len - 1) as f64);
    let start = pos.floor() as usize;
    let frac = (pos - start as f64) as f32;
    if start + 1 < src_len && frac > 0.0 {
        Tap {
            start,
            weights: vec![1.0 - frac, frac],
        }
    } else {
        Tap {
            start,
            weights: vec![1.0],
        }
    }
}

fn normalise(weights: &mut [f32]) {
    let total: f32 = weights.iter().sum();
    if total > 0.0 {
        weights.iter_mut().for_each(|w| *w /= total);
    } else if let Some(first) = weights.first_mut() {
        *first = 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(width: usize, height: usize, f: impl Fn(usize, usize) -> u8) -> GrayImage {
        let pixels = (0..height)
            .flat_map(|y| (0..width).map(move |x| (x, y)))
            .map(|(x, y)| f(x, y))
            .collect();
        GrayImage::new(width, height, pixels).unwrap()
    }

    #[test]
    fn standard_resolution_is_returned_unchanged() {
        let img = image(7, 5, |x, y| (x * 30 + y) as u8);
        assert_eq!(resample_to_standard(&img, 500), img);
    }

    #[test]
    fn db2_resolution_shrinks_by_the_ppi_ratio() {
        // FVC2002 DB2 is 296x560 at 569 ppi: 296*500/569 = 260.1, 560*500/569 = 492.1.
        let img = image(296, 560, |_, _| 128);
        let out = resample_to_standard(&img, 569);
        assert_eq!((out.width, out.height), (260, 492));
        assert!(out.pixels.iter().all(|&p| p == 128), "flat stays flat");
    }

    #[test]
    fn upscaling_doubles_size_and_interpolates_between_neighbours() {
        let img = image(4, 1, |x, _| [0, 100, 200, 250][x]);
        let out = resample_to_standard(&img, 250);
        assert_eq!((out.width, out.height), (8, 2));
        // Output centres fall a quarter pixel either side of input centres.
        assert_eq!(&out.pixels[..8], &[0, 25, 75, 125, 175, 213, 238, 250]);
    }

    #[test]
    fn downscaling_averages_areas_instead_of_aliasing() {
        // A one-pixel checkerboard at 1000 ppi is finer than 500 ppi can hold: it must become grey,
        // where point sampling would keep only the black or only the white pixels.
        let img = image(10, 10, |x, y| if (x + y) % 2 == 0 { 0 } else { 255 });
        let out = resample_to_standard(&img, 1000);
        assert_eq!((out.width, out.height), (5, 5));
        assert!(
            out.pixels.iter().all(|&p| p == 128 || p == 127),
            "{:?}",
            out.pixels
        );
    }

    #[test]
    fn mean_brightness_survives_a_fractional_downscale() {
        let img = image(123, 77, |x, y| ((x * 7 + y * 13) % 256) as u8);
        let out = resample_to_standard(&img, 569);
        let mean =
            |i: &GrayImage| i.pixels.iter().map(|&p| p as f64).sum::<f64>() / i.pixels.len() as f64;
        assert!((mean(&img) - mean(&out)).abs() < 2.0);
    }
}
