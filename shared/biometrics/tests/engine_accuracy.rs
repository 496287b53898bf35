//! Genuine FVC2002 pairs score above the accept threshold and impostor pairs below it, on a handful
//! of pairs from each folder (the full protocol runs in the `fvc-eval` binary).

mod engine_support;

use biometrics::params::{THRESHOLD_FMR_1_IN_10_000, THRESHOLD_FMR_1_IN_1_000};
use engine_support::{score, template};

/// Per folder, two fingers with three impressions each: 6 genuine and 9 impostor pairs.
const FINGERS: [(&str, [u32; 2]); 4] = [
    ("DB1_B", [101, 104]),
    ("DB2_B", [102, 106]),
    ("DB3_B", [103, 107]),
    ("DB4_B", [105, 108]),
];
const IMPRESSIONS: [u32; 3] = [1, 2, 3];

#[test]
fn genuine_pairs_score_above_accept_threshold_and_impostors_below() {
    for (db, fingers) in FINGERS {
        let templates: Vec<Vec<_>> = fingers
            .iter()
            .map(|&f| IMPRESSIONS.iter().map(|&i| template(db, f, i)).collect())
            .collect();
        for (f, impressions) in templates.iter().enumerate() {
            for i in 0..impressions.len() {
                for j in i + 1..impressions.len() {
                    let s = score(&impressions[i], &impressions[j]);
                    assert!(
                        s >= THRESHOLD_FMR_1_IN_1_000,
                        "{db} finger {} impressions {i}/{j}: genuine score {s}",
                        fingers[f]
                    );
                }
            }
        }
        for a in &templates[0] {
            for b in &templates[1] {
                let s = score(a, b);
                assert!(s < THRESHOLD_FMR_1_IN_10_000, "{db}: impostor score {s}");
            }
        }
    }
}
