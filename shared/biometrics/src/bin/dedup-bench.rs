//! `dedup-bench`: 1:N deduplication speed and accuracy. FVC2002 fingers are hidden in a SYNTHETIC
//! gallery of N people and searched for, the way the matching worker searches one shard.
//!
//! Usage: `dedup-bench --people N [--shortlist S] [--probes P] [--data DIR] [--template-cache FILE]
//! [--screen-only] [--diagnose]` (tuning aids: screening alone; the mate's rank under every
//! screening stage computed over the whole gallery, slow).
//!
//! Pairing: in each FVC2002 set-B folder (10 fingers x 8 impressions) fingers are sorted and taken
//! two by two, (101, 102), (103, 104), ...: the first is the person's right index (ISO position 2),
//! the second their left index (position 7). That makes 5 people per folder, 20 in all. Impression
//! 1 of both fingers is enrolled; impressions 2-8 (same number on both fingers) are the probes:
//! 140 mated searches. Each is run again with its mate removed from the gallery (non-mated).
//! The synthetic people fill the rest of the gallery (`search::synthetic`); their right and left
//! index fingers are generated, and their other eight positions hold copies of those two codes so
//! the in-memory form has its full ten-finger size (two-finger probes never read them).
//! Baseline, measured in the same run: exhaustive exact matching of every person.

#[path = "support/fvc_templates.rs"]
mod fvc_templates;

use biometrics::params::MIN_USABLE_MINUTIAE;
use biometrics::search::params::SHORTLIST_PEOPLE;
use biometrics::search::synthetic::{synthetic_template, Rng};
use biometrics::search::{
    decide, fuse, Decision, ExactProbe, FingerCode, ScreeningIndex, ScreeningProbe,
    FINGER_POSITIONS,
};
use biometrics::Template;
use fvc_templates::Impression;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

const RIGHT_INDEX: u8 = 2;
const LEFT_INDEX: u8 = 7;
/// FVC2002 set B folders and resolutions (DB2 was scanned at 569 ppi).
const FOLDERS: [(&str, u16); 4] = [
    ("DB1_B", 500),
    ("DB2_B", 569),
    ("DB3_B", 500),
    ("DB4_B", 500),
];
/// People compared exhaustively to time the baseline.
const BASELINE_PEOPLE: usize = 300;
const GALLERY_SEED: u64 = 0x5EED_2002;

struct Args {
    people: usize,
    shortlist: usize,
    probes: usize,
    data: PathBuf,
    cache: Option<PathBuf>,
    /// Tuning aid: screening only (no exact stage, no baseline, no non-mated searches).
    screen_only: bool,
    /// Tuning aid: the mate's rank under every screening stage's score over the whole gallery.
    diagnose: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        people: 10_000,
        shortlist: SHORTLIST_PEOPLE,
        probes: usize::MAX,
        data: PathBuf::from("../shared/data/fingerprints/fvc2002"),
        cache: None,
        screen_only: false,
        diagnose: false,
    };
    let mut it = std::env::args().skip(1);
    let number = |v: Option<String>, name: &str| -> Result<usize, String> {
        v.ok_or(format!("{name} needs a value"))?
            .replace('_', "")
            .parse()
            .map_err(|e| format!("{name}: {e}"))
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--people" => args.people = number(it.next(), "--people")?,
            "--shortlist" => args.shortlist = number(it.next(), "--shortlist")?,
            "--probes" => args.probes = number(it.next(), "--probes")?,
            "--screen-only" => args.screen_only = true,
            "--diagnose" => {
                args.diagnose = true;
                args.screen_only = true;
            }
            "--data" => args.data = PathBuf::from(it.next().ok_or("--data needs a folder")?),
            "--template-cache" => {
                args.cache = Some(PathBuf::from(it.next().ok_or("--template-cache needs a file")?))
            }
            _ => return Err(format!("unknown argument {a}; usage: dedup-bench --people N [--shortlist S] [--probes P] [--data DIR] [--template-cache FILE] [--screen-only] [--diagnose]")),
        }
    }
    Ok(args)
}

/// A real (FVC) person: two fingers, eight impressions each (index 0 = impression 1).
struct RealPerson {
    right: Vec<Template>,
    left: Vec<Template>,
    slot: u32,
}

/// The gallery: the compact index plus what the exact stage needs to fetch a person's templates.
struct Gallery {
    index: ScreeningIndex,
    /// slot -> index into `real`, for the hidden FVC people.
    real_at: BTreeMap<u32, usize>,
}

fn synthetic_seed(slot: u32, position: u8) -> u64 {
    GALLERY_SEED ^ (u64::from(slot) << 8) ^ u64::from(position)
}

/// The enrolled templates of a slot (the exact stage's "fetch from storage"): synthetic ones are
/// regenerated from their seed, which costs about what decoding a stored template would.
fn fetch(gallery: &Gallery, real: &[RealPerson], slot: u32) -> [(u8, Template); 2] {
    match gallery.real_at.get(&slot) {
        Some(&r) => [
            (RIGHT_INDEX, real[r].right[0].clone()),
            (LEFT_INDEX, real[r].left[0].clone()),
        ],
        None => [
            (
                RIGHT_INDEX,
                synthetic_template(&mut Rng::new(synthetic_seed(slot, RIGHT_INDEX))),
            ),
            (
                LEFT_INDEX,
                synthetic_template(&mut Rng::new(synthetic_seed(slot, LEFT_INDEX))),
            ),
        ],
    }
}

fn ten_fingers(right: FingerCode, left: FingerCode) -> [Option<FingerCode>; FINGER_POSITIONS] {
    // Positions 1-5 are the right hand, 6-10 the left.
    std::array::from_fn(|i| Some(if i < 5 { right.clone() } else { left.clone() }))
}

fn build_gallery(people: usize, real: &mut [RealPerson]) -> Gallery {
    let mut rng = Rng::new(GALLERY_SEED);
    // Spread the real people over the whole gallery at random distinct slots.
    let mut real_at = BTreeMap::new();
    for (r, person) in real.iter_mut().enumerate() {
        loop {
            let slot = (rng.next_u64() % people as u64) as u32;
            if let std::collections::btree_map::Entry::Vacant(e) = real_at.entry(slot) {
                e.insert(r);
                person.slot = slot;
                break;
            }
        }
    }
    let mut index = ScreeningIndex::with_capacity(people);
    for slot in 0..people as u32 {
        let codes = match real_at.get(&slot) {
            Some(&r) => ten_fingers(
                FingerCode::new(&real[r].right[0]),
                FingerCode::new(&real[r].left[0]),
            ),
            None => ten_fingers(
                FingerCode::new(&synthetic_template(&mut Rng::new(synthetic_seed(
                    slot,
                    RIGHT_INDEX,
                )))),
                FingerCode::new(&synthetic_template(&mut Rng::new(synthetic_seed(
                    slot, LEFT_INDEX,
                )))),
            ),
        };
        index.push(&codes);
    }
    Gallery { index, real_at }
}

fn pair_people(all: &[Impression]) -> Vec<RealPerson> {
    let mut by_finger: BTreeMap<(usize, u32), Vec<&Impression>> = BTreeMap::new();
    for i in all {
        by_finger.entry((i.folder, i.finger)).or_default().push(i);
    }
    let mut people = Vec::new();
    let mut folders: BTreeMap<usize, Vec<Vec<Template>>> = BTreeMap::new();
    for ((folder, _), mut imps) in by_finger {
        imps.sort_by_key(|i| i.impression);
        folders
            .entry(folder)
            .or_default()
            .push(imps.iter().map(|i| i.template.clone()).collect());
    }
    for fingers in folders.into_values() {
        for pair in fingers.chunks_exact(2) {
            people.push(RealPerson {
                right: pair[0].clone(),
                left: pair[1].clone(),
                slot: 0,
            });
        }
    }
    people
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn quantile(v: &mut [f32], q: f64) -> f32 {
    if v.is_empty() {
        return f32::NAN;
    }
    v.sort_by(f32::total_cmp);
    v[((v.len() - 1) as f64 * q).round() as usize]
}

/// CPU time this thread has run, in ms (Linux `schedstat`, nanoseconds): on a machine shared with
/// other work it shows what a search costs apart from the time spent waiting for a core.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e6)
}

/// Resident memory of the process (Linux), to check the index's computed size.
fn rss_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

struct SearchOutcome {
    decision: Decision,
    best_slot: Option<u32>,
    evidence: Vec<(u32, f32)>,
}

/// The exact stage over a short list: fused evidence per candidate and the decision.
fn exact_stage(
    probe: &ExactProbe,
    shortlist: &[u32],
    gallery: &Gallery,
    real: &[RealPerson],
) -> SearchOutcome {
    // (slot, fused evidence, sum of raw scores): evidence decides, the raw sum ranks.
    let mut scored: Vec<(u32, f32, f32)> = shortlist
        .iter()
        .map(|&slot| {
            let fingers = fetch(gallery, real, slot);
            let scores = probe.score(fingers.iter().map(|(p, t)| (*p, t)));
            (slot, fuse(&scores), scores.iter().map(|s| s.score).sum())
        })
        .collect();
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let best_evidence = scored.iter().map(|s| s.1).fold(0.0, f32::max);
    SearchOutcome {
        decision: decide(best_evidence, gallery.index.len()),
        best_slot: scored.first().map(|b| b.0),
        evidence: scored.iter().map(|s| (s.0, s.1)).collect(),
    }
}

fn main() {
    if let Err(e) = run() {
        eprintln!("dedup-bench: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let folders: Vec<(PathBuf, u16)> = FOLDERS
        .iter()
        .map(|(name, ppi)| (args.data.join(name), *ppi))
        .collect();
    let start = Instant::now();
    let impressions = fvc_templates::load(&folders, args.cache.as_deref())?;
    let too_few = impressions
        .iter()
        .filter(|i| i.template.minutiae.len() < MIN_USABLE_MINUTIAE)
        .count();
    let mut real = pair_people(&impressions);
    println!(
        "FVC2002: {} impressions, {} people of two fingers, {} templates under {} minutiae (kept), loaded in {:.1} s",
        impressions.len(),
        real.len(),
        too_few,
        MIN_USABLE_MINUTIAE,
        start.elapsed().as_secs_f64()
    );

    let mut rng = Rng::new(1);
    let synthetic: Vec<Template> = (0..500).map(|_| synthetic_template(&mut rng)).collect();
    println!(
        "minutiae per template: FVC {}; SYNTHETIC {}",
        template_stats(impressions.iter().map(|i| &i.template)),
        template_stats(synthetic.iter())
    );
    let rss_before = rss_bytes();
    let start = Instant::now();
    let gallery = build_gallery(args.people, &mut real);
    let rss_after = rss_bytes();
    let bytes_per_person = ScreeningIndex::bytes_per_person() + std::mem::size_of::<u32>();
    println!(
        "gallery: {} people ({} SYNTHETIC + {} FVC) built in {:.1} s; search form {} B/person (+4 B slot->id) = {} B; process RSS grew {} B/person",
        gallery.index.len(),
        gallery.index.len() - real.len(),
        real.len(),
        start.elapsed().as_secs_f64(),
        ScreeningIndex::bytes_per_person(),
        bytes_per_person,
        match (rss_before, rss_after) {
            (Some(a), Some(b)) => format!("{}", b.saturating_sub(a) / args.people.max(1)),
            _ => "?".into(),
        }
    );

    // Baseline: exhaustive exact matching, timed over a few hundred people and scaled to N.
    let probe0 = ExactProbe::new([
        (RIGHT_INDEX, &real[0].right[1]),
        (LEFT_INDEX, &real[0].left[1]),
    ]);
    let baseline_people = if args.screen_only {
        1
    } else {
        BASELINE_PEOPLE.min(args.people)
    };
    let t = Instant::now();
    let mut sink = 0.0;
    for slot in 0..baseline_people as u32 {
        let fingers = fetch(&gallery, &real, slot);
        sink += fuse(&probe0.score(fingers.iter().map(|(p, t)| (*p, t))));
    }
    let exhaustive_ms_per_person = t.elapsed().as_secs_f64() * 1e3 / baseline_people as f64;
    let t = Instant::now();
    for slot in 0..baseline_people as u32 {
        for (_, f) in fetch(&gallery, &real, slot) {
            sink += biometrics::SearchTemplate::new(&f).len() as f32;
        }
    }
    println!(
        "  of which fetching and preparing the candidate's templates: {:.3} ms/person",
        t.elapsed().as_secs_f64() * 1e3 / baseline_people as f64
    );
    let exhaustive_ms = exhaustive_ms_per_person * args.people as f64;
    println!(
        "baseline: exhaustive exact matching {exhaustive_ms_per_person:.3} ms/person (2 fingers, measured over {baseline_people}) -> {:.1} s per search of {} people (checksum {sink:.1})",
        exhaustive_ms / 1e3,
        args.people
    );

    let mut times = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut cpu = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut searches, mut retained, mut rank1) = (0usize, 0usize, 0usize);
    let mut mated: BTreeMap<&str, usize> = BTreeMap::new();
    let mut non_mated: BTreeMap<&str, usize> = BTreeMap::new();
    let mut ranks = Vec::new();
    let mut positions = Vec::new();
    let (mut real_impostor_screen, mut synthetic_screen) = (Vec::new(), Vec::new());
    let (mut real_impostor_evidence, mut nonmate_best_evidence) = (Vec::new(), Vec::new());
    let real_slots: Vec<u32> = real.iter().map(|p| p.slot).collect();
    'people: for (r, person) in real.iter().enumerate() {
        for imp in 1..person.right.len().min(person.left.len()) {
            if searches == args.probes {
                break 'people;
            }
            searches += 1;
            let (a, b) = (&person.right[imp], &person.left[imp]);
            let c0 = cpu_ms();
            let t0 = Instant::now();
            let screening_probe = ScreeningProbe::new([(RIGHT_INDEX, a), (LEFT_INDEX, b)]);
            let exact_probe = ExactProbe::new([(RIGHT_INDEX, a), (LEFT_INDEX, b)]);
            let t1 = Instant::now();
            let c1 = cpu_ms();
            let mut first = gallery.index.first_pass(&screening_probe);
            let t1b = Instant::now();
            let c1b = cpu_ms();
            let short = gallery
                .index
                .screen_from(&screening_probe, &first, args.shortlist);
            let t2 = Instant::now();
            let c2 = cpu_ms();
            let slots: Vec<u32> = short.iter().map(|s| s.slot).collect();
            let exact_slots = if args.screen_only {
                &slots[..0]
            } else {
                &slots[..]
            };
            let outcome = exact_stage(&exact_probe, exact_slots, &gallery, &real);
            let t3 = Instant::now();
            let c3 = cpu_ms();
            cpu.0.push(c3 - c0);
            cpu.1.push(c1b - c1);
            cpu.2.push(c2 - c1);
            cpu.3.push(c3 - c2);
            times.0.push((t1 - t0).as_secs_f64() * 1e3);
            times.1.push((t2 - t1).as_secs_f64() * 1e3);
            times.3.push((t1b - t1).as_secs_f64() * 1e3);
            times.2.push((t3 - t2).as_secs_f64() * 1e3);

            let mate = person.slot;
            let scores = first.scores();
            let rank = scores
                .iter()
                .filter(|&&s| s > scores[mate as usize])
                .count()
                + 1;
            ranks.push(rank);
            if args.diagnose {
                diagnose(&gallery.index, a, b, mate, rank, r, imp);
            }
            if let Some(at) = slots.iter().position(|&s| s == mate) {
                positions.push(at + 1);
                retained += 1;
            } else {
                println!(
                    "  lost: person {r} impression {} (first-stage rank {rank}; minutiae {} + {})",
                    imp + 1,
                    a.minutiae.len(),
                    b.minutiae.len()
                );
            }
            if outcome.best_slot == Some(mate) {
                rank1 += 1;
            }
            *mated.entry(label(outcome.decision)).or_default() += 1;

            // Realism check: how the real FVC non-mates score against how synthetic people score.
            for (q, &slot) in real_slots.iter().enumerate() {
                if q != r {
                    real_impostor_screen.push(scores[slot as usize]);
                }
                if q != r && !args.screen_only {
                    let f = fetch(&gallery, &real, slot);
                    real_impostor_evidence
                        .push(fuse(&exact_probe.score(f.iter().map(|(p, t)| (*p, t)))));
                }
            }
            for (slot, &s) in scores.iter().enumerate().step_by(97) {
                if !gallery.real_at.contains_key(&(slot as u32)) {
                    synthetic_screen.push(s);
                }
            }

            // Non-mated search: the same probe with its mate removed from the gallery.
            if args.screen_only {
                continue;
            }
            first.exclude(mate);
            let short: Vec<u32> = gallery
                .index
                .screen_from(&screening_probe, &first, args.shortlist)
                .iter()
                .map(|s| s.slot)
                .collect();
            let outcome = exact_stage(&exact_probe, &short, &gallery, &real);
            *non_mated.entry(label(outcome.decision)).or_default() += 1;
            nonmate_best_evidence.push(outcome.evidence.first().map_or(0.0, |e| e.1));
        }
    }

    let (prep, screen, exact, first_pass) = (
        median(&mut times.0.clone()),
        median(&mut times.1.clone()),
        median(&mut times.2.clone()),
        median(&mut times.3),
    );
    let mut total: Vec<f64> = (0..times.0.len())
        .map(|i| times.0[i] + times.1[i] + times.2[i])
        .collect();
    let search_ms = median(&mut total);
    println!(
        "search CPU time (median ms, this thread only): total {:.1}, first pass {:.1}, screening {:.1}, exact stage {:.1}",
        median(&mut cpu.0),
        median(&mut cpu.1),
        median(&mut cpu.2),
        median(&mut cpu.3)
    );
    ranks.sort_unstable();
    println!(
        "search (median ms): prepare probe {prep:.1}, screening {screen:.1} (first pass over everyone {first_pass:.1}), exact stage on {} people {exact:.1}; total {search_ms:.1} (exhaustive baseline {:.0} ms: x{:.0})",
        args.shortlist,
        exhaustive_ms,
        exhaustive_ms / search_ms
    );
    println!(
        "mates: {searches} searches, short list {} of {}, mate screening rank median {} / p95 {} / worst {}, rank-1 after exact stage {:.1}%",
        args.shortlist,
        args.people,
        ranks.get(ranks.len() / 2).copied().unwrap_or(0),
        ranks.get(ranks.len() * 95 / 100).copied().unwrap_or(0),
        ranks.last().copied().unwrap_or(0),
        100.0 * rank1 as f64 / searches.max(1) as f64
    );
    positions.sort_unstable();
    println!(
        "retained mates' place in the short list: median {} / p95 {} / worst {}",
        positions.get(positions.len() / 2).copied().unwrap_or(0),
        positions
            .get(positions.len() * 95 / 100)
            .copied()
            .unwrap_or(0),
        positions.last().copied().unwrap_or(0),
    );
    println!("decisions, mated searches: {mated:?}; non-mated (mate removed): {non_mated:?}");
    println!(
        "screening scores of non-mates: real FVC p50 {:.2} p99 {:.2} max {:.2}; SYNTHETIC p50 {:.2} p99 {:.2} p99.99 {:.2}",
        quantile(&mut real_impostor_screen, 0.5),
        quantile(&mut real_impostor_screen, 0.99),
        quantile(&mut real_impostor_screen, 1.0),
        quantile(&mut synthetic_screen, 0.5),
        quantile(&mut synthetic_screen, 0.99),
        quantile(&mut synthetic_screen, 0.9999),
    );
    println!(
        "fused evidence (decades) of non-mates: real FVC p99 {:.1} max {:.1}; best short-listed non-mate p50 {:.1} max {:.1}",
        quantile(&mut real_impostor_evidence, 0.99),
        quantile(&mut real_impostor_evidence, 1.0),
        quantile(&mut nonmate_best_evidence, 0.5),
        quantile(&mut nonmate_best_evidence, 1.0),
    );
    println!(
        "people={} fingers_per_probe=2 search_ms={:.0} mate_retention={:.1}% bytes_per_person={}",
        args.people,
        search_ms,
        100.0 * retained as f64 / searches.max(1) as f64,
        bytes_per_person
    );
    Ok(())
}

/// The mate's rank under each stage's score computed over everyone, and per finger.
fn diagnose(
    index: &ScreeningIndex,
    a: &Template,
    b: &Template,
    mate: u32,
    first_rank: usize,
    person: usize,
    imp: usize,
) {
    let rank = |s: &[f32]| s.iter().filter(|&&x| x > s[mate as usize]).count() + 1;
    let all: Vec<u32> = (0..index.len() as u32).collect();
    let both = ScreeningProbe::new([(RIGHT_INDEX, a), (LEFT_INDEX, b)]);
    let right = ScreeningProbe::new([(RIGHT_INDEX, a)]);
    let left = ScreeningProbe::new([(LEFT_INDEX, b)]);
    let sum = |v: Vec<Vec<f32>>| -> Vec<f32> {
        (0..v[0].len())
            .map(|i| v.iter().map(|f| f[i]).sum())
            .collect()
    };
    let full = sum(index.full_scores(&both, &all));
    let second: Vec<f32> = all
        .iter()
        .map(|&s| index.rescore(&both, s).iter().sum())
        .collect();
    let second_r: Vec<f32> = all.iter().map(|&s| index.rescore(&right, s)[0]).collect();
    let second_l: Vec<f32> = all.iter().map(|&s| index.rescore(&left, s)[0]).collect();
    let first_r = index.first_pass(&right);
    let first_l = index.first_pass(&left);
    let full_r = sum(index.full_scores(&right, &all));
    let full_l = sum(index.full_scores(&left, &all));
    println!(
        "  diag person {person} imp {}: first {first_rank} (right {} left {}) full {} (right {} left {}) second {} (right {} left {}) mate second {:.1}",
        imp + 1,
        rank(first_r.scores()),
        rank(first_l.scores()),
        rank(&full),
        rank(&full_r),
        rank(&full_l),
        rank(&second),
        rank(&second_r),
        rank(&second_l),
        second[mate as usize]
    );
}

/// Mean minutiae count and median nearest-neighbour distance, to compare synthetic with real.
fn template_stats<'a>(templates: impl Iterator<Item = &'a Template>) -> String {
    let (mut counts, mut nearest) = (Vec::new(), Vec::new());
    for t in templates {
        counts.push(t.minutiae.len() as f32);
        for (i, a) in t.minutiae.iter().enumerate() {
            let d = t
                .minutiae
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, b)| {
                    (f32::from(a.x) - f32::from(b.x)).hypot(f32::from(a.y) - f32::from(b.y))
                })
                .fold(f32::INFINITY, f32::min);
            nearest.push(d);
        }
    }
    let mean = counts.iter().sum::<f32>() / counts.len().max(1) as f32;
    format!(
        "mean {mean:.1}, p10 {:.0}, p90 {:.0}, nearest-neighbour median {:.1} px",
        quantile(&mut counts, 0.1),
        quantile(&mut counts, 0.9),
        quantile(&mut nearest, 0.5)
    )
}

fn label(d: Decision) -> &'static str {
    match d {
        Decision::Unique => "unique",
        Decision::Ambiguous => "ambiguous",
        Decision::Duplicate => "duplicate",
    }
}
