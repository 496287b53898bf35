//! WSQ decoding against NIST NBIS `dwsq` reference output, pixel by pixel.

use biometrics::codec::{decode, decode_wsq};

const WSQ_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/fingerprints/wsq"
);
const NAMES: [&str; 8] = [
    "DB1_B_101_1",
    "DB1_B_105_4",
    "DB2_B_102_1",
    "DB2_B_107_3",
    "DB3_B_103_2",
    "DB3_B_109_8",
    "DB4_B_104_1",
    "DB4_B_110_5",
];

/// Reads a binary 8-bit PGM (`P5`): width, height and pixels.
fn read_pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let mut fields = Vec::new();
    let mut pos = 2;
    while fields.len() < 3 {
        while bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let start = pos;
        while !bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        fields.push(
            std::str::from_utf8(&bytes[start..pos])
                .unwrap()
                .parse::<usize>()
                .unwrap(),
        );
    }
    assert_eq!(&bytes[..2], b"P5");
    assert_eq!(fields[2], 255);
    let pixels = bytes[pos + 1..].to_vec();
    (fields[0], fields[1], pixels)
}

#[test]
fn every_wsq_file_matches_the_nist_reference_within_one_level() {
    let mut report = Vec::new();
    for name in NAMES {
        let wsq = std::fs::read(format!("{WSQ_DIR}/{name}.wsq")).unwrap();
        let (w, h, reference) =
            read_pgm(&std::fs::read(format!("{WSQ_DIR}/{name}.decoded.pgm")).unwrap());
        let decoded = decode_wsq(&wsq).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (decoded.image.width, decoded.image.height),
            (w, h),
            "{name}"
        );
        let mut differ = 0;
        let mut worst = 0;
        for (&a, &b) in decoded.image.pixels.iter().zip(&reference) {
            let d = (i16::from(a) - i16::from(b)).abs();
            differ += usize::from(d != 0);
            worst = worst.max(d);
        }
        report.push(format!(
            "{name}: {differ} of {} pixels differ, max {worst}",
            w * h
        ));
        assert!(worst <= 1, "{}", report.last().unwrap());
    }
    println!("{}", report.join("\n"));
}

#[test]
fn resolution_comes_from_the_nist_comment() {
    for name in NAMES {
        let decoded = decode_wsq(&std::fs::read(format!("{WSQ_DIR}/{name}.wsq")).unwrap()).unwrap();
        let expected = if name.starts_with("DB2") { 569 } else { 500 };
        assert_eq!(decoded.ppi, Some(expected), "{name}");
    }
}

#[test]
fn the_entry_point_resamples_db2_from_its_own_569_ppi() {
    let bytes = std::fs::read(format!("{WSQ_DIR}/DB2_B_102_1.wsq")).unwrap();
    // The caller's claim of 500 ppi loses to the file's 569: 296x560 becomes 260x492.
    let image = decode(&bytes, 500).unwrap();
    assert_eq!((image.width, image.height), (260, 492));
}

#[test]
fn every_truncation_of_a_real_file_is_an_error() {
    let bytes = std::fs::read(format!("{WSQ_DIR}/DB3_B_109_8.wsq")).unwrap();
    for len in (0..bytes.len() - 2).step_by(7) {
        assert!(decode_wsq(&bytes[..len]).is_err(), "len {len}");
    }
}
