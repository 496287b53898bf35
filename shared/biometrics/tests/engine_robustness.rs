//! Seeded robustness: a print still matches itself after rotation and translation (of the template
//! and of the image), after cropping, and after minutiae are lost.

mod engine_support;

use biometrics::params::{THRESHOLD_FMR_1_IN_10_000, THRESHOLD_FMR_1_IN_1_000};
use biometrics::{extract, GrayImage, Minutia, Template};
use engine_support::{load, score, template, Rng};

/// Rotates every minutia by `angle` around the template centre and shifts it by `(dx, dy)`,
/// dropping minutiae that leave the frame.
fn rotate_translate(t: &Template, angle: f32, dx: f32, dy: f32) -> Template {
    let (cx, cy) = (t.width as f32 / 2.0, t.height as f32 / 2.0);
    let (c, s) = (angle.cos(), angle.sin());
    let minutiae = t
        .minutiae
        .iter()
        .filter_map(|m| {
            // ISO angles turn counter-clockwise with y down: rotate in the y-up frame.
            let (x, y) = (m.x as f32 - cx, cy - m.y as f32);
            let (rx, ry) = (x * c - y * s + cx + dx, cy - (x * s + y * c) + dy);
            let turn = (angle / std::f32::consts::TAU * 256.0).round() as i32;
            let inside = rx >= 0.0 && ry >= 0.0 && rx < t.width as f32 && ry < t.height as f32;
            inside.then(|| Minutia {
                x: rx as u16,
                y: ry as u16,
                direction: (m.direction as i32 + turn).rem_euclid(256) as u8,
                kind: m.kind,
            })
        })
        .collect();
    Template {
        minutiae,
        ..t.clone()
    }
}

#[test]
fn template_rotation_and_translation_keep_a_genuine_match() {
    let original = template("DB1_B", 103, 1);
    let other_impression = template("DB1_B", 103, 2);
    let mut rng = Rng(2024);
    for _ in 0..6 {
        let angle = rng.range(-std::f32::consts::PI, std::f32::consts::PI);
        // Small shifts and a rotation about the centre keep most of the print inside the frame.
        let moved = rotate_translate(
            &original,
            angle,
            rng.range(-20.0, 20.0),
            rng.range(-20.0, 20.0),
        );
        assert!(
            moved.minutiae.len() * 10 >= original.minutiae.len() * 6,
            "transform dropped too much"
        );
        let s = score(&moved, &original);
        assert!(s >= THRESHOLD_FMR_1_IN_10_000, "angle {angle}: {s}");
        let s = score(&moved, &other_impression);
        assert!(
            s >= THRESHOLD_FMR_1_IN_1_000,
            "angle {angle} against impression 2: {s}"
        );
    }
}

#[test]
fn cropping_and_losing_minutiae_keep_a_genuine_match() {
    let original = template("DB2_B", 104, 1);
    let mut rng = Rng(99);
    for _ in 0..4 {
        // Keep a random 70% x 70% window of the frame.
        let (w, h) = (original.width as f32, original.height as f32);
        let (x0, y0) = (rng.range(0.0, 0.3 * w), rng.range(0.0, 0.3 * h));
        let cropped = Template {
            minutiae: original
                .minutiae
                .iter()
                .copied()
                .filter(|m| {
                    (m.x as f32) >= x0
                        && (m.x as f32) < x0 + 0.7 * w
                        && (m.y as f32) >= y0
                        && (m.y as f32) < y0 + 0.7 * h
                })
                .collect(),
            ..original.clone()
        };
        let s = score(&cropped, &original);
        assert!(s >= THRESHOLD_FMR_1_IN_1_000, "crop at {x0},{y0}: {s}");
        // Lose a random fifth of the minutiae as well.
        let thinned = Template {
            minutiae: cropped
                .minutiae
                .iter()
                .copied()
                .filter(|_| !rng.next_u64().is_multiple_of(5))
                .collect(),
            ..cropped.clone()
        };
        let s = score(&thinned, &original);
        assert!(
            s >= THRESHOLD_FMR_1_IN_1_000,
            "thinned crop at {x0},{y0}: {s}"
        );
    }
}

/// Rotates an image a quarter turn counter-clockwise (exact, no interpolation).
fn rotate_quarter(img: &GrayImage) -> GrayImage {
    let (w, h) = (img.width, img.height);
    let mut pixels = vec![0; w * h];
    for y in 0..h {
        for x in 0..w {
            // (x, y) goes to (y, w - 1 - x) in an h x w image.
            pixels[(w - 1 - x) * h + y] = img.get(x, y);
        }
    }
    GrayImage::new(h, w, pixels).unwrap()
}

/// Pads an image with white background on the left and top.
fn shift(img: &GrayImage, dx: usize, dy: usize) -> GrayImage {
    let (w, h) = (img.width + dx, img.height + dy);
    let mut pixels = vec![255; w * h];
    for y in 0..img.height {
        pixels[(y + dy) * w + dx..(y + dy) * w + dx + img.width]
            .copy_from_slice(&img.pixels[y * img.width..(y + 1) * img.width]);
    }
    GrayImage::new(w, h, pixels).unwrap()
}

/// Keeps the window `[x0, x0 + w) x [y0, y0 + h)`.
fn crop(img: &GrayImage, x0: usize, y0: usize, w: usize, h: usize) -> GrayImage {
    let pixels = (y0..y0 + h)
        .flat_map(|y| (x0..x0 + w).map(move |x| (x, y)))
        .map(|(x, y)| img.get(x, y))
        .collect();
    GrayImage::new(w, h, pixels).unwrap()
}

#[test]
fn image_rotation_shift_and_crop_keep_a_genuine_match() {
    let image = load("DB3_B", 102, 1);
    let original = extract(&image);
    let mut rng = Rng(5);
    let rotated = extract(&rotate_quarter(&image));
    assert!(
        score(&rotated, &original) >= THRESHOLD_FMR_1_IN_10_000,
        "quarter turn: {}",
        score(&rotated, &original)
    );
    let (dx, dy) = (rng.range(5.0, 60.0) as usize, rng.range(5.0, 60.0) as usize);
    let shifted = extract(&shift(&image, dx, dy));
    assert!(
        score(&shifted, &original) >= THRESHOLD_FMR_1_IN_10_000,
        "shift {dx},{dy}: {}",
        score(&shifted, &original)
    );
    let (w, h) = (image.width * 3 / 4, image.height * 3 / 4);
    let (x0, y0) = (
        rng.range(0.0, (image.width - w) as f32) as usize,
        rng.range(0.0, (image.height - h) as f32) as usize,
    );
    let cropped = extract(&crop(&image, x0, y0, w, h));
    assert!(
        score(&cropped, &original) >= THRESHOLD_FMR_1_IN_1_000,
        "crop at {x0},{y0}: {}",
        score(&cropped, &original)
    );
}
