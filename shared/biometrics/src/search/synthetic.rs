//! SYNTHETIC fingerprint templates for building large test galleries. They are not real people's
//! fingerprints and are never enrolled outside benchmarks and tests.
//!
//! A template is made like a print's minutiae: a smooth ridge-direction field from the zero-pole
//! model (Sherlock & Monro 1993: arches, loops and whorls from core and delta singularities), a
//! roughly elliptical print area, minutiae spread with a minimum spacing (Poisson-disc darts), each
//! pointing along the local ridge in one of its two senses, counts like real plain impressions.

use crate::{Minutia, MinutiaKind, Template};
use std::f32::consts::{PI, TAU};

/// Generator parameters: realistic ranges seen in 500 ppi plain impressions (FVC2002 extractions
/// give 20-70 minutiae; minutiae closer than about one ridge period are removed as false).
pub const SYNTHETIC_MIN_MINUTIAE: usize = 18;
pub const SYNTHETIC_MAX_MINUTIAE: usize = 64;
pub const SYNTHETIC_MEAN_MINUTIAE: f32 = 38.0;
pub const SYNTHETIC_SD_MINUTIAE: f32 = 10.0;
pub const SYNTHETIC_MIN_SPACING_PX: f32 = 11.0;
pub const SYNTHETIC_MIN_FRAME_PX: u16 = 280;
pub const SYNTHETIC_MAX_FRAME_PX: u16 = 480;

/// A small deterministic generator (SplitMix64): the same seed gives the same gallery on every
/// machine, with no dependency.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    pub fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    /// Standard normal (Box-Muller).
    pub fn normal(&mut self) -> f32 {
        let u = self.unit().max(1e-7);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (TAU * v).cos()
    }
}

/// One synthetic finger: singularities of the direction field and the print area.
struct Pattern {
    cores: Vec<(f32, f32)>,
    deltas: Vec<(f32, f32)>,
    base: f32,
}

impl Pattern {
    /// Ridge orientation (mod π) at a point: half the sum of the pole and zero arguments.
    fn orientation(&self, x: f32, y: f32) -> f32 {
        let mut a = self.base;
        for &(cx, cy) in &self.cores {
            a += 0.5 * (y - cy).atan2(x - cx);
        }
        for &(dx, dy) in &self.deltas {
            a -= 0.5 * (y - dy).atan2(x - dx);
        }
        a
    }
}

/// A SYNTHETIC template drawn from `rng`.
pub fn synthetic_template(rng: &mut Rng) -> Template {
    let width = rng.range(
        f32::from(SYNTHETIC_MIN_FRAME_PX),
        f32::from(SYNTHETIC_MAX_FRAME_PX),
    ) as u16;
    let height = rng.range(
        f32::from(SYNTHETIC_MIN_FRAME_PX),
        f32::from(SYNTHETIC_MAX_FRAME_PX),
    ) as u16;
    let (w, h) = (f32::from(width), f32::from(height));
    let (cx, cy) = (
        w / 2.0 + rng.normal() * w * 0.05,
        h / 2.0 + rng.normal() * h * 0.05,
    );
    let (ax, ay) = (w * rng.range(0.33, 0.45), h * rng.range(0.35, 0.47));
    let core = (cx + rng.normal() * 30.0, cy - h * rng.range(0.0, 0.2));
    // Pattern classes in roughly their natural shares: loops ~65 %, whorls ~30 %, arches ~5 %.
    let class = rng.unit();
    let pattern = if class < 0.65 {
        let side = if rng.unit() < 0.5 { -1.0 } else { 1.0 };
        Pattern {
            cores: vec![core],
            deltas: vec![(
                core.0 + side * rng.range(60.0, 140.0),
                core.1 + rng.range(80.0, 160.0),
            )],
            base: rng.normal() * 0.2,
        }
    } else if class < 0.95 {
        let spread = rng.range(15.0, 40.0);
        Pattern {
            cores: vec![
                (core.0 - spread, core.1),
                (core.0 + spread, core.1 + rng.normal() * 10.0),
            ],
            deltas: vec![
                (
                    core.0 - rng.range(90.0, 150.0),
                    core.1 + rng.range(90.0, 150.0),
                ),
                (
                    core.0 + rng.range(90.0, 150.0),
                    core.1 + rng.range(90.0, 150.0),
                ),
            ],
            base: rng.normal() * 0.2,
        }
    } else {
        Pattern {
            cores: Vec::new(),
            deltas: Vec::new(),
            base: rng.normal() * 0.15,
        }
    };
    let arch_bend = rng.range(0.3, 0.8);

    let wanted = (SYNTHETIC_MEAN_MINUTIAE + rng.normal() * SYNTHETIC_SD_MINUTIAE)
        .clamp(SYNTHETIC_MIN_MINUTIAE as f32, SYNTHETIC_MAX_MINUTIAE as f32)
        as usize;
    let mut minutiae: Vec<Minutia> = Vec::with_capacity(wanted);
    let mut attempts = 0;
    while minutiae.len() < wanted && attempts < wanted * 60 {
        attempts += 1;
        let (u, v) = (rng.range(-1.0, 1.0), rng.range(-1.0, 1.0));
        if u * u + v * v > 1.0 {
            continue;
        }
        let (x, y) = (cx + u * ax, cy + v * ay);
        if x < 1.0 || y < 1.0 || x >= w - 1.0 || y >= h - 1.0 {
            continue;
        }
        let spaced = minutiae
            .iter()
            .all(|m| (f32::from(m.x) - x).hypot(f32::from(m.y) - y) >= SYNTHETIC_MIN_SPACING_PX);
        if !spaced {
            continue;
        }
        let mut orientation = pattern.orientation(x, y);
        if pattern.cores.is_empty() {
            // Arch: ridges run across the finger, bending up in the middle.
            orientation += arch_bend * ((x - cx) / ax).clamp(-1.0, 1.0) * (1.0 - v.abs());
        }
        // Image y points down; the ISO angle turns counter-clockwise on screen.
        let sense = if rng.unit() < 0.5 { 0.0 } else { PI };
        let angle = (-orientation + sense + rng.normal() * 0.08).rem_euclid(TAU);
        minutiae.push(Minutia {
            x: x as u16,
            y: y as u16,
            direction: ((angle / TAU * 256.0).round() as u32 % 256) as u8,
            kind: if rng.unit() < 0.55 {
                MinutiaKind::Ending
            } else {
                MinutiaKind::Bifurcation
            },
        });
    }
    Template {
        width,
        height,
        quality: rng.range(35.0, 90.0) as u8,
        minutiae,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_templates_have_realistic_counts_and_spacing() {
        let mut rng = Rng::new(7);
        for _ in 0..50 {
            let t = synthetic_template(&mut rng);
            assert!((SYNTHETIC_MIN_MINUTIAE..=SYNTHETIC_MAX_MINUTIAE).contains(&t.minutiae.len()));
            for (i, a) in t.minutiae.iter().enumerate() {
                assert!(a.x < t.width && a.y < t.height);
                for b in &t.minutiae[i + 1..] {
                    let d =
                        (f32::from(a.x) - f32::from(b.x)).hypot(f32::from(a.y) - f32::from(b.y));
                    assert!(d >= SYNTHETIC_MIN_SPACING_PX - 1.5, "too close: {d}");
                }
            }
        }
    }

    #[test]
    fn same_seed_same_template() {
        assert_eq!(
            synthetic_template(&mut Rng::new(42)),
            synthetic_template(&mut Rng::new(42))
        );
    }
}
