//! Seeded robustness: mutated and random bytes through the template parsers must give Ok or Err,
//! never a panic; whatever is accepted must satisfy the template invariants.

use biometrics::template::{from_iso, to_iso, wire};

const ISO_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/fingerprints/iso19794-2"
);

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

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(3) {
        if b.is_empty() {
            break;
        }
        let i = rng.below(b.len());
        match rng.below(4) {
            0 => b[i] ^= 1 << rng.below(8),
            1 => b[i] = rng.next() as u8,
            2 => b.truncate(i),
            _ => b.insert(i, rng.next() as u8),
        }
    }
    b
}

fn iso_seeds() -> Vec<Vec<u8>> {
    [
        "secugen/fvc2002/DB1_B/101_1.iso",
        "fingerjetfx/fvc2002/DB2_B/102_3.iso",
        "sourceafis/fvc2002/DB4_B/105_2.iso",
    ]
    .iter()
    .map(|p| std::fs::read(format!("{ISO_DIR}/{p}")).unwrap())
    .collect()
}

#[test]
fn mutated_iso_records_never_panic_and_accepted_ones_are_in_frame() {
    let seeds = iso_seeds();
    let mut rng = Rng(0x150_0001);
    let mut accepted = 0;
    for i in 0..5000 {
        let bytes = mutate(&mut rng, &seeds[i % seeds.len()]);
        if let Ok(fingers) = from_iso(&bytes) {
            accepted += 1;
            for f in fingers {
                let t = f.template;
                assert!(t.minutiae.iter().all(|m| m.x < t.width && m.y < t.height));
                assert!(t.quality <= 100);
            }
        }
    }
    println!("mutated ISO records accepted: {accepted} of 5000");
}

#[test]
fn mutated_wire_templates_never_panic_and_accepted_ones_are_canonical() {
    let seeds: Vec<Vec<u8>> = iso_seeds()
        .iter()
        .map(|b| wire::encode(&from_iso(b).unwrap()[0].template))
        .collect();
    let mut rng = Rng(0x31e_0001);
    let mut accepted = 0;
    for i in 0..5000 {
        let bytes = mutate(&mut rng, &seeds[i % seeds.len()]);
        if let Ok(t) = wire::decode(&bytes) {
            accepted += 1;
            // One template, one encoding: anything accepted re-encodes to the very same bytes.
            assert_eq!(wire::encode(&t), bytes);
            assert!(wire::validate(&t).is_ok());
        }
    }
    println!("mutated wire templates accepted: {accepted} of 5000");
}

#[test]
fn random_bytes_with_valid_magics_never_panic() {
    let mut rng = Rng(0xabad_cafe);
    for _ in 0..5000 {
        let len = rng.below(120);
        let tail: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let mut iso = b"FMR\0 20\0".to_vec();
        iso.extend_from_slice(&tail);
        let _ = from_iso(&iso);
        let mut w = b"RKT\x01".to_vec();
        w.extend_from_slice(&tail);
        let _ = wire::decode(&w);
        let _ = wire::decode(&tail);
    }
}

#[test]
fn exported_records_reimport_after_any_template_edit() {
    // Random valid templates: export to ISO and back is the identity on minutiae and frame.
    let mut rng = Rng(0x7e57);
    for _ in 0..500 {
        let width = 1 + rng.below(800) as u16;
        let height = 1 + rng.below(800) as u16;
        let minutiae = (0..rng.below(120))
            .map(|_| biometrics::Minutia {
                x: rng.below(width.into()) as u16,
                y: rng.below(height.into()) as u16,
                direction: rng.next() as u8,
                kind: if rng.below(2) == 0 {
                    biometrics::MinutiaKind::Ending
                } else {
                    biometrics::MinutiaKind::Bifurcation
                },
            })
            .collect();
        let t = biometrics::Template {
            width,
            height,
            quality: rng.below(101) as u8,
            minutiae,
        };
        assert_eq!(from_iso(&to_iso(&t, 3)).unwrap()[0].template, t);
        assert_eq!(wire::decode(&wire::encode(&t)).unwrap(), t);
    }
}
