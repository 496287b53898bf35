//! Seeded robustness: mutated and random bytes through every image decoder must give Ok or Err,
//! never a panic, and never an image beyond the size limits.

use biometrics::codec::{decode, decode_image, decode_wsq, DecodeError, MAX_SOURCE_SIDE_PX};
use std::io::Cursor;

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/fingerprints"
);

/// SplitMix64: a tiny deterministic generator, so every run tries the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One random mutation of the kinds fuzzers find bugs with: bit flips, byte overwrites with
/// boundary values, truncation, duplication and deletion of a span.
fn mutate(rng: &mut Rng, seed: &[u8], hot_prefix: usize) -> Vec<u8> {
    let mut b = seed.to_vec();
    // Most structure (headers, tables) sits near the start: aim half the edits there.
    let pos = |rng: &mut Rng, len: usize| {
        if rng.below(2) == 0 {
            rng.below(hot_prefix.min(len))
        } else {
            rng.below(len)
        }
    };
    for _ in 0..1 + rng.below(4) {
        if b.is_empty() {
            break;
        }
        let i = pos(rng, b.len());
        match rng.below(6) {
            0 => b[i] ^= 1 << rng.below(8),
            1 => b[i] = [0x00, 0xff, 0x7f, 0x80, 0x01][rng.below(5)],
            2 => b[i] = rng.next() as u8,
            3 => b.truncate(i),
            4 => {
                let end = (i + rng.below(16)).min(b.len());
                let span = b[i..end].to_vec();
                b.splice(i..i, span);
            }
            _ => {
                let end = (i + rng.below(16)).min(b.len());
                b.drain(i..end);
            }
        }
    }
    b
}

fn check(result: Result<biometrics::GrayImage, DecodeError>) {
    if let Ok(image) = result {
        let max = 2 * MAX_SOURCE_SIDE_PX as usize; // 500 ppi from as low as 250 ppi
        assert!(image.width <= max && image.height <= max);
        assert_eq!(image.pixels.len(), image.width * image.height);
    }
}

fn wsq_seed(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/wsq/{name}.wsq")).unwrap()
}

/// The offset of the frame header's height field: after `FF A2` and the 2-byte length, black, white.
fn frame_height_offset(wsq: &[u8]) -> usize {
    wsq.windows(2).position(|w| w == [0xff, 0xa2]).unwrap() + 6
}

/// The same file claiming a small frame: the coefficient stream then overflows it early, so each
/// try is fast while every table parser still runs.
fn shrunk(wsq: &[u8], width: u16, height: u16) -> Vec<u8> {
    let mut b = wsq.to_vec();
    let at = frame_height_offset(&b);
    b[at..at + 2].copy_from_slice(&height.to_be_bytes());
    b[at + 2..at + 4].copy_from_slice(&width.to_be_bytes());
    b
}

#[test]
fn mutated_wsq_files_never_panic() {
    let mut rng = Rng(0x5eed_0001);
    let seeds = [wsq_seed("DB3_B_109_8"), wsq_seed("DB2_B_107_3")];
    let small: Vec<Vec<u8>> = seeds.iter().map(|s| shrunk(s, 24, 17)).collect();
    let (mut ok, mut err) = (0, 0);
    for i in 0..3000 {
        // Mostly the quick shrunken files; every tenth a full-size one, which decodes to the end.
        let bytes = if i % 10 == 0 {
            mutate(&mut rng, &seeds[i % 2], 1000)
        } else {
            mutate(&mut rng, &small[i % 2], 1000)
        };
        match decode_wsq(&bytes) {
            Ok(decoded) => {
                ok += 1;
                check(Ok(decoded.image));
            }
            Err(_) => err += 1,
        }
    }
    println!("mutated WSQ: {ok} decoded, {err} rejected");
    assert!(err > 0);
}

#[test]
fn random_bytes_after_a_wsq_start_marker_never_panic() {
    let mut rng = Rng(0x5eed_0002);
    for _ in 0..3000 {
        let len = rng.below(300);
        let mut bytes = vec![0xff, 0xa0];
        bytes.extend((0..len).map(|_| rng.next() as u8));
        check(decode(&bytes, 500));
    }
}

#[test]
fn oversized_wsq_frame_is_refused_before_allocating() {
    let huge = shrunk(&wsq_seed("DB1_B_101_1"), 60_000, 60_000);
    assert_eq!(
        decode_wsq(&huge).map(|_| ()),
        Err(DecodeError::TooLarge {
            width: 60_000,
            height: 60_000
        })
    );
}

/// Encodes a crop of a real fingerprint in every raster format we accept.
fn raster_seeds() -> Vec<Vec<u8>> {
    let tif = std::fs::read(format!("{DATA}/fvc2002/DB3_B/101_1.tif")).unwrap();
    let full = image::load_from_memory(&tif).unwrap();
    let crop = full.crop_imm(100, 100, 48, 40);
    let mut seeds = vec![];
    for format in [
        image::ImageFormat::Png,
        image::ImageFormat::Bmp,
        image::ImageFormat::Tiff,
        image::ImageFormat::Jpeg,
    ] {
        let mut out = Cursor::new(Vec::new());
        crop.write_to(&mut out, format).unwrap();
        seeds.push(out.into_inner());
    }
    seeds
}

#[test]
fn mutated_raster_files_never_panic() {
    let seeds = raster_seeds();
    for seed in &seeds {
        let image = decode(seed, 500).unwrap();
        assert_eq!((image.width, image.height), (48, 40));
    }
    let mut rng = Rng(0x5eed_0003);
    let (mut ok, mut err) = (0, 0);
    for i in 0..4000 {
        let bytes = mutate(&mut rng, &seeds[i % seeds.len()], 64);
        match decode(&bytes, 500) {
            Ok(image) => {
                ok += 1;
                check(Ok(image));
            }
            Err(_) => err += 1,
        }
    }
    println!("mutated rasters: {ok} decoded, {err} rejected");
}

#[test]
fn oversized_png_header_is_refused() {
    let mut png = raster_seeds().remove(0);
    // IHDR width and height sit at bytes 16-23; the CRC no longer matches, and either refusal is fine,
    // but nothing may allocate a 100,000 x 100,000 buffer.
    png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    assert!(decode_image(&png).is_err());
}

#[test]
fn resolution_outside_the_scanner_range_is_refused() {
    let png = raster_seeds().remove(0);
    assert_eq!(
        decode(&png, 100),
        Err(DecodeError::ResolutionOutOfRange(100))
    );
    assert_eq!(
        decode(&png, 5000),
        Err(DecodeError::ResolutionOutOfRange(5000))
    );
    assert_eq!(decode(&png, 1000).unwrap().width, 24);
}

#[test]
fn fvc2002_tiff_decodes_and_db2_resamples() {
    let tif = std::fs::read(format!("{DATA}/fvc2002/DB2_B/101_1.tif")).unwrap();
    let image = decode(&tif, 569).unwrap();
    assert_eq!((image.width, image.height), (260, 492));
}
