//! The ten-finger grid of one probe and candidate: each finger's quality on both sides (or why
//! it was not captured), the pair's score, and the choice of which pair's minutiae to draw.

use super::strings::*;
use crate::i18n::{t, use_lang};
use crate::kecamatan::recording_draft::FINGER_NAMES;
use leptos::prelude::*;
use shared::api::{FingerQuality, FingerScoreCell};
use shared::i18n::Lang;

/// The finger whose overlay opens first: the best-scoring pair (the one that most needs a look).
pub fn best_finger(scores: &[FingerScoreCell]) -> Option<u8> {
    scores
        .iter()
        .filter_map(|c| c.score.map(|s| (c.position, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(p, _)| p)
}

fn quality(f: Option<&FingerQuality>, lang: Lang) -> String {
    match f {
        Some(FingerQuality {
            quality: Some(q), ..
        }) => q.to_string(),
        Some(FingerQuality {
            exception: Some(why),
            ..
        }) => why.label(lang).to_string(),
        _ => NOT_CAPTURED.get(lang).to_string(),
    }
}

/// The grid; `chosen` is the finger whose overlay is shown.
#[component]
pub fn FingerGrid(
    probe: Vec<FingerQuality>,
    candidate: Vec<FingerQuality>,
    scores: Vec<FingerScoreCell>,
    chosen: RwSignal<Option<u8>>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = (1..=10u8)
        .map(|position| {
            let p = probe.iter().find(|f| f.position == position).copied();
            let c = candidate.iter().find(|f| f.position == position).copied();
            let score = scores
                .iter()
                .find(|s| s.position == position)
                .and_then(|s| s.score);
            let (name_id, name_en) = FINGER_NAMES[usize::from(position - 1)];
            let is_chosen = move || chosen.get() == Some(position);
            view! {
                <tr class:chosen=is_chosen>
                    <th scope="row">{format!("{position}. ")}{move || lang.get().pick(name_id, name_en)}</th>
                    <td>{move || quality(p.as_ref(), lang.get())}</td>
                    <td>{move || quality(c.as_ref(), lang.get())}</td>
                    <td class="score">{move || score.map(|s| format!("{s:.1}")).unwrap_or_else(|| NO_SCORE.get(lang.get()).to_string())}</td>
                    <td>
                        {score.is_some().then(|| view! {
                            <button type="button" aria-pressed=move || is_chosen().to_string()
                                on:click=move |_| chosen.set(Some(position))>
                                {move || if is_chosen() { t(SHOWN)() } else { t(SHOW_OVERLAY)() }}
                                <span class="visually-hidden">{format!(" {position}")}</span>
                            </button>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="finger-grid">
            <caption>{t(FINGERS_TITLE)}</caption>
            <thead><tr>
                <th scope="col">{t(COL_FINGER)}</th>
                <th scope="col">{t(COL_PROBE_QUALITY)}</th>
                <th scope="col">{t(COL_CANDIDATE_QUALITY)}</th>
                <th scope="col">{t(COL_SCORE)}</th>
                <th scope="col">{t(COL_OVERLAY)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_scoring_pair_opens_first() {
        let cell = |position, score| FingerScoreCell { position, score };
        assert_eq!(
            best_finger(&[cell(1, Some(3.0)), cell(2, None), cell(7, Some(9.5))]),
            Some(7)
        );
        assert_eq!(best_finger(&[cell(1, None)]), None);
    }
}
