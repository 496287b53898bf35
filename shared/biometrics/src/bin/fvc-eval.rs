//! `fvc-eval`: runs the FVC protocol on folders of `finger_impression.ext` images and prints EER,
//! FNMR at fixed FMR, failure to enrol, extraction time, comparison speed and template size.
//!
//! Usage: `fvc-eval [--out DIR] [--calibrate] [--error-reject] FOLDER[:PPI] ...` (PPI defaults
//! to 500).
//! Score files, per-impression qualities and a DET curve (SVG) go to `--out` (default
//! `target/fvc-eval/`). `--calibrate` also pools every impostor comparison, within and across
//! folders, and prints the score thresholds at FMR 1/1,000, 1/10,000 and 1/100,000 (what
//! `params::THRESHOLD_FMR_*` are set from).
//! `--error-reject` also prints FNMR at FMR 0.1% after rejecting the lowest-quality 0, 2, 5 and
//! 10% of the impressions (what `params::RECAPTURE_BELOW_QUALITY` is read from).

#[path = "support/error_reject.rs"]
mod error_reject;
#[path = "support/identify.rs"]
mod identify;

use biometrics::codec;
use biometrics::params::MIN_USABLE_MINUTIAE;
use biometrics::template::wire;
use biometrics::{extract, MatcherProbe, SearchTemplate, Template};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

const USAGE: &str = "usage: fvc-eval [--out DIR] [--calibrate] [--error-reject] FOLDER[:PPI] ...";

/// Timings take the fastest of this many runs.
const TIMING_REPEATS: usize = 3;

struct Args {
    folders: Vec<(PathBuf, u16)>,
    out: PathBuf,
    calibrate: bool,
    error_reject: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        folders: Vec::new(),
        out: PathBuf::from("target/fvc-eval"),
        calibrate: false,
        error_reject: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => args.out = PathBuf::from(it.next().ok_or("--out needs a directory")?),
            "--calibrate" => args.calibrate = true,
            "--error-reject" => args.error_reject = true,
            "-h" | "--help" => return Err(USAGE.into()),
            _ => {
                let (path, ppi) = match a.rsplit_once(':') {
                    Some((p, ppi))
                        if ppi.chars().all(|c| c.is_ascii_digit()) && !ppi.is_empty() =>
                    {
                        (
                            p.to_string(),
                            ppi.parse::<u16>()
                                .map_err(|e| format!("bad ppi in {a}: {e}"))?,
                        )
                    }
                    _ => (a.clone(), 500),
                };
                args.folders.push((PathBuf::from(path), ppi));
            }
        }
    }
    if args.folders.is_empty() {
        return Err(USAGE.into());
    }
    Ok(args)
}

/// One enrolled impression.
struct Sample {
    finger: u32,
    impression: u32,
    template: Template,
    search: SearchTemplate,
    probe: MatcherProbe,
}

struct Scores {
    /// (probe finger, probe impression, candidate finger, candidate impression, score)
    genuine: Vec<(u32, u32, u32, u32, f32)>,
    /// Impostor variant A: first impressions of different fingers.
    impostor_a: Vec<(u32, u32, u32, u32, f32)>,
    /// Impostor variant B: every impression of different fingers.
    impostor_b: Vec<(u32, u32, u32, u32, f32)>,
}

struct FolderReport {
    name: String,
    samples: Vec<Sample>,
    scores: Scores,
    /// Mean extraction time per image.
    extract_ms: f64,
    compare_s: f64,
    comparisons: usize,
}

/// Decodes a folder and extracts every image; returns the samples and the mean extraction time.
fn load_folder(folder: &Path, ppi: u16) -> Result<(Vec<Sample>, f64), String> {
    let mut entries: Vec<(u32, u32, PathBuf)> = std::fs::read_dir(folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let path = e.path();
            let stem = path.file_stem()?.to_str()?.to_string();
            let (f, i) = stem.split_once('_')?;
            Some((f.parse().ok()?, i.parse().ok()?, path))
        })
        .collect();
    entries.sort();
    if entries.is_empty() {
        return Err(format!("{}: no finger_impression images", folder.display()));
    }
    let mut images = Vec::new();
    for (finger, impression, path) in entries {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        // Decoding includes resampling to 500 ppi; extraction timing starts after it.
        let image = codec::decode(&bytes, ppi).map_err(|e| format!("{}: {e}", path.display()))?;
        images.push((finger, impression, image));
    }
    let mut templates = Vec::new();
    let seconds = fastest(|| {
        templates = images.iter().map(|(_, _, image)| extract(image)).collect();
    });
    let samples = images
        .iter()
        .zip(templates)
        .map(|((finger, impression, _), template)| Sample {
            finger: *finger,
            impression: *impression,
            search: SearchTemplate::new(&template),
            probe: MatcherProbe::new(&template),
            template,
        })
        .collect();
    Ok((samples, 1e3 * seconds / images.len() as f64))
}

/// This thread's CPU time in seconds where Linux reports it (nanosecond counter, updated at least
/// every scheduler tick, so only long spans are timed with it), else wall-clock time.
fn thread_seconds(origin: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map(|ns| ns / 1e9)
        .unwrap_or_else(|| origin.elapsed().as_secs_f64())
}

/// Runs `work` `TIMING_REPEATS` times and returns the smallest CPU time of one run. The machine
/// is shared with other jobs: CPU time leaves out time spent descheduled, and the fastest run
/// leaves out most cache interference.
fn fastest(mut work: impl FnMut()) -> f64 {
    let origin = Instant::now();
    (0..TIMING_REPEATS)
        .map(|_| {
            let start = thread_seconds(origin);
            work();
            thread_seconds(origin) - start
        })
        .fold(f64::INFINITY, f64::min)
}

/// Genuine: every pair of impressions of one finger. Impostors: variant A (first impressions) and
/// B (all impressions) of different fingers. Each unordered pair is compared once.
fn run_protocol(samples: &[Sample]) -> (Scores, f64, usize) {
    let mut scores = Scores {
        genuine: Vec::new(),
        impostor_a: Vec::new(),
        impostor_b: Vec::new(),
    };
    let first_impression = samples.iter().map(|s| s.impression).min().unwrap_or(1);
    let pairs: Vec<(&Sample, &Sample)> = samples
        .iter()
        .enumerate()
        .flat_map(|(i, p)| samples[i + 1..].iter().map(move |c| (p, c)))
        .collect();
    let elapsed = fastest(|| {
        for (p, c) in &pairs {
            std::hint::black_box(p.probe.score(&c.search));
        }
    });
    let count = pairs.len();
    for (p, c) in pairs {
        let s = p.probe.score(&c.search);
        let row = (p.finger, p.impression, c.finger, c.impression, s);
        if p.finger == c.finger {
            scores.genuine.push(row);
        } else {
            scores.impostor_b.push(row);
            if p.impression == first_impression && c.impression == first_impression {
                scores.impostor_a.push(row);
            }
        }
    }
    (scores, elapsed, count)
}

fn only_scores(rows: &[(u32, u32, u32, u32, f32)]) -> Vec<f32> {
    rows.iter().map(|r| r.4).collect()
}

/// Fraction of impostor scores at or above `t` (accepted).
fn fmr(impostor: &[f32], t: f32) -> f64 {
    impostor.iter().filter(|&&s| s >= t).count() as f64 / impostor.len().max(1) as f64
}

/// Fraction of genuine scores below `t` (rejected).
fn fnmr(genuine: &[f32], t: f32) -> f64 {
    genuine.iter().filter(|&&s| s < t).count() as f64 / genuine.len().max(1) as f64
}

/// Candidate thresholds: every distinct score, plus one above all.
fn thresholds(genuine: &[f32], impostor: &[f32]) -> Vec<f32> {
    let mut t: Vec<f32> = genuine.iter().chain(impostor).copied().collect();
    t.push(f32::INFINITY);
    t.sort_by(f32::total_cmp);
    t.dedup();
    t
}

/// Equal error rate: the mean of FMR and FNMR where they are closest.
fn eer(genuine: &[f32], impostor: &[f32]) -> f64 {
    thresholds(genuine, impostor)
        .into_iter()
        .map(|t| (fmr(impostor, t), fnmr(genuine, t)))
        .min_by(|a, b| (a.0 - a.1).abs().total_cmp(&(b.0 - b.1).abs()))
        .map(|(a, b)| (a + b) / 2.0)
        .unwrap_or(1.0)
}

/// Lowest FNMR among thresholds whose FMR does not exceed `target`.
fn fnmr_at_fmr(genuine: &[f32], impostor: &[f32], target: f64) -> f64 {
    thresholds(genuine, impostor)
        .into_iter()
        .filter(|&t| fmr(impostor, t) <= target)
        .map(|t| fnmr(genuine, t))
        .fold(1.0, f64::min)
}

/// Score at or above which only `target` of the impostors fall (None if too few impostors).
fn threshold_at_fmr(impostor: &[f32], target: f64) -> Option<f32> {
    let mut sorted = impostor.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let allowed = (target * sorted.len() as f64).floor() as usize;
    if allowed == 0 && target * (sorted.len() as f64) < 1.0 {
        return None;
    }
    sorted.get(allowed).map(|s| s.next_up())
}

fn write_scores(path: &Path, rows: &[(u32, u32, u32, u32, f32)]) -> std::io::Result<()> {
    let mut text = String::new();
    for (pf, pi, cf, ci, s) in rows {
        let _ = writeln!(text, "{pf}_{pi} {cf}_{ci} {s:.6}");
    }
    std::fs::write(path, text)
}

/// One line per impression: `finger_impression quality minutiae`.
fn write_qualities(path: &Path, samples: &[Sample]) -> std::io::Result<()> {
    let mut text = String::new();
    for s in samples {
        let _ = writeln!(
            text,
            "{}_{} {} {}",
            s.finger,
            s.impression,
            s.template.quality,
            s.template.minutiae.len()
        );
    }
    std::fs::write(path, text)
}

/// A DET curve (FNMR against FMR, both on log scales) per folder, as SVG.
fn det_svg(reports: &[FolderReport]) -> String {
    let (w, h, margin) = (640.0, 480.0, 60.0);
    let (lo_x, hi_x, lo_y, hi_y) = (-4.0f64, 0.0f64, -3.0f64, 0.0f64);
    let px =
        |fmr: f64| margin + (fmr.max(1e-4).log10() - lo_x) / (hi_x - lo_x) * (w - 2.0 * margin);
    let py = |fnmr: f64| {
        h - margin - (fnmr.max(1e-3).log10() - lo_y) / (hi_y - lo_y) * (h - 2.0 * margin)
    };
    let colours = [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
    ];
    let mut svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' font-family='sans-serif' font-size='12'>\n\
         <rect width='100%' height='100%' fill='white'/>\n\
         <text x='{}' y='20' text-anchor='middle'>DET (impostors: all impressions)</text>\n\
         <text x='{}' y='{}' text-anchor='middle'>FMR</text>\n\
         <text x='15' y='{}' transform='rotate(-90 15 {})' text-anchor='middle'>FNMR</text>\n",
        w / 2.0,
        w / 2.0,
        h - 15.0,
        h / 2.0,
        h / 2.0
    );
    for e in -4..=0 {
        let x = px(10f64.powi(e));
        let _ = writeln!(svg, "<line x1='{x}' y1='{}' x2='{x}' y2='{}' stroke='#ddd'/><text x='{x}' y='{}' text-anchor='middle'>1e{e}</text>", margin, h - margin, h - margin + 16.0);
    }
    for e in -3..=0 {
        let y = py(10f64.powi(e));
        let _ = writeln!(svg, "<line x1='{margin}' y1='{y}' x2='{}' y2='{y}' stroke='#ddd'/><text x='{}' y='{y}' text-anchor='end'>1e{e}</text>", w - margin, margin - 4.0);
    }
    for (k, r) in reports.iter().enumerate() {
        let (g, i) = (
            only_scores(&r.scores.genuine),
            only_scores(&r.scores.impostor_b),
        );
        let points: Vec<String> = thresholds(&g, &i)
            .into_iter()
            .map(|t| format!("{:.1},{:.1}", px(fmr(&i, t)), py(fnmr(&g, t))))
            .collect();
        let colour = colours[k % colours.len()];
        let _ = writeln!(
            svg,
            "<polyline fill='none' stroke='{colour}' stroke-width='1.5' points='{}'/>",
            points.join(" ")
        );
        let _ = writeln!(
            svg,
            "<text x='{}' y='{}' fill='{colour}'>{}</text>",
            w - margin - 80.0,
            margin + 16.0 * (k as f64 + 1.0),
            r.name
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Serialized template size in the versioned wire form.
fn template_bytes(t: &Template) -> usize {
    wire::encode(t).len()
}

fn main() {
    // `--identify` (1:N identification) lives in its own module, owned by the search work.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--identify") {
        if let Err(e) = identify::run(&args[1..]) {
            eprintln!("fvc-eval: {e}");
            std::process::exit(2);
        }
        return;
    }
    if let Err(e) = run() {
        eprintln!("fvc-eval: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let mut reports = Vec::new();
    for (folder, ppi) in &args.folders {
        let name = folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("folder")
            .to_string();
        let (samples, extract_ms) = load_folder(folder, *ppi)?;
        let (scores, compare_s, comparisons) = run_protocol(&samples);
        let (g, a, b) = (
            only_scores(&scores.genuine),
            only_scores(&scores.impostor_a),
            only_scores(&scores.impostor_b),
        );
        let fte = samples
            .iter()
            .filter(|s| s.template.minutiae.len() < MIN_USABLE_MINUTIAE)
            .count();
        let mean_minutiae = samples
            .iter()
            .map(|s| s.template.minutiae.len())
            .sum::<usize>() as f64
            / samples.len() as f64;
        println!(
            "{name}: EER={:.2}% FNMR@FMR1%={:.2}% FNMR@FMR0.1%={:.2}% | first-impression impostors: EER={:.2}% FNMR@FMR1%={:.2}% | FTE={fte} minutiae={mean_minutiae:.1} genuine={} impostor={}",
            100.0 * eer(&g, &b),
            100.0 * fnmr_at_fmr(&g, &b, 0.01),
            100.0 * fnmr_at_fmr(&g, &b, 0.001),
            100.0 * eer(&g, &a),
            100.0 * fnmr_at_fmr(&g, &a, 0.01),
            g.len(),
            b.len(),
        );
        for (suffix, rows) in [
            ("genuine", &scores.genuine),
            ("impostor_a", &scores.impostor_a),
            ("impostor_b", &scores.impostor_b),
        ] {
            let path = args.out.join(format!("{name}_{suffix}.txt"));
            write_scores(&path, rows).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let path = args.out.join(format!("{name}_quality.txt"));
        write_qualities(&path, &samples).map_err(|e| format!("{}: {e}", path.display()))?;
        reports.push(FolderReport {
            name,
            samples,
            scores,
            extract_ms,
            compare_s,
            comparisons,
        });
    }
    let svg_path = args.out.join("det.svg");
    std::fs::write(&svg_path, det_svg(&reports))
        .map_err(|e| format!("{}: {e}", svg_path.display()))?;

    let n = reports.len() as f64;
    let mean = |f: &dyn Fn(&FolderReport) -> f64| reports.iter().map(f).sum::<f64>() / n;
    let metric = |r: &FolderReport, which: u8| {
        let (g, b) = (
            only_scores(&r.scores.genuine),
            only_scores(&r.scores.impostor_b),
        );
        match which {
            0 => eer(&g, &b),
            1 => fnmr_at_fmr(&g, &b, 0.01),
            _ => fnmr_at_fmr(&g, &b, 0.001),
        }
    };
    let all_samples = || reports.iter().flat_map(|r| r.samples.iter());
    let fte = all_samples()
        .filter(|s| s.template.minutiae.len() < MIN_USABLE_MINUTIAE)
        .count();
    // Mean over all images: folders weighted by their image counts.
    let extract_ms = reports
        .iter()
        .map(|r| r.extract_ms * r.samples.len() as f64)
        .sum::<f64>()
        / all_samples().count() as f64;
    let cmp_per_s = reports.iter().map(|r| r.comparisons).sum::<usize>() as f64
        / reports.iter().map(|r| r.compare_s).sum::<f64>().max(1e-9);
    let bytes = all_samples()
        .map(|s| template_bytes(&s.template))
        .sum::<usize>() as f64
        / all_samples().count() as f64;
    println!(
        "mean EER={:.2}% FNMR@FMR1%={:.2}% FNMR@FMR0.1%={:.2}% FTE={fte} extract_ms={extract_ms:.1} cmp_per_s={cmp_per_s:.0} template_bytes={bytes:.0}",
        100.0 * mean(&|r| metric(r, 0)),
        100.0 * mean(&|r| metric(r, 1)),
        100.0 * mean(&|r| metric(r, 2)),
    );
    if args.calibrate {
        calibrate(&reports);
    }
    if args.error_reject {
        print!("{}", error_reject_table(&reports));
    }
    Ok(())
}

/// The error-versus-reject table on the same comparisons as the FNMR@FMR0.1% figures above.
fn error_reject_table(reports: &[FolderReport]) -> String {
    let folders: Vec<error_reject::Folder> = reports
        .iter()
        .map(|r| error_reject::Folder {
            name: &r.name,
            qualities: r
                .samples
                .iter()
                .map(|s| (s.finger, s.impression, s.template.quality))
                .collect(),
            genuine: &r.scores.genuine,
            impostor: &r.scores.impostor_b,
        })
        .collect();
    error_reject::table(&folders, 0.001, fnmr_at_fmr)
}

/// Pools impostor scores within folders (variant B) and across folders (every pair), and prints
/// the scores at the FMRs the engine documents: the knots of `params::SCORE_CALIBRATION_RAW`.
fn calibrate(reports: &[FolderReport]) {
    let raw = |rows: &[(u32, u32, u32, u32, f32)], samples: &[Sample]| -> Vec<f32> {
        let find = |f: u32, i: u32| samples.iter().find(|s| s.finger == f && s.impression == i);
        rows.iter()
            .filter_map(|&(pf, pi, cf, ci, _)| {
                Some(find(pf, pi)?.probe.raw_score(&find(cf, ci)?.search))
            })
            .collect()
    };
    let mut impostor: Vec<f32> = reports
        .iter()
        .flat_map(|r| raw(&r.scores.impostor_b, &r.samples))
        .collect();
    for (i, r) in reports.iter().enumerate() {
        for other in &reports[i + 1..] {
            for p in &r.samples {
                for c in &other.samples {
                    impostor.push(p.probe.raw_score(&c.search));
                }
            }
        }
    }
    let mut genuine: Vec<f32> = reports
        .iter()
        .flat_map(|r| raw(&r.scores.genuine, &r.samples))
        .collect();
    genuine.sort_by(f32::total_cmp);
    println!(
        "calibration: {} impostor and {} genuine scores",
        impostor.len(),
        genuine.len()
    );
    // The matcher reports raw scores through `calibrate_score`, so measure on the raw scale.
    let mut knots = Vec::new();
    for (label, target) in [
        ("1/100", 1e-2),
        ("1/1,000", 1e-3),
        ("1/10,000", 1e-4),
        ("1/100,000", 1e-5),
    ] {
        match threshold_at_fmr(&impostor, target) {
            Some(t) => {
                println!(
                    "  FMR {label}: score {t:.4} (FNMR there {:.2}%)",
                    100.0 * fnmr(&genuine, t)
                );
                knots.push(t);
            }
            None => println!("  FMR {label}: too few impostor scores to measure"),
        }
    }
    println!("  calibrated score knots (FMR 1e-2, 1e-3, ...): {knots:?}");
    let mut top = impostor.clone();
    top.sort_by(|a, b| b.total_cmp(a));
    println!("  highest impostor scores: {:?}", &top[..top.len().min(10)]);
}
