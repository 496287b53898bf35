//! Every tuned number of 1:N search (screening, exact stage, fusion, decision bands), with units.
//!
//! Tuned with `dedup-bench` (FVC2002 set B probes hidden in synthetic galleries); the matcher's own
//! thresholds stay in `biometrics::params` and are only read here.

// ---------------------------------------------------------------- local descriptors (screening)
/// Half side of the square neighbourhood a descriptor summarises, centred on its minutia and
/// turned to its direction: about nine ridge periods, so it holds a dozen neighbours; distortion
/// over that distance stays below a cell (42 px). Tuned: 44, 56 and 70 px retained fewer mates.
pub const DESCRIPTOR_HALF_SIDE_PX: f32 = 84.0;
/// Spatial cells per side of that square (so cells of 28 px).
pub const DESCRIPTOR_SPATIAL_CELLS: usize = 4;
/// Bins of the neighbour's direction relative to the centre minutia (over a full turn).
pub const DESCRIPTOR_DIRECTION_BINS: usize = 4;
/// A neighbour also sets the bits of cells and bins within these tolerances of where it fell:
/// a position error from a misread direction, or distortion, does not lose the bit.
pub const DESCRIPTOR_SPATIAL_TOLERANCE_PX: f32 = 6.0;
pub const DESCRIPTOR_DIRECTION_TOLERANCE_RAD: f32 = 0.35;
/// A descriptor with fewer neighbours than this says too little (print border, sparse area).
pub const DESCRIPTOR_MIN_NEIGHBOURS: usize = 3;

// ---------------------------------------------------------------- compact gallery form
/// Descriptors kept per enrolled finger: those of the minutiae nearest the minutiae's centroid,
/// which any later impression most likely covers. Each costs 8 bytes in memory.
pub const GALLERY_DESCRIPTORS_PER_FINGER: usize = 8;
/// Minutiae kept per enrolled finger (the descriptors' own first, then the others nearest the
/// centroid), three bytes each: what the last screening stage pairs. With the descriptors,
/// 148 bytes a finger, so ten fingers stay under 1,500 bytes.
pub const GALLERY_MINUTIAE_PER_FINGER: usize = 28;
/// Descriptors the probe brings per finger (probe memory is per search, not per person).
pub const PROBE_DESCRIPTORS_PER_FINGER: usize = 40;

// ---------------------------------------------------------------- screening score
/// Dice similarity of two descriptors below which the pair is no evidence at all.
pub const SCREEN_MIN_DICE: f32 = 0.45;
/// Two descriptor matches agree on the finger's placement when their rotations differ by at most
/// this (ISO 256ths of a turn)...
pub const SCREEN_ROTATION_TOLERANCE_ISO: i32 = 14;
/// ...and the translations they imply differ by at most this.
pub const SCREEN_TRANSLATION_TOLERANCE_PX: f32 = 20.0;

/// The first pass over everyone reads this many (the most central) descriptors per finger.
pub const SCREEN_FIRST_PASS_DESCRIPTORS: usize = 8;
/// The second stage re-scores this share of the gallery from the first stage (a mate's first-pass
/// rank grows with the gallery, as a share of it)...
pub const SCREEN_STAGE2_POOL_SHARE: f32 = 0.04;
/// ...and at least this many times the short list's length (small galleries).
pub const SCREEN_STAGE2_MIN_POOL_FACTOR: usize = 4;
/// Second stage: a stored minutia placed by a match's rotation and translation pairs with a probe
/// minutia within this distance and direction difference (ISO 256ths).
pub const SCREEN_PAIRING_DISTANCE_PX: f32 = 12.0;
pub const SCREEN_PAIRING_DIRECTION_ISO: i32 = 22;
/// Weight of the first stage's consistent-group similarity beside the paired-minutiae count.
pub const SCREEN_GROUP_WEIGHT: f32 = 0.5;
/// Placements (best descriptor groups) the last stage tries per finger, keeping the best pairing.
pub const SCREEN_ALIGNMENT_SEEDS: usize = 3;
/// The pool also takes this share of the gallery from each finger's own ranking, so a mate whose
/// other finger was captured badly still goes forward.
pub const SCREEN_FINGER_POOL_SHARE: f32 = 0.015;

// ---------------------------------------------------------------- fingers used
/// Order in which fingers are used when a probe has more than needed (ISO positions): both index
/// fingers, then the thumbs, then middle, ring and little fingers (the usual plain-capture order
/// of national systems: index fingers are captured best).
pub const FINGER_PRIORITY: [u8; 10] = [2, 7, 1, 6, 3, 8, 4, 9, 5, 10];
/// Fingers of the probe screened against everyone (cost grows linearly with it).
pub const SCREEN_MAX_FINGERS: usize = 2;
/// Fingers compared by the exact matcher on the whole short list; candidates that show evidence
/// are then compared on every finger both sides have.
pub const EXACT_SHORTLIST_FINGERS: usize = 2;

// ---------------------------------------------------------------- short list and exact stage
/// People passed from screening to the exact matcher per search (per shard). The exact stage's
/// cost is proportional to it. Was 200 when the last stage paired only 12 minutiae; pairing 28
/// puts retained mates at place 1 (median) and 2 (95th percentile) of a million, at worst 105
/// (dedup-bench, 140 FVC2002 searches), so 150 keeps that margin at three quarters of the cost.
pub const SHORTLIST_PEOPLE: usize = 150;

// ---------------------------------------------------------------- fusion and decision bands
/// Fusion turns each finger's exact score into evidence: decades of false match rate,
/// log10(1 / FMR), read off the matcher's calibrated thresholds. Scores below the FMR 1/1,000
/// threshold count as no evidence (a low score says nothing reliable about an impostor's tail).
/// Beyond the highest calibrated point the line is extrapolated, but capped here: impostor data
/// cannot support claims rarer than this.
pub const EVIDENCE_MAX_PER_FINGER_DECADES: f32 = 8.0;
/// Fingers' evidence adds (independent fingers multiply their false match rates). A search over
/// N people is judged by the margin `evidence - log10(N)`: the union bound on expected false
/// matches in the gallery is `10^-margin`.
/// Duplicate: expected false duplicates per search at most 1 in 10,000.
pub const DUPLICATE_MARGIN_DECADES: f32 = 4.0;
/// Ambiguous (to an adjudicator): expected false hits per search at most 1 in 100.
pub const AMBIGUOUS_MARGIN_DECADES: f32 = 2.0;
/// Candidates reported with a decision at most.
pub const MAX_REPORTED_CANDIDATES: usize = 10;
