//! Writes an image's extraction stages as PNG pictures, for looking at what the extractor does:
//! `cargo run --release -p biometrics --example engine-trace -- IMAGE[:PPI] OUT_DIR`.

use biometrics::trace::{keys, TraceSink};
use biometrics::{codec, extract_traced, MinutiaKind};
use std::collections::HashMap;

struct Recorder(HashMap<&'static str, Vec<u8>>);

impl TraceSink for Recorder {
    fn record(&mut self, key: &'static str, bytes: &[u8]) {
        self.0.insert(key, bytes.to_vec());
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out] = args.as_slice() else {
        return Err("usage: engine-trace IMAGE[:PPI] OUT_DIR".into());
    };
    let (path, ppi) = match input.rsplit_once(':') {
        Some((p, ppi)) if ppi.parse::<u16>().is_ok() => (p.to_string(), ppi.parse()?),
        _ => (input.clone(), 500),
    };
    let image = codec::decode(&std::fs::read(&path)?, ppi)?;
    let mut recorder = Recorder(HashMap::new());
    let template = extract_traced(&image, &mut recorder);
    std::fs::create_dir_all(out)?;
    let (w, h) = (image.width as u32, image.height as u32);

    let enhanced: Vec<f32> = recorder.0[keys::ENHANCEMENT]
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let scale = enhanced.iter().fold(1e-6f32, |m, v| m.max(v.abs()));
    let grey: Vec<u8> = enhanced
        .iter()
        .map(|v| (128.0 + 127.0 * v / scale) as u8)
        .collect();
    image::GrayImage::from_raw(w, h, grey)
        .ok_or("size")?
        .save(format!("{out}/enhancement.png"))?;

    // Skeleton in grey over the original, minutiae in colour with a direction tick.
    let skeleton = &recorder.0[keys::THINNING];
    let mut rgb = image::RgbImage::new(w, h);
    for (i, p) in rgb.pixels_mut().enumerate() {
        let v = image.pixels[i] / 2 + 100;
        *p = if skeleton[i] == 1 {
            image::Rgb([0, 0, 0])
        } else {
            image::Rgb([v, v, v])
        };
    }
    for m in &template.minutiae {
        let colour = match m.kind {
            MinutiaKind::Ending => image::Rgb([220, 0, 0]),
            MinutiaKind::Bifurcation => image::Rgb([0, 0, 220]),
        };
        let a = m.direction as f32 / 256.0 * std::f32::consts::TAU;
        for t in 0..12 {
            let x = m.x as f32 + t as f32 * a.cos();
            let y = m.y as f32 - t as f32 * a.sin();
            if x >= 0.0 && y >= 0.0 && (x as u32) < w && (y as u32) < h {
                rgb.put_pixel(x as u32, y as u32, colour);
            }
        }
        for dy in -2i32..=2 {
            for dx in -2i32..=2 {
                let (x, y) = (m.x as i32 + dx, m.y as i32 + dy);
                if (dx.abs() == 2 || dy.abs() == 2)
                    && x >= 0
                    && y >= 0
                    && (x as u32) < w
                    && (y as u32) < h
                {
                    rgb.put_pixel(x as u32, y as u32, colour);
                }
            }
        }
    }
    rgb.save(format!("{out}/minutiae.png"))?;
    println!(
        "{} minutiae, quality {}",
        template.minutiae.len(),
        template.quality
    );
    Ok(())
}
