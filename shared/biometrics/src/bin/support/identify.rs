//! `fvc-eval --identify FOLDER[:PPI] ...`: closed-set and open-set identification on FVC folders.
//! Gallery: impression 1 of every finger of all folders; probes: impressions 2-8. Each probe is
//! searched twice: against the whole gallery (mated) and with its own finger left out
//! (non-mated, as ISO/IEC 19795-1 counts open-set errors). Prints rank-1 identification rate and
//! FNIR at the threshold where FPIR is 1 %.

#[path = "fvc_templates.rs"]
mod fvc_templates;

use biometrics::{MatcherProbe, SearchTemplate};

/// Open-set operating point.
const TARGET_FPIR: f64 = 0.01;

pub fn run(args: &[String]) -> Result<(), String> {
    let folders = args
        .iter()
        .map(|a| fvc_templates::parse_folder(a))
        .collect::<Result<Vec<_>, _>>()?;
    if folders.is_empty() {
        return Err("usage: fvc-eval --identify FOLDER[:PPI] ...".into());
    }
    let all = fvc_templates::load(&folders, None)?;
    let gallery: Vec<(usize, u32, SearchTemplate)> = all
        .iter()
        .filter(|i| i.impression == 1)
        .map(|i| (i.folder, i.finger, SearchTemplate::new(&i.template)))
        .collect();
    // (rank of the mate, mate score, best non-mate score) per probe.
    let mut results: Vec<(usize, f32, f32)> = Vec::new();
    for probe in all.iter().filter(|i| i.impression > 1) {
        let matcher = MatcherProbe::new(&probe.template);
        let scores: Vec<(bool, f32)> = gallery
            .iter()
            .map(|(folder, finger, t)| {
                (
                    *folder == probe.folder && *finger == probe.finger,
                    matcher.score(t),
                )
            })
            .collect();
        let mate = scores
            .iter()
            .find(|s| s.0)
            .map_or(f32::NEG_INFINITY, |s| s.1);
        let best_other = scores
            .iter()
            .filter(|s| !s.0)
            .map(|s| s.1)
            .fold(f32::NEG_INFINITY, f32::max);
        let rank = 1 + scores.iter().filter(|s| !s.0 && s.1 >= mate).count();
        results.push((rank, mate, best_other));
    }
    let n = results.len().max(1) as f64;
    let rank1 = results.iter().filter(|r| r.0 == 1).count() as f64 / n;
    // Threshold: the smallest score that at most 1 % of non-mated searches reach.
    let mut non_mated: Vec<f32> = results.iter().map(|r| r.2).collect();
    non_mated.sort_by(|a, b| b.total_cmp(a));
    let allowed = (TARGET_FPIR * non_mated.len() as f64).floor() as usize;
    let threshold = non_mated
        .get(allowed)
        .map_or(f32::NEG_INFINITY, |s| s.next_up());
    let fpir = non_mated.iter().filter(|&&s| s >= threshold).count() as f64 / n;
    let fnir = results
        .iter()
        .filter(|r| !(r.0 == 1 && r.1 >= threshold))
        .count() as f64
        / n;
    println!(
        "identification: gallery {} fingers (impression 1), {} probes (impressions 2-8), {} folders",
        gallery.len(),
        results.len(),
        folders.len()
    );
    println!(
        "rank1={:.2}% FNIR@FPIR1%={:.2}% (threshold {threshold:.2}, FPIR measured {:.2}%)",
        100.0 * rank1,
        100.0 * fnir,
        100.0 * fpir
    );
    Ok(())
}
