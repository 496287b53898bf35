//! Every tuned number of the engine, in one place, with its unit in its name.
//!
//! Values were tuned on FVC2002 (set B) only; where a value follows a published method rather than
//! tuning, the comment says so. Stage files hold no magic numbers.

// ---------------------------------------------------------------- block grid and orientation
/// Side of the square blocks on which orientation, frequency and segmentation are estimated.
pub(crate) const BLOCK_SIZE_PX: usize = 8;
/// Radius (in blocks) of the box that sums squared gradients before the orientation is read:
/// 1 block gives a 24 px window, about two and a half ridge periods.
pub(crate) const ORIENTATION_WINDOW_RADIUS_BLOCKS: usize = 1;
/// Gaussian smoothing of the orientation vector field (double-angle, coherence-weighted).
pub(crate) const ORIENTATION_SMOOTHING_SIGMA_BLOCKS: f32 = 1.0;
pub(crate) const ORIENTATION_SMOOTHING_RADIUS_BLOCKS: usize = 2;

// ---------------------------------------------------------------- segmentation
/// A block is foreground when its gradient energy is at least this fraction of the image's
/// high-percentile block energy (contrast-relative, so dry and wet prints segment alike).
pub(crate) const SEGMENTATION_RELATIVE_ENERGY: f32 = 0.08;
/// The percentile that stands for "typical ridge area" energy.
pub(crate) const SEGMENTATION_ENERGY_PERCENTILE: f32 = 0.90;
/// Absolute floor on mean squared gradient (grey levels² per pixel), so a blank image is background.
pub(crate) const SEGMENTATION_MIN_ENERGY: f32 = 60.0;
/// Foreground blocks also need some ridge-like anisotropy (coherence 0..1).
pub(crate) const SEGMENTATION_MIN_COHERENCE: f32 = 0.15;
/// Majority-vote passes over 3x3 blocks that smooth the ragged mask edge.
pub(crate) const SEGMENTATION_SMOOTHING_PASSES: usize = 3;

// ---------------------------------------------------------------- ridge frequency
/// Length along the ridge normal over which the grey-level signature is taken.
pub(crate) const FREQUENCY_WINDOW_LENGTH_PX: usize = 32;
/// Width along the ridge averaged into each signature sample.
pub(crate) const FREQUENCY_WINDOW_WIDTH_PX: usize = 16;
/// Ridge periods outside this range are treated as failed estimates (500 ppi ridges run 7-13 px).
pub(crate) const MIN_RIDGE_PERIOD_PX: f32 = 5.0;
pub(crate) const MAX_RIDGE_PERIOD_PX: f32 = 15.0;
/// Period used where no block of the image gave an estimate.
pub(crate) const DEFAULT_RIDGE_PERIOD_PX: f32 = 9.0;

// ---------------------------------------------------------------- enhancement (oriented Gabor)
/// Kernel radius; 5 px spans a little more than one ridge period either side.
pub(crate) const GABOR_RADIUS_PX: usize = 5;
/// Gaussian envelope along the ridge (long: smooths breaks) and across it (short: keeps ridges apart).
pub(crate) const GABOR_SIGMA_ALONG_PX: f32 = 4.0;
pub(crate) const GABOR_SIGMA_ACROSS_PX: f32 = 3.0;
/// Orientation quantisation of the kernel bank (over π).
pub(crate) const GABOR_ORIENTATIONS: usize = 16;

// ---------------------------------------------------------------- binarization
/// Ridge or valley islands smaller than this are noise and are flipped.
pub(crate) const MIN_RIDGE_ISLAND_PX: usize = 24;
pub(crate) const MIN_VALLEY_HOLE_PX: usize = 24;

// ---------------------------------------------------------------- minutiae
/// How far a ridge is followed from a minutia to read its direction.
pub(crate) const DIRECTION_TRACE_PX: usize = 10;
/// Longest ridge followed when judging whether a minutia is false.
pub(crate) const MAX_TRACE_PX: usize = 24;
/// An ending whose ridge joins another ridge within this length is a spur. Off (`None`): on
/// FVC2002 every length tried (4-15 px) removed more true minutiae than false ones (mean EER
/// 1.68% off, 1.89% at 4 px, 2.94% at 15 px); the cylinders tolerate an extra ending-bifurcation
/// pair better than a lost minutia.
pub(crate) const MAX_SPUR_LENGTH_PX: Option<usize> = None;
/// A ridge with two ends closer than this (along the ridge) is a fragment.
pub(crate) const MAX_FRAGMENT_LENGTH_PX: usize = 14;
/// Two bifurcations joined by a ridge shorter than this form a bridge (or a small lake).
pub(crate) const MAX_BRIDGE_LENGTH_PX: usize = 8;
/// Two endings facing each other closer than this are one broken ridge.
pub(crate) const MAX_BREAK_DISTANCE_PX: f32 = 16.0;
/// Tolerance on "facing each other" for breaks.
pub(crate) const MAX_BREAK_ANGLE_RAD: f32 = 0.8;
/// Minutiae closer than this to the background (or image edge) are artefacts of the print border.
pub(crate) const BORDER_MARGIN_PX: f32 = 14.0;
/// A minutia with this many others within the cluster radius sits in a noisy patch.
pub(crate) const CLUSTER_RADIUS_PX: f32 = 10.0;
pub(crate) const CLUSTER_MAX_NEIGHBOURS: usize = 3;
/// Minutiae in blocks less coherent than this are not trusted. Kept low: coherence also drops
/// near cores and deltas, where minutiae are real (0.2 cost 0.6 points of EER on FVC2002).
pub(crate) const MIN_MINUTIA_COHERENCE: f32 = 0.1;
/// Template size cap; the most reliable minutiae are kept.
pub(crate) const MAX_MINUTIAE: usize = 70;

// ---------------------------------------------------------------- quality
/// Foreground area of a good full print at 500 ppi (about 12 mm x 15 mm).
pub(crate) const GOOD_FOREGROUND_AREA_PX: f32 = 60_000.0;
/// Mean coherence of a clear print's foreground.
pub(crate) const GOOD_MEAN_COHERENCE: f32 = 0.6;
/// Minutiae count of a typical good print.
pub(crate) const GOOD_MINUTIAE_COUNT: f32 = 30.0;
/// A template with fewer minutiae than this cannot be matched reliably (counted as failure to
/// enrol by the evaluation).
pub const MIN_USABLE_MINUTIAE: usize = 6;

// ---------------------------------------------------------------- matcher: Minutia Cylinder-Code
// Values follow Cappelli, Ferrara & Maltoni (TPAMI 2010) unless noted.
/// The matcher reads at most this many minutiae of a template (the wire form's limit): it bounds
/// the pairwise tables of a search template and lets the comparison keep its state on the stack.
pub(crate) const MATCHER_MAX_MINUTIAE: usize = crate::template::wire::MAX_MINUTIAE;
/// Cylinder radius.
pub(crate) const CYLINDER_RADIUS_PX: f32 = 70.0;
/// Spatial cells per side of the cylinder base.
pub(crate) const CYLINDER_SPATIAL_CELLS: usize = 16;
/// Directional layers of the cylinder.
pub(crate) const CYLINDER_DIRECTIONAL_CELLS: usize = 6;
/// Spatial and directional Gaussian widths of a neighbour's contribution.
pub(crate) const CYLINDER_SIGMA_SPATIAL_PX: f32 = 28.0 / 3.0;
pub(crate) const CYLINDER_SIGMA_DIRECTIONAL_RAD: f32 = 2.0 * std::f32::consts::PI / 9.0;
/// Contribution threshold above which a cell's bit is set.
pub(crate) const CYLINDER_BIT_THRESHOLD: f32 = 0.01;
/// Cells farther than this outside the convex hull of the minutiae are invalid (unseen area).
pub(crate) const CYLINDER_HULL_OFFSET_PX: f32 = 50.0;
/// A cylinder needs this fraction of valid cells and this many contributing neighbours.
pub(crate) const CYLINDER_MIN_VALID_CELL_FRACTION: f32 = 0.75;
pub(crate) const CYLINDER_MIN_NEIGHBOURS: usize = 2;
/// Two cylinders are compared only when this fraction of cells is valid in both.
pub(crate) const CYLINDER_MIN_COMMON_CELL_FRACTION: f32 = 0.6;
/// Cylinders whose minutia directions differ more than this (after the estimated global rotation)
/// are not compared. MCC uses π/2 around no rotation; centred on an estimate, π/3 compares a third
/// of the pairs instead of half at the same accuracy on FVC2002 (within one genuine pair per folder).
pub(crate) const CYLINDER_MAX_DIRECTION_DIFF_RAD: f32 = std::f32::consts::FRAC_PI_3;
/// Rotation estimate: this many of the probe's most distinctive cylinders vote with their best
/// match (each costs a row of a cheap similarity) into `ROTATION_BINS` bins over the full turn.
pub(crate) const ROTATION_VOTERS: usize = 20;
/// The cheap similarity compares every this-many-th 64-bit word of the cylinders only.
pub(crate) const ROTATION_VOTE_WORD_STEP: usize = 4;
pub(crate) const ROTATION_BINS: usize = 16;
/// Weight of the prior vote for upright impressions, in units of cylinder similarity.
pub(crate) const ROTATION_UPRIGHT_PRIOR: f32 = 2.5;

// ---------------------------------------------------------------- matcher: consolidation (LSS-R)
/// Number of top pairs averaged into the score: between MIN and MAX depending on template sizes.
pub(crate) const CONSOLIDATION_MIN_PAIRS: usize = 4;
pub(crate) const CONSOLIDATION_MAX_PAIRS: usize = 12;
pub(crate) const CONSOLIDATION_PAIRS_SIGMOID_MID: f32 = 20.0;
pub(crate) const CONSOLIDATION_PAIRS_SIGMOID_SLOPE: f32 = 0.4;
/// Relaxation: iterations and weight of a pair's own previous similarity.
pub(crate) const RELAXATION_ITERATIONS: usize = 5;
pub(crate) const RELAXATION_SELF_WEIGHT: f32 = 0.5;
/// Most pairs entering relaxation (its cost is quadratic in this; the paper takes all, min(nA, nB)).
/// 32 matched 48 on FVC2002 (EER 1.69% vs 1.75%) at a lower cost.
pub(crate) const RELAXATION_MAX_PAIRS: usize = 32;
/// Compatibility of two pairs: sigmoid centre and slope on the distance mismatch...
pub(crate) const COMPATIBILITY_DISTANCE_MID_PX: f32 = 5.0;
pub(crate) const COMPATIBILITY_DISTANCE_SLOPE_PER_PX: f32 = -1.6;
/// ...on the mismatch of relative directions...
pub(crate) const COMPATIBILITY_DIRECTION_MID_RAD: f32 = std::f32::consts::PI / 12.0;
pub(crate) const COMPATIBILITY_DIRECTION_SLOPE_PER_RAD: f32 = -30.0;
/// ...and on the mismatch of the radial angle.
pub(crate) const COMPATIBILITY_RADIAL_MID_RAD: f32 = std::f32::consts::PI / 12.0;
pub(crate) const COMPATIBILITY_RADIAL_SLOPE_PER_RAD: f32 = -30.0;

/// A pair the score averages is shown as evidence (`explain`) when relaxation kept at least this
/// fraction of its local similarity. A pair no other pair supports keeps about
/// `RELAXATION_SELF_WEIGHT ^ RELAXATION_ITERATIONS` (0.03); on FVC2002 impostor pairs kept at most
/// 0.05 and the pairs of genuine comparisons 0.10 and more.
pub(crate) const EXPLAIN_MIN_RELAXATION_KEPT: f32 = 0.08;

// ---------------------------------------------------------------- score calibration
/// Raw LSS-R scores at which impostor comparisons reach FMR 1e-2, 1e-3, 1e-4 and 1e-5, measured by
/// `fvc-eval --calibrate` on FVC2002 set B (49,920 impostor pairs within and across the four
/// folders). 1e-5 is beyond what 50k impostors can show: it extends the log-linear tail through
/// the 1e-3 and 1e-4 points.
pub(crate) const SCORE_CALIBRATION_RAW: [f32; 4] = [0.0248, 0.0360, 0.0532, 0.0704];
/// Calibrated score = 10 x decades of FMR: a score of 40 is met by one impostor in 10,000.
pub(crate) const SCORE_POINTS_PER_DECADE: f32 = 10.0;
/// Calibrated score at the first knot (FMR 1e-2).
pub(crate) const SCORE_AT_FIRST_KNOT: f32 = 20.0;
/// Calibrated scores are clamped to `0..=SCORE_MAX`.
pub const SCORE_MAX: f32 = 100.0;

// ---------------------------------------------------------------- decision thresholds
/// Scores at or above these accept; the name gives the false match rate on impostor comparisons
/// (by the calibration above: 10 points per decade).
pub const THRESHOLD_FMR_1_IN_1_000: f32 = 30.0;
pub const THRESHOLD_FMR_1_IN_10_000: f32 = 40.0;
pub const THRESHOLD_FMR_1_IN_100_000: f32 = 50.0;
