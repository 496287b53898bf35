//! Inverse wavelet transform: rebuilds each region from its four quadrants with the DTT's filters.
//!
//! One-dimensional synthesis of a line of `n` samples: the lowpass half sits on the even output
//! positions and the highpass half on the odd ones; each is upsampled, extended by whole-sample
//! symmetric reflection about the first and last positions (the extension the odd-length analysis
//! filters used, so the boundary is reconstructed exactly) and filtered by its synthesis filter
//! centred on the output sample. Two-dimensional regions are done columns first, then rows.

use super::subbands::Region;
use super::tables::Filters;

/// Joins every region in order, in place, on a `width`-wide coefficient plane.
pub(super) fn reconstruct(plane: &mut [f32], width: usize, joins: &[Region], filters: &Filters) {
    let mut line = Vec::new();
    let mut out = Vec::new();
    let mut low = Vec::new();
    let mut high = Vec::new();
    for region in joins {
        if region.width == 0 || region.height == 0 {
            continue;
        }
        for x in region.x..region.x + region.width {
            line.clear();
            line.extend((region.y..region.y + region.height).map(|y| plane[y * width + x]));
            synthesize(
                &line,
                region.invert_y,
                filters,
                &mut low,
                &mut high,
                &mut out,
            );
            for (k, &v) in out.iter().enumerate() {
                plane[(region.y + k) * width + x] = v;
            }
        }
        for y in region.y..region.y + region.height {
            let row = &mut plane[y * width + region.x..y * width + region.x + region.width];
            synthesize(row, region.invert_x, filters, &mut low, &mut high, &mut out);
            row.copy_from_slice(&out);
        }
    }
}

/// Synthesizes one line; `inverted` says the highpass half is stored first.
fn synthesize(
    line: &[f32],
    inverted: bool,
    filters: &Filters,
    up_low: &mut Vec<f32>,
    up_high: &mut Vec<f32>,
    out: &mut Vec<f32>,
) {
    let n = line.len();
    let low_len = n.div_ceil(2);
    let (low, high) = if inverted {
        let (h, l) = line.split_at(n - low_len);
        (l, h)
    } else {
        line.split_at(low_len)
    };

    // Upsampled, reflected copies with a margin wide enough for either filter's half-length.
    let margin = filters.low.len().max(filters.high.len()) / 2;
    let extended = n + 2 * margin;
    up_low.clear();
    up_high.clear();
    for i in 0..extended {
        let k = reflect(i as isize - margin as isize, n);
        let (l, h) = if k.is_multiple_of(2) {
            (low[k / 2], 0.0)
        } else {
            (0.0, high[k / 2])
        };
        up_low.push(l);
        up_high.push(h);
    }

    out.clear();
    let (lc, hc) = (filters.low.len() / 2, filters.high.len() / 2);
    for i in 0..n {
        let centre = i + margin;
        let mut sum = 0f32;
        for (j, &g) in filters.low.iter().enumerate() {
            sum += up_low[centre + lc - j] * g;
        }
        for (j, &g) in filters.high.iter().enumerate() {
            sum += up_high[centre + hc - j] * g;
        }
        out.push(sum);
    }
}

/// Whole-sample symmetric reflection of index `k` into `0..n` (period `2(n-1)`).
fn reflect(k: isize, n: usize) -> usize {
    if n == 1 {
        return 0;
    }
    let period = 2 * (n as isize - 1);
    let k = k.rem_euclid(period);
    (if k >= n as isize { period - k } else { k }) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflection_mirrors_about_the_end_samples() {
        let got: Vec<usize> = (-3..7).map(|k| reflect(k, 4)).collect();
        assert_eq!(got, [3, 2, 1, 0, 1, 2, 3, 2, 1, 0]);
        assert_eq!(reflect(-5, 1), 0);
    }

    #[test]
    fn a_flat_lowpass_band_gives_a_flat_line() {
        // Haar-like filters with unit DC gain on the lowpass: a constant low band must come back flat.
        let filters = Filters {
            low: vec![0.5, 1.0, 0.5],
            high: vec![0.0, 0.0, 1.0, 0.0, 0.0],
        };
        let mut line = vec![2.0; 5];
        line[3..].fill(0.0); // high band (2 samples) zero
        let (mut a, mut b, mut out) = (Vec::new(), Vec::new(), Vec::new());
        synthesize(&line, false, &filters, &mut a, &mut b, &mut out);
        assert_eq!(out, vec![2.0; 5]);
    }
}
