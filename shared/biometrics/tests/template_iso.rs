//! ISO/IEC 19794-2:2005 import and export against real records from three independent extractors.

use biometrics::codec::decode_image;
use biometrics::template::{from_iso, to_iso, wire, IsoFinger};
use biometrics::GrayImage;
use std::path::{Path, PathBuf};

const ISO_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/fingerprints/iso19794-2"
);
const FVC_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/fingerprints/fvc2002"
);

fn iso_files(extractor: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let root = Path::new(ISO_DIR).join(extractor).join("fvc2002");
    for db in std::fs::read_dir(&root).unwrap() {
        for file in std::fs::read_dir(db.unwrap().path()).unwrap() {
            files.push(file.unwrap().path());
        }
    }
    files.sort();
    files
}

fn import(path: &Path) -> IsoFinger {
    let bytes = std::fs::read(path).unwrap();
    let mut fingers = from_iso(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(fingers.len(), 1, "{}", path.display());
    fingers.remove(0)
}

/// Imports every record of one extractor, checks each, and returns how many there were.
fn check_extractor(extractor: &str, frame: Option<(u16, u16)>) -> usize {
    let files = iso_files(extractor);
    let mut minutiae = 0;
    for path in &files {
        let t = import(path).template;
        if let Some(frame) = frame {
            assert_eq!((t.width, t.height), frame, "{}", path.display());
        }
        assert!(!t.minutiae.is_empty(), "{}", path.display());
        for m in &t.minutiae {
            assert!(m.x < t.width && m.y < t.height, "{}: {m:?}", path.display());
        }
        minutiae += t.minutiae.len();
    }
    println!("{extractor}: {} records, {minutiae} minutiae", files.len());
    files.len()
}

#[test]
fn every_secugen_record_imports_in_its_300x400_frame() {
    assert_eq!(check_extractor("secugen", Some((300, 400))), 320);
}

#[test]
fn every_fingerjetfx_record_imports() {
    assert_eq!(check_extractor("fingerjetfx", None), 319);
}

#[test]
fn every_sourceafis_record_imports() {
    assert_eq!(check_extractor("sourceafis", None), 320);
}

#[test]
fn truncated_records_are_rejected() {
    let dir = Path::new(ISO_DIR).join("invalid");
    let mut rejected = 0;
    for file in std::fs::read_dir(dir).unwrap() {
        let path = file.unwrap().path();
        let result = from_iso(&std::fs::read(&path).unwrap());
        assert!(result.is_err(), "{} was accepted", path.display());
        rejected += 1;
    }
    assert_eq!(rejected, 3);
}

#[test]
fn export_then_import_preserves_minutiae_of_real_records() {
    for extractor in ["secugen", "fingerjetfx", "sourceafis"] {
        for path in iso_files(extractor) {
            let original = import(&path);
            let back = from_iso(&to_iso(&original.template, original.finger_position)).unwrap();
            // Order, positions, angles, kinds and frame all survive; only minutia quality is dropped.
            assert_eq!(back[0].template, original.template, "{}", path.display());
            // And the same template survives our wire form.
            assert_eq!(
                wire::decode(&wire::encode(&original.template)).unwrap(),
                original.template
            );
        }
    }
}

#[test]
fn wire_form_of_real_records_stays_small() {
    let files = iso_files("fingerjetfx");
    let total: usize = files
        .iter()
        .map(|p| wire::encode(&import(p).template).len())
        .sum();
    let mean = total / files.len();
    println!("mean wire size of FingerJetFX templates: {mean} bytes");
    assert!(mean < 400);
}

/// Mean angular distance in degrees (modulo 180) between each minutia's direction, read under a
/// given convention, and the ridge orientation the image itself shows around it.
fn orientation_error(
    image: &GrayImage,
    finger: &IsoFinger,
    counter_clockwise: bool,
) -> (f64, usize) {
    const HALF: usize = 8;
    let (mut sum, mut count) = (0.0, 0);
    for m in &finger.template.minutiae {
        let (cx, cy) = (usize::from(m.x), usize::from(m.y));
        if cx < HALF + 1
            || cy < HALF + 1
            || cx + HALF + 1 >= image.width
            || cy + HALF + 1 >= image.height
        {
            continue;
        }
        // Averaged squared gradients: the dominant gradient direction is normal to the ridges.
        let (mut gxx, mut gyy, mut gxy) = (0.0f64, 0.0f64, 0.0f64);
        for y in cy - HALF..=cy + HALF {
            for x in cx - HALF..=cx + HALF {
                let gx = f64::from(image.get(x + 1, y)) - f64::from(image.get(x - 1, y));
                let gy = f64::from(image.get(x, y + 1)) - f64::from(image.get(x, y - 1));
                gxx += gx * gx;
                gyy += gy * gy;
                gxy += gx * gy;
            }
        }
        // In image axes (y down), angle measured from +x towards +y.
        let ridge = 0.5 * (2.0 * gxy).atan2(gxx - gyy) + std::f64::consts::FRAC_PI_2;
        let iso = f64::from(m.direction) * std::f64::consts::TAU / 256.0;
        // Counter-clockwise on screen with y down is clockwise in image axes: negate.
        let minutia = if counter_clockwise { -iso } else { iso };
        let diff = (ridge - minutia).rem_euclid(std::f64::consts::PI);
        sum += diff.min(std::f64::consts::PI - diff).to_degrees();
        count += 1;
    }
    (sum, count)
}

#[test]
fn iso_angles_run_counter_clockwise_with_y_down_as_the_images_show() {
    // FingerJetFX and SourceAFIS ran at 500 ppi on the original DB1 images, so their coordinates are
    // image pixels. Under the right convention the minutia direction follows the local ridge flow.
    for extractor in ["fingerjetfx", "sourceafis"] {
        let (mut ccw, mut cw, mut n) = (0.0, 0.0, 0);
        for finger in 101..=110 {
            let name = format!("{finger}_1");
            let image_bytes = std::fs::read(format!("{FVC_DIR}/DB1_B/{name}.tif")).unwrap();
            let image = decode_image(&image_bytes).unwrap();
            let record =
                import(&Path::new(ISO_DIR).join(format!("{extractor}/fvc2002/DB1_B/{name}.iso")));
            let (a, count) = orientation_error(&image, &record, true);
            let (b, _) = orientation_error(&image, &record, false);
            ccw += a;
            cw += b;
            n += count;
        }
        let (ccw, cw) = (ccw / n as f64, cw / n as f64);
        println!("{extractor}: mean ridge/direction error {ccw:.1} deg counter-clockwise, {cw:.1} deg clockwise ({n} minutiae)");
        assert!(
            ccw < 20.0 && cw > 30.0,
            "{extractor}: ccw {ccw:.1}, cw {cw:.1}"
        );
    }
}
