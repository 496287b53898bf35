//! Native half of `tools/bench-engine-wasm.sh`: decodes the benchmark images once, writes them as
//! raw greyscale for the WebAssembly half, and times native extraction on exactly those pixels.
//!
//! `engine-bench OUT_DIR IMAGE[:PPI] ...` prints one `native_ms=<mean> minutiae=<total>` line.

use biometrics::{codec, extract};
use std::time::Instant;

/// Each image is extracted this many times; the fastest run counts (the machine is shared).
const REPEATS: usize = 5;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, inputs) = args
        .split_first()
        .ok_or("usage: engine-bench OUT_DIR IMAGE[:PPI] ...")?;
    std::fs::create_dir_all(out)?;
    let (mut total_ms, mut total_minutiae) = (0.0, 0);
    for (i, input) in inputs.iter().enumerate() {
        let (path, ppi) = match input.rsplit_once(':') {
            Some((p, ppi)) if ppi.parse::<u16>().is_ok() => (p, ppi.parse()?),
            _ => (input.as_str(), 500),
        };
        let image = codec::decode(&std::fs::read(path)?, ppi)?;
        let mut raw = Vec::with_capacity(8 + image.pixels.len());
        raw.extend_from_slice(&(image.width as u32).to_le_bytes());
        raw.extend_from_slice(&(image.height as u32).to_le_bytes());
        raw.extend_from_slice(&image.pixels);
        std::fs::write(format!("{out}/{i:04}.gray"), raw)?;
        let mut best = f64::INFINITY;
        for _ in 0..REPEATS {
            let start = Instant::now();
            std::hint::black_box(extract(&image));
            best = best.min(start.elapsed().as_secs_f64() * 1e3);
        }
        total_ms += best;
        total_minutiae += extract(&image).minutiae.len();
    }
    println!(
        "native_ms={:.2} minutiae={total_minutiae}",
        total_ms / inputs.len() as f64
    );
    Ok(())
}
