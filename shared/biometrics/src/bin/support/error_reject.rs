//! Error-versus-reject: how much the matcher's FNMR at a fixed FMR falls when the lowest-quality
//! impressions are rejected (recaptured) before matching. A quality score that predicts matching
//! makes the curve fall steeply; one that does not leaves it flat. Rejecting an impression drops
//! every comparison, genuine or impostor, it takes part in.

use std::fmt::Write as _;

/// One comparison: (probe finger, probe impression, candidate finger, candidate impression, score).
pub type Row = (u32, u32, u32, u32, f32);

/// One folder's impressions with their quality, and its comparisons.
pub struct Folder<'a> {
    pub name: &'a str,
    /// (finger, impression, quality) of every impression.
    pub qualities: Vec<(u32, u32, u8)>,
    pub genuine: &'a [Row],
    pub impostor: &'a [Row],
}

/// FNMR at a target FMR from genuine and impostor scores (the evaluation's own measure).
pub type FnmrAtFmr = fn(genuine: &[f32], impostor: &[f32], fmr: f64) -> f64;

/// Fractions of impressions rejected, lowest quality first.
pub const REJECT_FRACTIONS: [f64; 4] = [0.0, 0.02, 0.05, 0.10];

/// The table as text: per reject fraction, the highest rejected quality, the FNMR at `fmr` per
/// folder and their mean, and the mean relative to rejecting nothing. Impressions are ranked over
/// all folders together (one quality gate for every scanner); ties in quality are broken by
/// folder, finger and impression so that exactly the stated fraction is rejected.
pub fn table(folders: &[Folder], fmr: f64, fnmr_at_fmr: FnmrAtFmr) -> String {
    let mut ranked: Vec<(u8, usize, u32, u32)> = folders
        .iter()
        .enumerate()
        .flat_map(|(k, f)| f.qualities.iter().map(move |&(g, i, q)| (q, k, g, i)))
        .collect();
    ranked.sort_unstable();
    let mut text = format!(
        "error-versus-reject: FNMR at FMR {}% after rejecting the lowest-quality impressions ({} impressions over {} folders)\n",
        100.0 * fmr,
        ranked.len(),
        folders.len()
    );
    let _ = write!(text, "{:>7} {:>9}", "reject", "quality<=");
    for f in folders {
        let _ = write!(text, " {:>8}", f.name);
    }
    let _ = writeln!(text, " {:>8} {:>9}", "mean", "vs 0%");
    let mut base = None;
    for fraction in REJECT_FRACTIONS {
        let count = (fraction * ranked.len() as f64).round() as usize;
        let rejected = &ranked[..count];
        let gate = rejected
            .last()
            .map_or_else(|| "-".to_string(), |r| r.0.to_string());
        let _ = write!(text, "{:>6.0}% {gate:>9}", 100.0 * fraction);
        let mut sum = 0.0;
        for (k, f) in folders.iter().enumerate() {
            let dropped = |finger: u32, impression: u32| {
                rejected
                    .iter()
                    .any(|&(_, rk, rg, ri)| rk == k && rg == finger && ri == impression)
            };
            let kept = |rows: &[Row]| -> Vec<f32> {
                rows.iter()
                    .filter(|r| !dropped(r.0, r.1) && !dropped(r.2, r.3))
                    .map(|r| r.4)
                    .collect()
            };
            let value = fnmr_at_fmr(&kept(f.genuine), &kept(f.impostor), fmr);
            sum += value;
            let _ = write!(text, " {:>7.2}%", 100.0 * value);
        }
        let mean = sum / folders.len().max(1) as f64;
        let base = *base.get_or_insert(mean);
        let relative = if base > 0.0 {
            format!("{:+.0}%", 100.0 * (mean - base) / base)
        } else {
            "-".to_string()
        };
        let _ = writeln!(text, " {:>7.2}% {relative:>9}", 100.0 * mean);
    }
    text
}
