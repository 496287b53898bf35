//! Bilinear resampling of a greyscale image from the scanner's resolution to 500 ppi.
//!
//! Written here because the codec's resampler was not yet available when the engine needed one;
//! when `codec` grows its own, callers should move to it and this file can go.

use crate::biometrics::{GrayImage, STANDARD_PPI};

/// Resamples `image`, scanned at `ppi`, to [`STANDARD_PPI`]. An image already at 500 ppi (or a
/// nonsensical `ppi` of 0) is returned unchanged.
pub fn resample_to_standard(image: &GrayImage, ppi: u16) -> GrayImage {
    if ppi == STANDARD_PPI || ppi == 0 || image.width == 0 || image.height == 0 {
        return image.clone();
    }
    let scale = STANDARD_PPI as f32 / ppi as f32;
    let width = ((image.width as f32 * scale).round() as usize).max(1);
    let height = ((image.height as f32 * scale).round() as usize).max(1);
    let mut pixels = Vec::with_capacity(width * height);
    // When shrinking, a plain bilinear tap aliases ridges; a box prefilter as wide as the source step
    // would be better, but 569->500 ppi shrinks by only 12%, where bilinear is adequate.
    for y in 0..height {
        let sy = ((y as f32 + 0.5) / scale - 0.5).clamp(0.0, (image.height - 1) as f32);
        let y0 = sy.floor() as usize;
        let y1 = (y0 + 1).min(image.height - 1);
        let fy = sy - y0 as f32;
        for x in 0..width {
            let sx = ((x as f32 + 0.5) / scale - 0.5).clamp(0.0, (image.width - 1) as f32);
            let x0 = sx.floor() as usize;
            let x1 = (x0 + 1).min(image.width - 1);
            let fx = sx - x0 as f32;
            let top = image.get(x0, y0) as f32 * (1.0 - fx) + image.get(x1, y0) as f32 * fx;
            let bottom = image.get(x0, y1) as f32 * (1.0 - fx) + image.get(x1, y1) as f32 * fx;
            pixels.push((top * (1.0 - fy) + bottom * fy).round().clamp(0.0, 255.0) as u8);
        }
    }
    GrayImage {
        width,
        height,
        pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_resolution_is_untouched() {
        let img = GrayImage::new(3, 2, vec![1, 2, 3, 4, 5, 6]).unwrap();
        assert_eq!(resample_to_standard(&img, 500), img);
    }

    #[test]
    fn higher_resolution_shrinks_and_keeps_flat_values() {
        let img = GrayImage::new(569, 100, vec![77; 56900]).unwrap();
        let out = resample_to_standard(&img, 569);
        assert_eq!((out.width, out.height), (500, 88));
        assert!(out.pixels.iter().all(|&p| p == 77));
    }
}
