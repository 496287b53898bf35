//! Golden checksums of every extraction stage on one FVC2002 image: any change to any stage shows
//! up here as a changed checksum under that stage's key. When a change is intended, the failure
//! message prints the new table to paste below, and the review sees which stages moved.

mod engine_support;

use biometrics::extract_traced;
use biometrics::trace::{keys, TraceSink};
use engine_support::load;

/// FNV-1a 64 of each stage's bytes, in pipeline order.
struct Checksums(Vec<(&'static str, u64)>);

impl TraceSink for Checksums {
    fn record(&mut self, key: &'static str, bytes: &[u8]) {
        let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
        });
        self.0.push((key, hash));
    }
}

const GOLDEN: [(&str, u64); 10] = [
    ("segmentation_mask", 0x1b15b57fd113d416),
    ("orientation", 0x1f58fdc87edfa44e),
    ("ridge_frequency", 0x9c8f4c6ae5dfa3ba),
    ("enhancement", 0x5175ccbb11a285f3),
    ("binarization", 0xddff574925ab86e3),
    ("thinning", 0xec4140a6a6e14477),
    ("minutiae", 0x02be535977e9b23b),
    ("false_minutiae", 0x9de4cc5d21d7abe9),
    ("ridge_clarity", 0xd48289a7b7f4c59e),
    ("quality", 0xaf63d94c8601e773),
];

#[test]
fn every_stage_output_matches_its_golden_checksum() {
    let mut sink = Checksums(Vec::new());
    extract_traced(&load("DB1_B", 101, 1), &mut sink);
    let recorded: Vec<&str> = sink.0.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        recorded,
        keys::ALL,
        "every stage records once, in pipeline order"
    );
    let table: String = sink
        .0
        .iter()
        .map(|(k, h)| format!("    (\"{k}\", {h:#018x}),\n"))
        .collect();
    for ((key, got), (_, want)) in sink.0.iter().zip(GOLDEN) {
        assert_eq!(
            *got, want,
            "stage `{key}` changed; if intended, the new table is:\n{table}"
        );
    }
}

#[test]
fn extraction_is_deterministic() {
    let image = load("DB4_B", 103, 2);
    let (mut a, mut b) = (Checksums(Vec::new()), Checksums(Vec::new()));
    assert_eq!(
        extract_traced(&image, &mut a),
        extract_traced(&image, &mut b)
    );
    assert_eq!(a.0, b.0);
}
