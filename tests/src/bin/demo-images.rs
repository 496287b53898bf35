//! Writes the local run's demo documents as real JPEG files drawn by code, so the consoles show
//! pictures rather than broken images: for each demo person a 3x4 photo (a drawn face), a cover
//! letter and a Kartu Keluarga copy (pages of ruled "text"). Nothing here is a real person.
//!
//! Usage: `demo-images OUT_DIR`; writes `{siti,budi}-{photo,cover,kk}.jpg` there.

use image::{Rgb, RgbImage};

/// One demo person's look: skin, hair, clothes and the photo's backdrop (red for an odd birth
/// year, blue for an even one, as on KTP-el photos).
struct Look {
    name: &'static str,
    skin: [u8; 3],
    hair: [u8; 3],
    clothes: [u8; 3],
    backdrop: [u8; 3],
    /// Hair down to the shoulders (else short).
    long_hair: bool,
}

const PEOPLE: [Look; 2] = [
    Look {
        name: "siti",
        skin: [198, 150, 112],
        hair: [40, 28, 22],
        clothes: [32, 64, 120],
        backdrop: [176, 36, 40],
        long_hair: true,
    },
    Look {
        name: "budi",
        skin: [176, 126, 90],
        hair: [24, 20, 18],
        clothes: [230, 230, 226],
        backdrop: [30, 80, 170],
        long_hair: false,
    },
];

fn main() {
    let dir =
        std::path::PathBuf::from(std::env::args().nth(1).expect("usage: demo-images OUT_DIR"));
    std::fs::create_dir_all(&dir).expect("create the output folder");
    for (i, look) in PEOPLE.iter().enumerate() {
        save(
            &portrait(look),
            &dir.join(format!("{}-photo.jpg", look.name)),
        );
        save(
            &page(i as u32, 7, false),
            &dir.join(format!("{}-cover.jpg", look.name)),
        );
        save(
            &page(i as u32 + 10, 12, true),
            &dir.join(format!("{}-kk.jpg", look.name)),
        );
    }
}

fn save(img: &RgbImage, path: &std::path::Path) {
    img.save_with_format(path, image::ImageFormat::Jpeg)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Fills the pixels of `img` for which `inside(x, y)` holds.
fn fill(img: &mut RgbImage, colour: [u8; 3], inside: impl Fn(f32, f32) -> bool) {
    for (x, y, p) in img.enumerate_pixels_mut() {
        if inside(x as f32, y as f32) {
            *p = Rgb(colour);
        }
    }
}

fn ellipse(cx: f32, cy: f32, rx: f32, ry: f32) -> impl Fn(f32, f32) -> bool {
    move |x, y| ((x - cx) / rx).powi(2) + ((y - cy) / ry).powi(2) <= 1.0
}

fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> impl Fn(f32, f32) -> bool {
    move |x, y| x >= x0 && x < x1 && y >= y0 && y < y1
}

fn darker(c: [u8; 3], by: f32) -> [u8; 3] {
    c.map(|v| (f32::from(v) * by) as u8)
}

/// A 3x4 passport-style photo, 360x480: backdrop, shoulders, neck, hair, face, eyes, brows,
/// nose and mouth, with a little shading so it reads as a face at thumbnail size.
fn portrait(look: &Look) -> RgbImage {
    let mut img = RgbImage::from_pixel(360, 480, Rgb(look.backdrop));
    // A soft vertical light falloff on the backdrop.
    for (_, y, p) in img.enumerate_pixels_mut() {
        let k = 1.0 - y as f32 / 480.0 * 0.25;
        *p = Rgb(look.backdrop.map(|v| (f32::from(v) * k) as u8));
    }
    if look.long_hair {
        fill(&mut img, look.hair, ellipse(180.0, 250.0, 122.0, 170.0));
    }
    fill(&mut img, look.clothes, ellipse(180.0, 500.0, 175.0, 120.0));
    fill(
        &mut img,
        darker(look.skin, 0.85),
        rect(150.0, 280.0, 210.0, 390.0),
    );
    fill(&mut img, look.hair, ellipse(180.0, 175.0, 100.0, 95.0));
    fill(&mut img, look.skin, ellipse(180.0, 225.0, 86.0, 110.0));
    // Ears.
    fill(
        &mut img,
        darker(look.skin, 0.92),
        ellipse(95.0, 232.0, 12.0, 24.0),
    );
    fill(
        &mut img,
        darker(look.skin, 0.92),
        ellipse(265.0, 232.0, 12.0, 24.0),
    );
    // The hairline over the forehead.
    fill(&mut img, look.hair, |x, y| {
        ellipse(180.0, 150.0, 92.0, 55.0)(x, y) && y < 165.0 - (x - 180.0).abs() * 0.15
    });
    for cx in [145.0, 215.0] {
        fill(&mut img, [245, 245, 240], ellipse(cx, 215.0, 16.0, 8.0));
        fill(&mut img, [60, 40, 30], ellipse(cx, 215.0, 7.0, 7.0));
        fill(&mut img, [10, 10, 10], ellipse(cx, 215.0, 3.0, 3.0));
        fill(
            &mut img,
            look.hair,
            rect(cx - 20.0, 193.0, cx + 20.0, 199.0),
        );
    }
    fill(&mut img, darker(look.skin, 0.8), |x, y| {
        y > 225.0 && y < 262.0 && (x - 180.0).abs() < 4.0 + (y - 225.0) * 0.25
    });
    fill(&mut img, [150, 70, 70], ellipse(180.0, 292.0, 26.0, 7.0));
    fill(
        &mut img,
        darker(look.skin, 0.9),
        ellipse(180.0, 298.0, 20.0, 3.0),
    );
    img
}

/// An A4-shaped page (424x600) of a typed document: a letterhead, ruled lines of "words" and,
/// for a Kartu Keluarga, a table; `seed` varies the word lengths so pages differ.
fn page(seed: u32, lines: u32, table: bool) -> RgbImage {
    let (w, h) = (424u32, 600u32);
    let mut img = RgbImage::from_pixel(w, h, Rgb([250, 249, 244]));
    let ink = [40, 40, 48];
    fill(&mut img, ink, rect(40.0, 40.0, 384.0, 46.0));
    fill(&mut img, ink, rect(120.0, 56.0, 304.0, 66.0));
    // Words of pseudo-random length (a small LCG: same pages every run).
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let mut next = || {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (state >> 16) % 48
    };
    let mut y = 96.0;
    for _ in 0..lines {
        let mut x = 40.0;
        while x < 360.0 {
            let word = 14.0 + next() as f32;
            let end = (x + word).min(384.0);
            fill(&mut img, ink, rect(x, y, end, y + 6.0));
            x = end + 8.0;
        }
        y += 20.0;
    }
    if table {
        let top = y + 10.0;
        let ruled = [60, 60, 70];
        for row in 0..=6 {
            let ry = top + row as f32 * 24.0;
            fill(&mut img, ruled, rect(40.0, ry, 384.0, ry + 1.5));
        }
        for col in [40.0, 70.0, 200.0, 290.0, 383.0] {
            fill(&mut img, ruled, rect(col, top, col + 1.5, top + 144.0));
        }
        for row in 0..6 {
            let ry = top + row as f32 * 24.0 + 9.0;
            for (x0, x1) in [
                (48.0, 62.0),
                (78.0, 150.0 + next() as f32),
                (208.0, 270.0),
                (298.0, 360.0),
            ] {
                fill(&mut img, ink, rect(x0, ry, x1, ry + 6.0));
            }
        }
    }
    // A signature scrawl and a round stamp at the foot.
    fill(&mut img, [30, 50, 140], |x, y| {
        let t = (x - 260.0) / 90.0;
        (0.0..1.0).contains(&t) && (y - (540.0 - 14.0 * (t * 9.0).sin())).abs() < 1.6
    });
    fill(&mut img, [120, 60, 160], |x, y| {
        let r = ((x - 300.0).powi(2) + (y - 535.0).powi(2)).sqrt();
        (26.0..30.0).contains(&r)
    });
    img
}
